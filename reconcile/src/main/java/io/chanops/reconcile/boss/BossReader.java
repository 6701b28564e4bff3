package io.chanops.reconcile.boss;

import io.chanops.ledger.InputRejectedException;
import io.chanops.ledger.Problem;
import io.chanops.ledger.csv.CsvRow;
import io.chanops.ledger.csv.CsvSource;
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
        try (CsvSource csv = CsvSource.open(file, profile.charset(), profile.delimiter())) {
            Map<Column, String> header = resolveHeader(csv, profile);
            csv.warnUnknown(profile.allNames(), warn);
            String cBossId = header.get(Column.BOSS_ID);
            String cRef = header.get(Column.ORDER_REF);
            String cMsisdn = header.get(Column.MSISDN);
            String cBiz = header.get(Column.BIZ_TYPE);
            String cAt = header.get(Column.ACCEPTED_AT);
            String cAmount = header.get(Column.AMOUNT);
            String cStatus = header.get(Column.STATUS);
            String cSite = header.get(Column.SITE_ID);
            boolean yuan = profile.amountUnit() == BossProfile.AmountUnit.YUAN;
            BossDateTime dates = profile.dateTime();
            Map<String, Boolean> statuses = profile.statusCompleted();
            TextPool pool = new TextPool();
            Problems problems = new Problems();
            List<BossRow> rows = new ArrayList<>(1 << 12);
            long total = 0;
            long n = 0;
            for (CsvRow row : csv) {
                if (row.isEmptyLine()) {
                    continue;
                }
                String bossId = row.get(cBossId);
                if (bossId.isEmpty()) {
                    problems.add(row.problem(cBossId, "boss_id is empty"));
                }
                String amountText = row.get(cAmount);
                Optional<Long> amount = yuan ? Fen.parseYuan(amountText) : Fen.parseFen(amountText);
                if (amount.isEmpty()) {
                    problems.add(row.problem(cAmount, yuan ? Fen.whyNotYuan(amountText)
                            : "'" + amountText + "' is not a whole number of fen (amount.unit=fen)"));
                }
                String atText = row.get(cAt);
                long at = dates.parse(atText);
                if (at == BossDateTime.INVALID) {
                    problems.add(row.problem(cAt, "'" + atText + "' does not match the pattern " + dates.pattern()));
                }
                String statusText = row.get(cStatus);
                Boolean completed = statuses.get(statusText);
                if (completed == null) {
                    problems.add(row.problem(cStatus, "status '" + statusText + "' is not mapped by the profile (it maps "
                            + String.join(", ", statuses.keySet()) + ")"));
                }
                if (problems.isEmpty()) {
                    long fen = amount.get();
                    total += fen;
                    rows.add(new BossRow(bossId, row.get(cRef), row.get(cMsisdn), pool.of(row.get(cBiz)), at, fen,
                            completed, pool.of(row.get(cSite)), row.line()));
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

    /** The header name used for each profile column: the first of its names present in the file. */
    static Map<Column, String> resolveHeader(CsvSource csv, BossProfile profile) {
        Map<Column, String> header = new EnumMap<>(Column.class);
        List<Problem> problems = new ArrayList<>();
        for (Column column : Column.values()) {
            List<String> names = profile.names(column);
            Optional<String> found = names.stream().filter(csv::hasColumn).findFirst();
            if (found.isPresent()) {
                header.put(column, found.get());
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
