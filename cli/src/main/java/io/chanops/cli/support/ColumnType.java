package io.chanops.cli.support;

import io.chanops.ledger.csv.CsvSink;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What a {@link Listing} column holds, so that JSON and xlsx write typed values: numbers as numbers, yuan amounts as
 * numbers with two decimals, booleans as booleans, everything else (ids, phone numbers, dates) as text, so that
 * leading zeros survive. The table and CSV formats write every value as its text.
 */
public enum ColumnType {
    /** Free text (names, file names, reasons): the only kind a table shortens to fit the terminal. */
    TEXT,
    /** An identifier (site, SKU, order, run, phone number): text that a table never cuts. */
    ID,
    NUMBER,
    AMOUNT,
    BOOLEAN,
    /**
     * A column of mixed values, such as the value column of an item/value listing: each cell as the type it holds
     * (numbers and booleans as themselves, everything else as text).
     */
    VALUE;

    /**
     * The type of a column not declared: from its first non-null cell (a {@code BigDecimal} of two decimals is yuan).
     */
    static ColumnType inferredFrom(Object value) {
        if (value instanceof Boolean) {
            return BOOLEAN;
        }
        if (value instanceof BigDecimal d && d.scale() == 2) {
            return AMOUNT;
        }
        if (value instanceof Number) {
            return NUMBER;
        }
        return TEXT;
    }

    /**
     * The cell as this type: a {@code Number}, {@code BigDecimal} (scale 2 for amounts), {@code Boolean} or
     * {@code String}; null stays null. Text in a typed column that does not parse (such as "-") stays text.
     */
    public Object typed(Object value) {
        if (value == null) {
            return null;
        }
        return switch (this) {
            case TEXT, ID -> CsvSink.plain(value);
            case NUMBER -> value instanceof Number ? value : number(CsvSink.plain(value));
            case AMOUNT -> amount(value);
            case BOOLEAN -> value instanceof Boolean ? value : bool(CsvSink.plain(value));
            case VALUE -> value instanceof Number || value instanceof Boolean ? value : CsvSink.plain(value);
        };
    }

    private static Object number(String text) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return Long.valueOf(text);
        } catch (NumberFormatException e) {
            try {
                return new BigDecimal(text);
            } catch (NumberFormatException notANumber) {
                return text;
            }
        }
    }

    private static Object amount(Object value) {
        Object n = value instanceof Number ? value : number(CsvSink.plain(value));
        if (n instanceof BigDecimal d) {
            return d.setScale(2, RoundingMode.HALF_UP);
        }
        if (n instanceof Number x) {
            return BigDecimal.valueOf(x.longValue()).setScale(2);
        }
        return n;
    }

    private static Object bool(String text) {
        return switch (text) {
            case "true", "yes" -> Boolean.TRUE;
            case "false", "no" -> Boolean.FALSE;
            case "" -> null;
            default -> text;
        };
    }
}
