package io.chanops.ledger.testing;

import io.chanops.ledger.Ledger;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A PostgreSQL server for the tests that need one: {@code CHANOPS_TEST_PG_URL} (a {@code jdbc:postgresql:} URL whose
 * user may create schemas). Without it those tests are skipped, saying so; {@code scripts/test/postgres-smoke.sh}
 * sets it to the server it starts and runs them.
 */
public final class TestPostgres {
    private TestPostgres() {}

    public static final String ENV = "CHANOPS_TEST_PG_URL";

    /** The server's URL; skips the calling test when none is configured. */
    public static String url() {
        String url = System.getenv(ENV);
        Assumptions.assumeTrue(
                url != null && !url.isBlank(),
                "no PostgreSQL server configured: set " + ENV + " to a jdbc:postgresql: URL");
        return url;
    }

    /**
     * A new, empty schema on the server ({@link #url()}), as a URL whose current schema it is: each test gets an empty
     * database of its own. {@link #drop} removes it.
     */
    public static String freshSchema() {
        String url = url();
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "");
        execute(url, "CREATE SCHEMA " + schema);
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** Drops the schema of a {@link #freshSchema()} URL with everything in it. */
    public static void drop(String schemaUrl) {
        if (schemaUrl == null) {
            return;
        }
        String schema = schemaUrl.substring(schemaUrl.lastIndexOf("currentSchema=") + "currentSchema=".length());
        execute(url(), "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    private static void execute(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** {@code table}'s indexes (its keys among them) as "NAME DEFINITION", by name. */
    public static List<String> indexesOf(Handle h, String table) {
        return h.createQuery("SELECT CAST(CAST(indexrelid AS regclass) AS text) || ' ' || pg_get_indexdef(indexrelid) "
                        + "FROM pg_index WHERE indrelid = CAST(:t AS regclass) ORDER BY 1")
                .bind("t", table)
                .mapTo(String.class)
                .list();
    }

    /**
     * The schemas a test class makes, dropped after each test: {@code @RegisterExtension final TestPostgres.Schemas
     * schemas = new TestPostgres.Schemas();}, then {@code schemas.fresh()} where a test needs an empty database.
     */
    public static final class Schemas implements AfterEachCallback {
        private final List<String> made = new ArrayList<>();

        /** A {@link #freshSchema()} URL, dropped after the test; skips the test when no server is configured. */
        public String fresh() {
            String url = freshSchema();
            made.add(url);
            return url;
        }

        /** A new ledger (schema and zone {@link TestLedgers#ZONE}) in a {@link #fresh()} schema. */
        public Ledger freshLedger() {
            return Ledger.init(fresh(), Duration.ofSeconds(5), TestLedgers.ZONE);
        }

        @Override
        public void afterEach(ExtensionContext context) {
            try {
                made.forEach(TestPostgres::drop);
            } finally {
                made.clear();
            }
        }
    }
}
