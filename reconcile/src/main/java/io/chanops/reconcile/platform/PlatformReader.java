package io.chanops.reconcile.platform;

import io.chanops.ledger.InputRejectedException;
import io.chanops.ledger.Problem;
import io.chanops.ledger.money.Fen;
import io.chanops.ledger.time.LocalTimes;
import io.chanops.reconcile.boss.BossDateTime;
import io.chanops.reconcile.bulk.ByteCsv;
import io.chanops.reconcile.bulk.Numbers;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Reads platform-orders.csv ({@code order_id,created_at,channel,site_id,msisdn,sku,qty,amount,status}, SPEC §4) into a
 * {@link PlatformTable}, validating every row; any problem rejects the file with every problem listed (up to a bound).
 */
public final class PlatformReader {
    public static final List<String> COLUMNS =
            List.of("order_id", "created_at", "channel", "site_id", "msisdn", "sku", "qty", "amount", "status");
    private static final byte[][] STATUS_WORDS = {
            "paid".getBytes(StandardCharsets.US_ASCII), "completed".getBytes(StandardCharsets.US_ASCII),
            "cancelled".getBytes(StandardCharsets.US_ASCII), "refunded".getBytes(StandardCharsets.US_ASCII)};
    private static final PlatformStatus[] STATUSES =
            {PlatformStatus.PAID, PlatformStatus.COMPLETED, PlatformStatus.CANCELLED, PlatformStatus.REFUNDED};

    private PlatformReader() {
    }

    public static PlatformTable read(Path file, Charset charset, Consumer<String> warn, LongConsumer progress) {
        return read(file, charset, warn, progress, null);
    }

    /** As {@link #read(Path, Charset, Consumer, LongConsumer)}, feeding every byte read to {@code digest} (may be null). */
    public static PlatformTable read(Path file, Charset charset, Consumer<String> warn, LongConsumer progress,
                                     MessageDigest digest) {
        try (ByteCsv csv = ByteCsv.open(file, charset, ',', digest)) {
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
            BossDateTime stored = BossDateTime.of("yyyy-MM-dd HH:mm:ss");
            Charset bytesCharset = csv.byteCharset();
            PlatformTable table = new PlatformTable(file.toString(), bytesCharset, 1 << 16);
            Problems problems = new Problems();
            long n = 0;
            while (csv.next()) {
                byte[] b = csv.bytes();
                int idFrom = csv.from(cId);
                int idTo = csv.to(cId);
                if (idFrom >= idTo) {
                    problems.add(csv.problem(cId, "order_id is empty"));
                }
                long created = stored.parse(b, csv.from(cCreated), csv.to(cCreated), () -> csv.get(cCreated));
                if (created == BossDateTime.INVALID) {
                    String createdText = csv.get(cCreated);
                    String normalised = LocalTimes.normaliseDateTime(createdText);
                    created = normalised == null ? BossDateTime.INVALID : stored.parse(normalised);
                    if (created == BossDateTime.INVALID) {
                        problems.add(csv.problem(cCreated, "'" + createdText + "' is not a date-time YYYY-MM-DD HH:MM[:SS]"));
                    }
                }
                int chFrom = csv.from(cChannel);
                int chTo = csv.to(cChannel);
                if (chFrom >= chTo) {
                    problems.add(csv.problem(cChannel, "channel is empty (web, wap, app...)"));
                }
                int qty = Numbers.quantity(b, csv.from(cQty), csv.to(cQty));
                if (qty <= 0) {
                    problems.add(csv.problem(cQty, "'" + csv.get(cQty) + "' is not a positive whole number"));
                }
                long fen = Numbers.yuan(b, csv.from(cAmount), csv.to(cAmount));
                if (fen == Numbers.NONE) {
                    String amountText = csv.get(cAmount);
                    fen = Fen.parseYuan(amountText).orElse(Numbers.NONE);
                    if (fen == Numbers.NONE) {
                        problems.add(csv.problem(cAmount, Fen.whyNotYuan(amountText)));
                    }
                }
                if (fen != Numbers.NONE && fen < 0) {
                    problems.add(csv.problem(cAmount, "'" + csv.get(cAmount)
                            + "' is negative (a refund is status refunded, not a negative order)"));
                }
                PlatformStatus status = status(b, csv.from(cStatus), csv.to(cStatus));
                if (status == null) {
                    problems.add(csv.problem(cStatus, "'" + csv.get(cStatus) + "' must be paid, completed, cancelled or refunded"));
                }
                if (problems.isEmpty()) {
                    table.orderIds.add(b, idFrom, idTo, bytesCharset);
                    table.msisdns.add(b, csv.from(cMsisdn), csv.to(cMsisdn), bytesCharset);
                    table.add(created, table.channels.code(b, chFrom, chTo),
                            table.sites.code(b, csv.from(cSite), csv.to(cSite)),
                            table.skus.code(b, csv.from(cSku), csv.to(cSku)), qty, fen, status, csv.line());
                }
                if ((++n & 0xFFFF) == 0) {
                    progress.accept(n);
                }
            }
            progress.accept(n);
            problems.rejectIfAny();
            return table;
        }
    }

    private static PlatformStatus status(byte[] b, int from, int to) {
        for (int k = 0; k < STATUS_WORDS.length; k++) {
            if (Numbers.is(b, from, to, STATUS_WORDS[k])) {
                return STATUSES[k];
            }
        }
        return null;
    }
}
