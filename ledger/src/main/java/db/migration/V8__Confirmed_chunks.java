package db.migration;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * V8 once moved confirmed orders from one row per order ({@code confirmed_order}, V3) into compressed chunks per run
 * ({@code confirmed_chunk}). That format is retired: V12 makes confirmed orders rows again and V13 converts whatever a
 * ledger holds. A ledger still at V7 therefore skips the chunks: its V3 rows are set aside as
 * {@code confirmed_order_v3} for V13, which converts them directly (V12 needs the name {@code confirmed_order}).
 * Ledgers that ran the former V8 have {@code confirmed_chunk} instead, which V13 decodes.
 *
 * <p>Still a Java migration: Flyway keeps no checksum of Java migrations, so a ledger that ran the former V8 validates
 * against this one (turning it into SQL would not).
 */
public class V8__Confirmed_chunks extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        try (Statement st = c.createStatement()) {
            st.execute("DROP INDEX confirmed_order_created");
            st.execute("ALTER TABLE confirmed_order RENAME TO confirmed_order_v3");
            if (c.getMetaData()
                    .getDatabaseProductName()
                    .toLowerCase(Locale.ROOT)
                    .contains("postgres")) {
                // the key's index keeps its name on PostgreSQL, which the new table's key needs
                st.execute("ALTER TABLE confirmed_order_v3 RENAME CONSTRAINT confirmed_order_pkey TO "
                        + "confirmed_order_v3_pkey");
            }
        }
    }
}
