package io.chanops.reconcile.platform;

import io.chanops.ledger.InputRejectedException;
import io.chanops.ledger.Problem;
import io.chanops.reconcile.boss.BulkCsv;
import io.chanops.ledger.money.Fen;
import io.chanops.ledger.time.LocalTimes;
import io.chanops.reconcile.boss.BossDateTime;
import io.chanops.reconcile.boss.TextPool;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
        try (BulkCsv csv = BulkCsv.open(file, charset, ',')) {
            List<Problem> missing = new ArrayList<>();
            for (String column : COLUMNS) {
                if (!csv.hasColumn(column)) {
                    missing.add(new Problem(csv.name(), 1, column, "required column is missing from the header"));
                }
            }
            if (!missing.isEmpty()) {
                throw new InputRejectedException(missing);
            }
            for (String unknown : csv.unknownColumns(COLUMNS)) {
                warn.accept(new Problem(csv.name(), 1, unknown, "unknown column, ignored").toString());
            }
            int cId = csv.index("order_id");
            int cCreated = csv.index("created_at");
            int cChannel = csv.index("channel");
            int cSite = csv.index("site_id");
            int cMsisdn = csv.index("msisdn");
            int cSku = csv.index("sku");
            int cQty = csv.index("qty");
            int cAmount = csv.index("amount");
            int cStatus = csv.index("status");
            TextPool pool = new TextPool();
            Problems problems = new Problems();
            List<PlatformOrder> rows = new ArrayList<>(1 << 12);
            long total = 0;
            long n = 0;
            while (csv.next()) {
                String orderId = csv.get(cId);
                if (orderId.isEmpty()) {
                    problems.add(csv.problem(cId, "order_id is empty"));
                }
                String createdText = csv.get(cCreated);
                long created = STORED.parse(createdText);
                if (created == BossDateTime.INVALID) {
                    String normalised = LocalTimes.normaliseDateTime(createdText);
                    created = normalised == null ? BossDateTime.INVALID : STORED.parse(normalised);
                }
                if (created == BossDateTime.INVALID) {
                    problems.add(csv.problem(cCreated, "'" + createdText + "' is not a date-time YYYY-MM-DD HH:MM[:SS]"));
                }
                String channel = csv.get(cChannel);
                if (channel.isEmpty()) {
                    problems.add(csv.problem(cChannel, "channel is empty (web, wap, app...)"));
                }
                String qtyText = csv.get(cQty);
                int qty = parseQty(qtyText);
                if (qty <= 0) {
                    problems.add(csv.problem(cQty, "'" + qtyText + "' is not a positive whole number"));
                }
                String amountText = csv.get(cAmount);
                Optional<Long> amount = Fen.parseYuan(amountText);
                if (amount.isEmpty()) {
                    problems.add(csv.problem(cAmount, Fen.whyNotYuan(amountText)));
                } else if (amount.get() < 0) {
                    problems.add(csv.problem(cAmount, "'" + amountText
                            + "' is negative (a refund is status refunded, not a negative order)"));
                }
                String statusText = csv.get(cStatus);
                Optional<PlatformStatus> status = PlatformStatus.parse(statusText);
                if (status.isEmpty()) {
                    problems.add(csv.problem(cStatus, "'" + statusText + "' must be paid, completed, cancelled or refunded"));
                }
                if (problems.isEmpty()) {
                    long fen = amount.get();
                    total += fen;
                    rows.add(new PlatformOrder(orderId, created, pool.of(channel), pool.of(csv.get(cSite)),
                            csv.get(cMsisdn), pool.of(csv.get(cSku)), qty, fen, status.get(), csv.line()));
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
