package io.chanops.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.ledger.testing.TestLedgers;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaVersionsTest {
    @TempDir
    Path dir;

    @Test
    void javaMigrationsCountAsBundledVersions() {
        assertThat(SchemaVersions.bundled(Ledger.Dialect.SQLITE)).contains(1, 3, 6, 7, 8, 12, 13);
        assertThat(SchemaVersions.bundled(Ledger.Dialect.POSTGRESQL)).contains(1, 3, 6, 7, 8, 12, 13);
    }

    @Test
    void aLedgerMigratedOnceIsCurrentWithTheJavaMigrationApplied() {
        Ledger ledger = TestLedgers.fresh(dir);
        int applied = ledger.read(h -> h.createQuery(
                        "SELECT count(*) FROM flyway_schema_history WHERE version IN ('8', '13') AND success")
                .mapTo(Integer.class)
                .one());
        assertThat(applied).isEqualTo(2);
        boolean table =
                ledger.read(h -> h.createQuery("SELECT count(*) FROM sqlite_master WHERE name = 'confirmed_order'")
                                .mapTo(Integer.class)
                                .one())
                        == 1;
        assertThat(table).isTrue();
        // opened again: the fast path finds every bundled version applied (Flyway would refuse nothing either)
        assertThat(Ledger.open(dir.resolve("test.db").toString(), Duration.ofSeconds(2))
                        .dialect())
                .isEqualTo(Ledger.Dialect.SQLITE);
    }
}
