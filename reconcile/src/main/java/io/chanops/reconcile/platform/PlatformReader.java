package io.chanops.reconcile.platform;

import io.chanops.ledger.csv.CsvRow;
import io.chanops.ledger.csv.CsvSource;
import io.chanops.ledger.money.Fen;
import io.chanops.ledger.time.LocalTimes;
import io.chanops.reconcile.boss.BossDateTime;
import io.chanops.reconcile.boss.TextPool;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/** Reads platform-orders.csv ({@code order_id,created_at,channel,site_id,msisdn,sku,qty,amount,status}, SPEC §4). */
public final class PlatformReader {
    public static final List<String> COLUMNS =
            List.of("order_id", "created_at", "channel", "site_id", "msisdn", "sku", "qty", "amount", "status");
    private static final BossDateTime STORED = BossDateTime.of("yyyy-MM-dd HH:mm:ss");

    private PlatformReader() {
    }

    public static PlatformOrders read(Path file, Charset charset, Consumer<String> warn, LongConsumer progress) {
        try (CsvSource csv = CsvSource.open(file, charset)) {
            csv.require(COLUMNS).warnUnknown(Set.copyOf(COLUMNS), warn);
            TextPool pool = new TextPool();
            Problems problems = new Problems();
            List<PlatformOrder> rows = new ArrayList<>(1 << 12);
            long total = 0;
            long n = 0;
            for (CsvRow row : csv) {
                if (row.isEmptyLine()) {
                    continue;
                }
                String orderId = row.get("order_id");
                if (orderId.isEmpty()) {
                    problems.add(row.problem("order_id", "order_id is empty"));
                }
                String createdText = row.get("created_at");
                String created = LocalTimes.normaliseDateTime(createdText);
                if (created == null) {
                    problems.add(row.problem("created_at", "'" + createdText + "' is not a date-time YYYY-MM-DD HH:MM[:SS]"));
                }
                String channel = row.get("channel");
                if (channel.isEmpty()) {
                    problems.add(row.problem("channel", "channel is empty (web, wap, app...)"));
                }
                String qtyText = row.get("qty");
                int qty = parseQty(qtyText);
                if (qty <= 0) {
                    problems.add(row.problem("qty", "'" + qtyText + "' is not a positive whole number"));
                }
                String amountText = row.get("amount");
                Optional<Long> amount = Fen.parseYuan(amountText);
                if (amount.isEmpty()) {
                    problems.add(row.problem("amount", Fen.whyNotYuan(amountText)));
                } else if (amount.get() < 0) {
                    problems.add(row.problem("amount", "'" + amountText + "' is negative (a refund is status refunded, not a negative order)"));
                }
                String statusText = row.get("status");
                Optional<PlatformStatus> status = PlatformStatus.parse(statusText);
                if (status.isEmpty()) {
                    problems.add(row.problem("status", "'" + statusText + "' must be paid, completed, cancelled or refunded"));
                }
                if (problems.isEmpty()) {
                    long fen = amount.get();
                    total += fen;
                    rows.add(new PlatformOrder(orderId, STORED.parse(created), pool.of(channel), pool.of(row.get("site_id")),
                            row.get("msisdn"), pool.of(row.get("sku")), qty, fen, status.get(), row.line()));
                }
                if ((++n & 0xFFFF) == 0) {
                    progress.accept(n);
                }
            }
            progress.accept(n);
            problems.rejectIfAny();
            return new PlatformOrders(file.toString(), rows, total);
        }
    }

    private static int parseQty(String text) {
        if (text.isEmpty() || text.length() > 9) {
            return -1;
        }
        int v = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
