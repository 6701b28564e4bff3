package io.chanops.reconcile.platform;

import io.chanops.ledger.csv.ByteCsv;
import io.chanops.ledger.csv.Cells;
import io.chanops.ledger.master.KnownIds;
import io.chanops.ledger.money.Fen;
import io.chanops.ledger.time.LocalTimes;
import io.chanops.ledger.time.TimeHints;
import io.chanops.reconcile.boss.BossDateTime;
import io.chanops.reconcile.bulk.Numbers;
import io.chanops.reconcile.bulk.Records;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Reads platform-orders.csv ({@code order_id,created_at,channel,site_id,msisdn,sku,qty,amount,status}, SPEC §4) into a
 * {@link PlatformTable}, validating every row; any problem rejects the file with every problem listed (up to a bound).
 */
public final class PlatformReader {
    private static final List<String> STATUSES = List.of("paid", "completed", "cancelled", "refunded");
    public static final List<String> COLUMNS =
            List.of("order_id", "created_at", "channel", "site_id", "msisdn", "sku", "qty", "amount", "status");

    private PlatformReader() {}

    /** Reads and validates the whole file, feeding every byte read to {@code digest} (may be null). */
    public static PlatformTable read(
            Path file, Charset charset, Consumer<String> warn, LongConsumer progress, MessageDigest digest) {
        try (ByteCsv csv = ByteCsv.open(file, charset, ',', digest)) {
            csv.require(COLUMNS).warnUnknown(COLUMNS, warn);
            RowReader rows = new RowReader(csv);
            Records.readEach(csv, rows::read, progress);
            rows.problems.rejectIfAny();
            return rows.table;
        }
    }

    /** Validates and keeps one record at a time (a small method per row: compiled early, cheaply). */
    private static final class RowReader {
        private final ByteCsv csv;
        private final int cId;
        private final int cCreated;
        private final int cChannel;
        private final int cSite;
        private final int cMsisdn;
        private final int cSku;
        private final int cQty;
        private final int cAmount;
        private final int cStatus;
        private final BossDateTime stored = BossDateTime.STORED;
        private final Charset bytesCharset;
        final PlatformTable table;
        final Problems problems = new Problems();

        RowReader(ByteCsv csv) {
            this.csv = csv;
            cId = csv.index("order_id");
            cCreated = csv.index("created_at");
            cChannel = csv.index("channel");
            cSite = csv.index("site_id");
            cMsisdn = csv.index("msisdn");
            cSku = csv.index("sku");
            cQty = csv.index("qty");
            cAmount = csv.index("amount");
            cStatus = csv.index("status");
            bytesCharset = csv.byteCharset();
            table = new PlatformTable(csv.name(), bytesCharset, csv.estimatedRecords());
        }

        void read() {
            if (csv.rejected(problems::add)) {
                return;
            }
            byte[] b = csv.bytes();
            int idFrom = csv.from(cId);
            int idTo = csv.to(cId);
            if (idFrom >= idTo) {
                problems.add(csv.problem(cId, "order_id is empty"));
            }
            csv.refuseScientific(problems::add, cId, cMsisdn);
            long created = stored.parse(b, csv.from(cCreated), csv.to(cCreated), () -> csv.get(cCreated));
            if (created == BossDateTime.INVALID) {
                created = createdSlowly();
            }
            int chFrom = csv.from(cChannel);
            int chTo = csv.to(cChannel);
            if (chFrom >= chTo) {
                problems.add(csv.problem(cChannel, "channel is empty (web, wap, app...)"));
            }
            long qtyRead = Numbers.quantity(b, csv.from(cQty), csv.to(cQty), () -> csv.get(cQty));
            int qty = qtyRead > 0 ? (int) qtyRead : 0;
            if (qtyRead <= 0) {
                String text = csv.get(cQty);
                problems.add(csv.problem(
                        cQty,
                        qtyRead != Numbers.NONE
                                ? "'" + text + "' is not a positive whole number"
                                : Cells.whyNotWhole(text, Cells.MAX_QUANTITY)));
            }
            long fen = Numbers.yuan(b, csv.from(cAmount), csv.to(cAmount));
            if (fen == Numbers.NONE || fen < 0) {
                fen = amountSlowly(fen);
            }
            PlatformStatus status = PlatformStatus.of(b, csv.from(cStatus), csv.to(cStatus));
            if (status == null) {
                problems.add(csv.problem(
                        cStatus,
                        "'" + csv.get(cStatus) + "' must be paid, completed, cancelled or refunded"
                                + KnownIds.hintAmong(STATUSES, csv.get(cStatus))));
            }
            if (problems.isEmpty()) {
                table.orderIds.add(b, idFrom, idTo, bytesCharset);
                table.msisdns().add(b, csv.from(cMsisdn), csv.to(cMsisdn), bytesCharset);
                table.add(
                        created,
                        table.channels.code(b, chFrom, chTo),
                        table.siteCode(b, csv.from(cSite), csv.to(cSite)),
                        table.skus.code(b, csv.from(cSku), csv.to(cSku)),
                        qty,
                        fen,
                        status,
                        csv.line());
            }
        }

        /** created_at in another accepted form (ISO 'T', no seconds), or a problem. */
        private long createdSlowly() {
            String createdText = csv.get(cCreated);
            String normalised = LocalTimes.normaliseDateTime(createdText);
            long created = normalised == null ? BossDateTime.INVALID : stored.parse(normalised);
            if (created == BossDateTime.INVALID) {
                problems.add(csv.problem(
                        cCreated,
                        "'" + createdText + "' is not a date-time YYYY-MM-DD HH:MM[:SS]"
                                + TimeHints.dateTimeCell(createdText)));
            }
            return created;
        }

        /** The amount through the text parser (its exact grammar and messages), or a problem. */
        private long amountSlowly(long fast) {
            String amountText = csv.get(cAmount);
            long fen = fast != Numbers.NONE ? fast : Fen.parseYuan(amountText).orElse(Numbers.NONE);
            if (fen == Numbers.NONE) {
                problems.add(csv.problem(cAmount, Fen.whyNotYuan(amountText)));
            } else if (fen < 0) {
                problems.add(csv.problem(
                        cAmount,
                        "'" + amountText + "' is negative (a refund is status refunded, not a negative order)"));
            }
            return fen;
        }
    }
}
