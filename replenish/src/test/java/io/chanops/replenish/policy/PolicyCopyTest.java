package io.chanops.replenish.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.ledger.Ledger;
import io.chanops.ledger.testing.TestLedgers;
import io.chanops.ledger.testing.TestPostgres;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The policy writers' two ways (tuned levels and imported files), PostgreSQL's COPY into a staging table with one
 * upsert and the JDBC batches of the upsert, leave the same policies: new positions, re-tuned ones (a new t restarts
 * the review schedule, the same t keeps it), a manual lock undone, imported rows locked or not, with a lock's end or
 * without, rows equal to the policy left as they are (and not counted as written), doubles to the last bit. The batches are also run on SQLite in every build; the COPY half needs a server ({@link TestPostgres}; skipped
 * without one).
 */
class PolicyCopyTest {
    @TempDir
    Path dir;

    @RegisterExtension
    final TestPostgres.Schemas schemas = new TestPostgres.Schemas();

    @Test
    void batchesOnSqliteStoreEveryRound() {
        List<String> rows = store(TestLedgers.fresh(dir), false);
        assertThat(rows).hasSizeGreaterThan(1500);
        assertThat(rows.subList(0, 3))
                .as("rows written per file: the 2nd and 3rd repeat the file before, whose rows are left as they are")
                .allMatch(r -> r.startsWith("written="));
        assertThat(rows)
                .anyMatch(r -> r.contains("locked_until=2026-03"))
                .anyMatch(r -> r.contains("reason=price war\tQ1"))
                .anyMatch(r -> r.contains("reason=policies \"q2026-03-01 07:00:00\".csv")
                        && r.contains("updated_at=2026-03-01"));
    }

    @Test
    void copyStoresExactlyWhatTheBatchesStore() {
        List<String> viaBatches = store(schemas.freshLedger(), false);
        List<String> viaCopy = store(schemas.freshLedger(), true);
        assertThat(viaCopy).hasSizeGreaterThan(1500).isEqualTo(viaBatches);
        assertThat(viaCopy)
                .anyMatch(r -> r.contains("source=tuned"))
                .anyMatch(r -> r.contains("reviewed_cycle=2026"))
                .anyMatch(r -> r.contains("source=import"));
    }

    /** A row's reason: none, or one of three (a tab and a backslash in one, for COPY's text format). */
    private static String reason(Random random) {
        int which = random.nextInt(4);
        return which == 0
                ? null
                : List.of("launch", "price war\tQ1", "kiosk \\ 30 SIMs").get(which - 1);
    }

    /** Three rounds of tuning over overlapping positions, with a manual policy and a review mark in between. */
    private static List<String> store(Ledger ledger, boolean copy) {
        ledger.write(h -> {
            h.execute("INSERT INTO site (site_id, name, kind) SELECT 'S' || n, 'Store', 'store' FROM "
                    + "(SELECT 0 AS n UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) s");
            for (int k = 0; k < 400; k++) {
                h.execute(
                        "INSERT INTO product (sku, type, name, price_fen, status, channels) VALUES "
                                + "(?, 'accessory', ?, 100, 'listed', 'hall')",
                        "K\t" + k,
                        "名 " + k);
            }
            h.execute(
                    "INSERT INTO policy (site_id, sku, t_days, r_level, s_level, l_level, locked, source, review_from, "
                            + "reviewed_cycle, updated_at) VALUES ('S1', 'K\t1', 7, 2, 5, 1, 1, 'manual', "
                            + "'2026-02-01', '2026-02-23', '2026-02-01 10:00:00')");
            return null;
        });
        Random random = new Random(3);
        List<String> written = new ArrayList<>();
        List<PolicyFile.Row> previous = List.of();
        for (int round = 0; round < 3; round++) {
            Map<String, PolicyRepository.Tuning> tunings = new LinkedHashMap<>();
            for (int i = 0; i < 1200; i++) {
                String site = "S" + random.nextInt(5);
                String sku = "K\t" + random.nextInt(400);
                long l = random.nextInt(5);
                long r = l + random.nextInt(5);
                long s = Math.max(1, r + random.nextInt(20));
                PolicyTuner.Method method = PolicyTuner.Method.values()[random.nextInt(3)];
                tunings.put(
                        site + "/" + sku,
                        new PolicyRepository.Tuning(
                                site,
                                sku,
                                new PolicyTuner.Tuned(
                                        new Policy(random.nextBoolean() ? 7 : 14, r, s, l),
                                        random.nextInt(29),
                                        random.nextDouble() * 10 / 3,
                                        random.nextInt(4) == 0 ? 0.0 : Math.sqrt(random.nextDouble()) * 1e-7,
                                        1.6448536269514722,
                                        method)));
            }
            String at = "2026-03-0" + (round + 1) + " 07:00:00";
            // the last round's file again: rows equal to the policies they set, left as they are, unless they give
            // another reason (or none, or the same) or other levels under the same reason (an edited listing's row)
            List<PolicyFile.Row> imported = new ArrayList<>();
            for (PolicyFile.Row p : previous) {
                int edit = random.nextInt(4);
                imported.add(new PolicyFile.Row(
                        p.siteId(),
                        p.sku(),
                        edit == 1 ? new Policy(p.policy().t(), 4, 10, 2) : p.policy(),
                        p.locked(),
                        p.lockedUntil(),
                        edit == 0 ? reason(random) : p.reason(),
                        0));
            }
            for (int i = 0; i < 300; i++) {
                String position = "S" + random.nextInt(5) + "/K\t" + random.nextInt(400);
                if (tunings.containsKey(position)
                        || imported.stream().anyMatch(r -> (r.siteId() + "/" + r.sku()).equals(position))) {
                    continue;
                }
                String[] key = position.split("/");
                boolean locked = random.nextBoolean();
                LocalDate until = locked && random.nextBoolean() ? LocalDate.of(2026, 3, 1 + random.nextInt(28)) : null;
                imported.add(new PolicyFile.Row(
                        key[0],
                        key[1],
                        new Policy(random.nextBoolean() ? 7 : 28, 3, 9, 1),
                        locked,
                        until,
                        reason(random),
                        0));
            }
            previous = List.copyOf(imported);
            ledger.write(h -> {
                written.add("written="
                        + h.attach(PolicyRepository.class)
                                .importAll(imported, "анна", "policies \"q" + at + "\".csv", at, copy));
                h.attach(PolicyRepository.class)
                        .writeTuned(
                                List.copyOf(tunings.values()),
                                LocalDate.of(2026, 2, 1),
                                LocalDate.of(2026, 2, 28),
                                0.95,
                                at,
                                copy);
                h.execute("UPDATE policy SET reviewed_cycle = '2026-03-02' WHERE t_days = 7");
                return null;
            });
        }
        List<String> rows = new ArrayList<>(written);
        rows.addAll(
                ledger.read(h -> h.createQuery("SELECT * FROM policy ORDER BY site_id, sku").mapToMap().list().stream()
                        .map(Object::toString)
                        .toList()));
        return rows;
    }
}
