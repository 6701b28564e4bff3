package io.chanops.reconcile.boss;

import io.chanops.ledger.InputRejectedException;
import io.chanops.ledger.Problem;
import io.chanops.ledger.money.Fen;
import io.chanops.reconcile.boss.BossProfile.Column;
import io.chanops.reconcile.bulk.ByteCsv;
import io.chanops.reconcile.bulk.Numbers;
import io.chanops.reconcile.platform.Problems;
import java.nio.charset.Charset;
import java.security.MessageDigest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Reads a BOSS export through its {@link BossProfile}. Every row is validated before anything is used: a profile column
 * missing from the header, an empty boss_id, an amount or date-time that does not parse, a status text the profile
 * does not map - each is reported as {@code file:line: column: problem} and the export is rejected as a whole.
 */
public final class BossReader {
    private BossReader() {
    }

    public static BossTable read(Path file, BossProfile profile, Consumer<String> warn, LongConsumer progress) {
        return read(file, profile, warn, progress, null);
    }

    /** As {@link #read(Path, BossProfile, Consumer, LongConsumer)}, feeding every byte read to {@code digest} (may be null). */
    public static BossTable read(Path file, BossProfile profile, Consumer<String> warn, LongConsumer progress,
                                 MessageDigest digest) {
        try (ByteCsv csv = ByteCsv.open(file, profile.charset(), profile.delimiter(), digest)) {
            Map<Column, Integer> header = resolveHeader(csv, profile);
            for (String unknown : csv.unknownColumns(profile.allNames())) {
                warn.accept(new Problem(csv.name(), 1, unknown, "unknown column, ignored").toString());
            }
            int cBossId = header.get(Column.BOSS_ID);
            int cRef = header.get(Column.ORDER_REF);
            int cMsisdn = header.get(Column.MSISDN);
            int cAt = header.get(Column.ACCEPTED_AT);
            int cAmount = header.get(Column.AMOUNT);
            int cStatus = header.get(Column.STATUS);
            int cSite = header.get(Column.SITE_ID);
            boolean yuan = profile.amountUnit() == BossProfile.AmountUnit.YUAN;
            BossDateTime dates = BossDateTime.of(profile.dateTime().pattern());
            Map<String, Boolean> statuses = profile.statusCompleted();
            String mapped = String.join(", ", new java.util.TreeSet<>(statuses.keySet()));
            Charset bytesCharset = csv.byteCharset();
            StatusCodes statusCodes = new StatusCodes(statuses, bytesCharset);
            BossTable table = new BossTable(file.toString(), bytesCharset, csv.estimatedRecords());
            Problems problems = new Problems();
            long n = 0;
            while (csv.next()) {
                byte[] b = csv.bytes();
                int idFrom = csv.from(cBossId);
                int idTo = csv.to(cBossId);
                if (idFrom >= idTo) {
                    problems.add(csv.problem(cBossId, "boss_id is empty"));
                }
                int amountFrom = csv.from(cAmount);
                int amountTo = csv.to(cAmount);
                long fen = yuan ? Numbers.yuan(b, amountFrom, amountTo) : Numbers.whole(b, amountFrom, amountTo);
                if (fen == Numbers.NONE && yuan) {
                    fen = Fen.parseYuan(csv.get(cAmount)).orElse(Numbers.NONE);
                }
                if (fen == Numbers.NONE) {
                    String amountText = csv.get(cAmount);
                    problems.add(csv.problem(cAmount, yuan ? Fen.whyNotYuan(amountText)
                            : "'" + amountText + "' is not a whole number of fen (amount.unit=fen)"));
                }
                long at = dates.parse(b, csv.from(cAt), csv.to(cAt), () -> csv.get(cAt));
                if (at == BossDateTime.INVALID) {
                    problems.add(csv.problem(cAt, "'" + csv.get(cAt) + "' does not match the pattern " + dates.pattern()));
                }
                Boolean completed = statusCodes.of(b, csv.from(cStatus), csv.to(cStatus));
                if (completed == null) {
                    completed = statuses.get(csv.get(cStatus));
                }
                if (completed == null) {
                    problems.add(csv.problem(cStatus, "status '" + csv.get(cStatus) + "' is not mapped by the profile (it maps "
                            + mapped + ")"));
                }
                if (problems.isEmpty()) {
                    table.bossIds.add(b, idFrom, idTo, bytesCharset);
                    table.orderRefs.add(b, csv.from(cRef), csv.to(cRef), bytesCharset);
                    table.msisdns.add(b, csv.from(cMsisdn), csv.to(cMsisdn), bytesCharset);
                    table.add(at, fen, completed, table.sites.code(b, csv.from(cSite), csv.to(cSite)), csv.line());
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

    /** A whole number of fen (optionally signed, at most 17 digits), or Long.MIN_VALUE; no regex on the hot path. */
    static long wholeFen(String s) {
        int n = s.length();
        int i = n > 0 && (s.charAt(0) == '-' || s.charAt(0) == '+') ? 1 : 0;
        if (n == i || n - i > 17) {
            return Long.MIN_VALUE;
        }
        long v = 0;
        for (int k = i; k < n; k++) {
            char c = s.charAt(k);
            if (c < '0' || c > '9') {
                return Long.MIN_VALUE;
            }
            v = v * 10 + (c - '0');
        }
        return s.charAt(0) == '-' ? -v : v;
    }

    /** The header name used for each profile column: the first of its names present in the file. */
    static Map<Column, Integer> resolveHeader(ByteCsv csv, BossProfile profile) {
        Map<Column, Integer> header = new EnumMap<>(Column.class);
        List<Problem> problems = new ArrayList<>();
        for (Column column : Column.values()) {
            List<String> names = profile.names(column);
            Optional<String> found = names.stream().filter(csv::hasColumn).findFirst();
            if (found.isPresent()) {
                header.put(column, csv.index(found.get()));
            } else {
                problems.add(new Problem(csv.name(), 1, String.join("|", names),
                        "column named in the profile (" + column.key() + ") is missing from the header"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InputRejectedException(problems);
        }
        return header;
    }
}
