package io.chanops.reconcile.boss;

import io.chanops.ledger.InputRejectedException;
import io.chanops.ledger.Problem;
import io.chanops.ledger.csv.ByteCsv;
import io.chanops.ledger.csv.Cells;
import io.chanops.ledger.csv.CharsetSetting;
import io.chanops.ledger.money.Fen;
import io.chanops.reconcile.boss.BossProfile.Column;
import io.chanops.reconcile.bulk.Numbers;
import io.chanops.reconcile.bulk.Records;
import io.chanops.reconcile.platform.Problems;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Reads a BOSS export through its {@link BossProfile}. Every row is validated before anything is used: a profile column
 * missing from the header, an empty boss_id, an amount or date-time that does not parse, a status text the profile
 * does not map - each is reported as {@code file:line: column: problem} and the export is rejected as a whole. The
 * lines above the profile's header line are left out, and so are the rows its total labels start, their amount held
 * against the rows' when there is one total.
 */
public final class BossReader {
    private BossReader() {}

    public static BossTable read(Path file, BossProfile profile, Consumer<String> warn, LongConsumer progress) {
        return read(file, profile, warn, progress, null);
    }

    /**
     * As {@link #read(Path, BossProfile, Consumer, LongConsumer)}, feeding every byte read to {@code digest} (may be
     * null).
     */
    public static BossTable read(
            Path file, BossProfile profile, Consumer<String> warn, LongConsumer progress, MessageDigest digest) {
        try (ByteCsv csv = ByteCsv.open(
                file, profile.charset(), profile.delimiter(), digest, CharsetSetting.PROFILE, profile.headerLine())) {
            Header header = resolveHeader(csv, profile, file);
            csv.warnUnknown(profile.allNames(), warn);
            RowReader rows = new RowReader(csv, header, profile);
            Records.readEach(csv, rows::read, progress);
            rows.problems.rejectIfAny();
            rows.totals.checkAgainst(rows.table, warn);
            rows.table.totalRowsLeftOut(rows.totals.count());
            if (csv.hadByteOrderMark() && !profile.charset().equals(StandardCharsets.UTF_8)) {
                // read right, but not as the profile says: most likely the export was opened and saved again
                warn.accept(Problem.ofFile(
                                csv.name(),
                                "starts with a UTF-8 byte-order mark, so it was read as UTF-8, not as the profile's "
                                        + profile.charset().name()
                                        + ": saved again from a spreadsheet? Check it against the BOSS export")
                        .toString());
            }
            return rows.table;
        }
    }

    /** Validates and keeps one record at a time (a small method per row: compiled early, cheaply). */
    private static final class RowReader {
        private final ByteCsv csv;
        private final int cBossId;
        private final int cRef;
        private final int cMsisdn;
        private final int cAt;
        /** The time-of-day column joined to {@link #cAt}'s date ({@code 受理日期+受理时间}), or -1. */
        private final int cAtTime;

        private final int cAmount;
        private final int cStatus;
        private final int cSite;
        private final boolean yuan;
        private final BossDateTime dates;
        private final Map<String, Boolean> statuses;
        private final String mapped;
        private final Charset bytesCharset;
        private final StatusCodes statusCodes;
        final BossTable table;
        final Problems problems = new Problems();
        final TotalRows totals;
        /** The date and time cells joined ({@link #joinedAt}), reused row after row. */
        private byte[] joined = new byte[64];

        RowReader(ByteCsv csv, Header header, BossProfile profile) {
            this.csv = csv;
            cBossId = header.index(Column.BOSS_ID);
            cRef = header.index(Column.ORDER_REF);
            cMsisdn = header.index(Column.MSISDN);
            cAt = header.index(Column.ACCEPTED_AT);
            cAtTime = header.acceptedTime();
            cAmount = header.index(Column.AMOUNT);
            cStatus = header.index(Column.STATUS);
            cSite = header.index(Column.SITE_ID);
            yuan = profile.amountUnit() == BossProfile.AmountUnit.YUAN;
            dates = profile.dateTime();
            statuses = profile.statusCompleted();
            mapped = String.join(", ", new TreeSet<>(statuses.keySet()));
            bytesCharset = csv.byteCharset();
            statusCodes = new StatusCodes(statuses, bytesCharset);
            table = new BossTable(csv.name(), bytesCharset, csv.estimatedRecords());
            totals = new TotalRows(csv, profile, cAmount);
        }

        void read() {
            if (totals.leftOut(table)) {
                return;
            }
            long before = problems.count();
            readRow();
            if (problems.count() > before) {
                totals.hintIfUnmapped(problems, before);
            }
        }

        private void readRow() {
            if (csv.rejected(problems::add)) {
                return;
            }
            byte[] b = csv.bytes();
            int idFrom = csv.from(cBossId);
            int idTo = csv.to(cBossId);
            if (idFrom >= idTo) {
                problems.add(csv.problem(cBossId, "boss_id is empty"));
            }
            csv.refuseScientific(problems::add, cBossId, cRef, cMsisdn);
            int amountFrom = csv.from(cAmount);
            int amountTo = csv.to(cAmount);
            long fen = yuan
                    ? Numbers.yuan(b, amountFrom, amountTo)
                    : Numbers.whole(b, amountFrom, amountTo, () -> csv.get(cAmount), Fen.MAX_AMOUNT_FEN);
            if (fen == Numbers.NONE) {
                fen = amountSlowly();
            }
            long at = cAtTime < 0 ? dates.parse(b, csv.from(cAt), csv.to(cAt), () -> csv.get(cAt)) : joinedAt(b);
            if (at == BossDateTime.INVALID) {
                problems.add(acceptedProblem());
            }
            Boolean completed = statusCodes.of(b, csv.from(cStatus), csv.to(cStatus));
            if (completed == null) {
                completed = statusSlowly();
            }
            if (problems.isEmpty()) {
                table.bossIds.add(b, idFrom, idTo, bytesCharset);
                table.orderRefs.add(b, csv.from(cRef), csv.to(cRef), bytesCharset);
                table.msisdns().add(b, csv.from(cMsisdn), csv.to(cMsisdn), bytesCharset);
                table.add(at, fen, completed, table.siteCode(b, csv.from(cSite), csv.to(cSite)), csv.line());
            }
        }

        /** The date cell and the time cell joined by a space, parsed as one date-time. */
        private long joinedAt(byte[] b) {
            int dateFrom = csv.from(cAt);
            int dateLength = csv.to(cAt) - dateFrom;
            int timeFrom = csv.from(cAtTime);
            int timeLength = csv.to(cAtTime) - timeFrom;
            int n = dateLength + 1 + timeLength;
            if (joined.length < n) {
                joined = new byte[2 * n];
            }
            System.arraycopy(b, dateFrom, joined, 0, dateLength);
            joined[dateLength] = ' ';
            System.arraycopy(b, timeFrom, joined, dateLength + 1, timeLength);
            return dates.parse(joined, 0, n, this::acceptedText);
        }

        /**
         * Why the accepted-at cells are not a date-time of the pattern. A compact date-time ({@code yyyyMMddHHmmss}) is
         * a long number to a spreadsheet, which saves it in scientific notation when it showed it so: that is named,
         * since no pattern can bring back the lost digits.
         */
        private Problem acceptedProblem() {
            for (int column : cAtTime < 0 ? new int[] {cAt} : new int[] {cAt, cAtTime}) {
                if (Cells.isScientific(csv.get(column))) {
                    return csv.problem(column, Cells.scientificProblem(csv.get(column)));
                }
            }
            return csv.problem(
                    cAt,
                    "'" + acceptedText() + "'"
                            + (cAtTime < 0
                                    ? ""
                                    : " (" + csv.header().get(cAt) + " and "
                                            + csv.header().get(cAtTime) + " joined by a space)")
                            + " does not match the pattern " + dates.pattern());
        }

        /** The accepted-at text as written: one cell, or the date and the time cells joined by a space. */
        private String acceptedText() {
            return cAtTime < 0 ? csv.get(cAt) : csv.get(cAt) + " " + csv.get(cAtTime);
        }

        /** The amount through the text parser (its exact grammar and messages), or a problem. */
        private long amountSlowly() {
            String amountText = csv.get(cAmount);
            long fen = yuan ? Fen.parseYuan(amountText).orElse(Numbers.NONE) : Numbers.NONE;
            if (fen == Numbers.NONE) {
                problems.add(csv.problem(
                        cAmount, yuan ? Fen.whyNotYuan(amountText) : Fen.whyNotFen(amountText) + " (amount.unit=fen)"));
            }
            return fen;
        }

        /** The status through its decoded text (cells with surrounding quirks), or a problem. */
        private Boolean statusSlowly() {
            String text = csv.get(cStatus);
            Boolean completed = statuses.get(text);
            if (completed == null) {
                problems.add(csv.problem(
                        cStatus, "status '" + text + "' is not mapped by the profile (it maps " + mapped + ")"));
            }
            return completed;
        }
    }

    /** The profile's status texts as bytes of the file's charset, so a cell is mapped without being decoded. */
    private static final class StatusCodes {
        private final byte[][] texts;
        private final Boolean[] completed;

        StatusCodes(Map<String, Boolean> statuses, Charset charset) {
            texts = new byte[statuses.size()][];
            completed = new Boolean[statuses.size()];
            int k = 0;
            for (Map.Entry<String, Boolean> e : statuses.entrySet()) {
                texts[k] = e.getKey().getBytes(charset);
                completed[k] = e.getValue();
                k++;
            }
        }

        Boolean of(byte[] b, int from, int to) {
            for (int k = 0; k < texts.length; k++) {
                if (Numbers.is(b, from, to, texts[k])) {
                    return completed[k];
                }
            }
            return null;
        }
    }

    /**
     * The header name used for each profile column: the first of its names present in the file. When some are missing
     * and the profile's columns are all on a line further down, the problems end with that line
     * ({@link HeaderSearch}).
     */
    static Header resolveHeader(ByteCsv csv, BossProfile profile, Path file) {
        Map<Column, Integer> header = new EnumMap<>(Column.class);
        int acceptedTime = -1;
        List<Problem> problems = new ArrayList<>();
        for (Column column : Column.values()) {
            Optional<List<String>> found = profile.columnsFound(column, csv::hasColumn);
            if (found.isPresent()) {
                header.put(column, csv.index(found.get().get(0)));
                if (found.get().size() == 2) {
                    acceptedTime = csv.index(found.get().get(1));
                }
            } else {
                problems.add(new Problem(
                        csv.name(),
                        profile.headerLine(),
                        String.join("|", profile.names(column)),
                        "column named in the profile (" + column.key() + ") is missing from the header"));
            }
        }
        if (!problems.isEmpty()) {
            HeaderSearch.lineOfAllColumns(file, profile)
                    .ifPresent(line -> problems.add(new Problem(
                            csv.name(),
                            line,
                            "",
                            "the profile's columns are all on line " + line + " (the lines above it a report's title?):"
                                    + " add header.line=" + line + " to the profile")));
            throw new InputRejectedException(problems);
        }
        return new Header(header, acceptedTime);
    }

    /**
     * Where each profile column is in the header; {@code acceptedTime}: the time-of-day column joined to accepted_at's
     * date column, or -1.
     */
    record Header(Map<Column, Integer> columns, int acceptedTime) {
        int index(Column column) {
            return columns.get(column);
        }
    }
}
