package io.chanops.ledger;

import java.util.regex.Pattern;

/**
 * A table name that bulk-write helpers may splice into DDL and {@code ANALYZE} (which take no bound parameters): plain
 * lower-case identifiers only, as the ledger's tables are named.
 */
final class PlainTableName {
    private PlainTableName() {}

    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_]*");

    /** {@code table} itself; refuses anything but a plain identifier. */
    static String require(String table) {
        if (!PLAIN.matcher(table).matches()) {
            throw new IllegalArgumentException("not a plain table name: " + table);
        }
        return table;
    }
}
