package io.chanops.reconcile.boss;

import io.chanops.ledger.InputRejectedException;
import io.chanops.ledger.Problem;
import io.chanops.ledger.money.Fen;
import io.chanops.reconcile.boss.BossProfile.Column;
import io.chanops.reconcile.platform.Problems;
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

    public static BossExport read(Path file, BossProfile profile, Consumer<String> warn, LongConsumer progress) {
        try (BulkCsv csv = BulkCsv.open(file, profile.charset(), profile.delimiter())) {
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
            BossDateTime dates = profile.dateTime();
            Map<String, Boolean> statuses = profile.statusCompleted();
            String mapped = String.join(", ", new java.util.TreeSet<>(statuses.keySet()));
            TextPool pool = new TextPool();
            Problems problems = new Problems();
            List<BossRow> rows = new ArrayList<>(1 << 12);
            long total = 0;
            long n = 0;
            while (csv.next()) {
                String bossId = csv.get(cBossId);
                if (bossId.isEmpty()) {
                    problems.add(csv.problem(cBossId, "boss_id is empty"));
                }
                String amountText = csv.get(cAmount);
                long fen = yuan ? Fen.parseYuan(amountText).orElse(Long.MIN_VALUE) : wholeFen(amountText);
                if (fen == Long.MIN_VALUE) {
                    problems.add(csv.problem(cAmount, yuan ? Fen.whyNotYuan(amountText)
                            : "'" + amountText + "' is not a whole number of fen (amount.unit=fen)"));
                }
                String atText = csv.get(cAt);
                long at = dates.parse(atText);
                if (at == BossDateTime.INVALID) {
                    problems.add(csv.problem(cAt, "'" + atText + "' does not match the pattern " + dates.pattern()));
                }
                String statusText = csv.get(cStatus);
                Boolean completed = statuses.get(statusText);
                if (completed == null) {
                    problems.add(csv.problem(cStatus, "status '" + statusText + "' is not mapped by the profile (it maps "
                            + mapped + ")"));
                }
                if (problems.isEmpty()) {
                    total += fen;
                    rows.add(new BossRow(bossId, csv.get(cRef), csv.get(cMsisdn), at, fen, completed,
                            pool.of(csv.get(cSite)), csv.line()));
                }
                if ((++n & 0xFFFF) == 0) {
                    progress.accept(n);
                }
            }
            progress.accept(n);
            problems.rejectIfAny();
            return new BossExport(file.toString(), rows, total);
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
    static Map<Column, Integer> resolveHeader(BulkCsv csv, BossProfile profile) {
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
