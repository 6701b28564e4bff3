package io.chanops.ledger;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Facts about the ledger itself, kept in it ({@code ledger_setting}, V9): its time zone, recorded once by
 * {@code chanops init}, and who made it. The only class that knows the table.
 */
public final class LedgerSettings {
    /** The ledger's time zone (a {@code java.time.ZoneId} id): every local date and time in it is in this zone. */
    public static final String ZONE = "zone";
    /** Set to {@link #DEMO} in a ledger made by {@code chanops demo}, which may replace only such a ledger. */
    public static final String MADE_BY = "made_by";

    public static final String DEMO = "chanops demo";
    /** When the ledger was last put back from a backup ({@code ledger restore}), from which file, and where it went. */
    public static final String RESTORED = "restored";

    static final String TABLE = "ledger_setting";

    private LedgerSettings() {}

    static Map<String, String> all(Handle h) {
        Map<String, String> settings = new LinkedHashMap<>();
        h.createQuery("SELECT name, value FROM ledger_setting ORDER BY name")
                .map((rs, ctx) -> Map.entry(rs.getString("name"), rs.getString("value")))
                .forEach(e -> settings.put(e.getKey(), e.getValue()));
        return settings;
    }

    /** Records {@code value} unless the setting exists; true when this call recorded it. */
    static boolean putIfAbsent(Handle h, String name, String value) {
        return h.createUpdate("INSERT INTO ledger_setting (name, value) VALUES (:name, :value) ON CONFLICT (name) DO "
                                + "NOTHING")
                        .bind("name", name)
                        .bind("value", value)
                        .execute()
                == 1;
    }

    public static Optional<String> get(Ledger ledger, String name) {
        return ledger.read(h -> h.createQuery("SELECT value FROM ledger_setting WHERE name = :name")
                .bind("name", name)
                .mapTo(String.class)
                .findOne());
    }

    /** Records {@code value}, replacing an earlier one. */
    public static void put(Ledger ledger, String name, String value) {
        ledger.write(h -> h.createUpdate("INSERT INTO ledger_setting (name, value) VALUES (:name, :value) "
                        + "ON CONFLICT (name) DO UPDATE SET value = excluded.value")
                .bind("name", name)
                .bind("value", value)
                .execute());
    }
}
