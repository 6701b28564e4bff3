package io.chanops.replenish.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.ledger.Ledger;
import io.chanops.ledger.PlannerStatistics;
import io.chanops.ledger.testing.TestPostgres;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A policy import or tuning run that writes {@link PlannerStatistics#FROM_ROWS} policies leaves PostgreSQL's
 * statistics of {@code policy} describing what it wrote, at its commit, for the check that follows. Needs a server
 * ({@link TestPostgres}; skipped without one).
 */
class PolicyStatisticsTest {
    private static final int SITES = 400;
    private static final int SKUS = (int) (PlannerStatistics.FROM_ROWS / SITES);

    @RegisterExtension
    final TestPostgres.Schemas schemas = new TestPostgres.Schemas();

    @Test
    void aLargeImportThenALargeTuningRunEachRefreshTheStatistics() {
        Ledger ledger = schemas.freshLedger();
        ledger.write(h -> {
            h.execute("INSERT INTO site (site_id, name, kind) SELECT 'S' || n, 'Store', 'store' "
                    + "FROM generate_series(1, " + SITES + ") n");
            h.execute("INSERT INTO product (sku, type, name, price_fen, status, channels) "
                    + "SELECT 'K' || n, 'accessory', 'P', 100, 'listed', 'hall' FROM generate_series(1, " + SKUS
                    + ") n");
            return null;
        });
        List<PolicyFile.Row> imported = new ArrayList<>();
        List<PolicyRepository.Tuning> tuned = new ArrayList<>();
        for (int site = 1; site <= SITES; site++) {
            for (int sku = 1; sku <= SKUS; sku++) {
                imported.add(new PolicyFile.Row("S" + site, "K" + sku, new Policy(7, 3, 9, 1), false));
                tuned.add(new PolicyRepository.Tuning(
                        "S" + site,
                        "K" + sku,
                        new PolicyTuner.Tuned(new Policy(7, 4, 12, 2), 28, 1.5, 0.5, 1.6448536269514722, method())));
            }
        }

        ledger.write(h -> {
            h.attach(PolicyRepository.class).importAll(imported, "ops", "policies.csv", "2026-03-01 07:00:00");
            return null;
        });
        assertThat(ledger.read(PolicyStatisticsTest::countedRows)).isEqualTo(PlannerStatistics.FROM_ROWS);
        assertThat(ledger.read(PolicyStatisticsTest::commonSources)).isEqualTo("{import}");

        ledger.write(h -> {
            h.attach(PolicyRepository.class)
                    .writeTuned(
                            tuned, LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28), 0.95, "2026-03-02 07:00:00");
            return null;
        });
        assertThat(ledger.read(PolicyStatisticsTest::commonSources)).isEqualTo("{tuned}");
    }

    private static PolicyTuner.Method method() {
        return PolicyTuner.Method.values()[0];
    }

    /** The rows the statistics of policy last counted. */
    private static long countedRows(Handle h) {
        return h.createQuery("SELECT CAST(reltuples AS BIGINT) FROM pg_class WHERE oid = CAST('policy' AS regclass)")
                .mapTo(Long.class)
                .one();
    }

    /** The most common values of policy.source in the statistics, as text ({@code null} without statistics). */
    private static String commonSources(Handle h) {
        return h.createQuery("SELECT CAST(most_common_vals AS TEXT) FROM pg_stats WHERE schemaname = current_schema() "
                        + "AND tablename = 'policy' AND attname = 'source'")
                .mapTo(String.class)
                .findOne()
                .orElse(null);
    }
}
