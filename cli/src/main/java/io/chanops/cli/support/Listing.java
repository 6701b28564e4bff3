package io.chanops.cli.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Rows to show, with their column names; rendered as a table, CSV or JSON by {@link Renderer}. Cell values keep their
 * types (numbers, {@code BigDecimal} yuan, dates, text) so each format writes them correctly. An optional row style
 * colours whole rows on a terminal.
 */
public final class Listing {
    private final List<String> columns;
    private final List<List<Object>> rows = new ArrayList<>();
    private final List<Style> styles = new ArrayList<>();
    private final ColumnType[] types;
    private Function<List<Object>, Style> rowStyle = r -> Style.NONE;
    private final List<Integer> hideFirst = new ArrayList<>();

    public Listing(List<String> columns) {
        this.columns = List.copyOf(columns);
        this.types = new ColumnType[this.columns.size()];
    }

    public static Listing of(String... columns) {
        return new Listing(List.of(columns));
    }

    public Listing add(Object... cells) {
        return add(Arrays.asList(cells));
    }

    public Listing add(List<?> cells) {
        if (cells.size() != columns.size()) {
            throw new IllegalArgumentException("row has " + cells.size() + " cells for " + columns.size() + " columns");
        }
        rows.add(new ArrayList<>(cells));
        styles.add(null);
        return this;
    }

    /** Adds a row with an explicit style. */
    public Listing add(Style style, List<?> cells) {
        add(cells);
        styles.set(styles.size() - 1, style);
        return this;
    }

    public Listing styleRows(Function<List<Object>, Style> rowStyle) {
        this.rowStyle = rowStyle;
        return this;
    }

    /** Declares the type of some columns (JSON and xlsx write their cells so); others take their first cell's type. */
    public Listing type(ColumnType type, String... names) {
        for (String name : names) {
            int i = columns.indexOf(name);
            if (i < 0) {
                throw new IllegalArgumentException("no column " + name + " in " + columns);
            }
            types[i] = type;
        }
        return this;
    }

    /**
     * The columns a table too wide for the terminal leaves out first, in this order (then from the right); the full
     * table is shown with {@code --wide}.
     */
    public Listing hideFirst(String... names) {
        for (String name : names) {
            int i = columns.indexOf(name);
            if (i < 0) {
                throw new IllegalArgumentException("no column " + name + " in " + columns);
            }
            hideFirst.add(i);
        }
        return this;
    }

    public List<Integer> hideOrder() {
        return List.copyOf(hideFirst);
    }

    /**
     * Whether a table may shorten column {@code c} to fit the terminal: free text only (type {@link ColumnType#TEXT},
     * every cell a string, a name that is not an identifier's or a date's). Identifiers, numbers, dates and amounts
     * are never cut.
     */
    public boolean cuttable(int c) {
        if (typeOf(c) != ColumnType.TEXT) {
            return false;
        }
        if (types[c] == null && looksLikeAnIdentifier(columns.get(c))) {
            return false;
        }
        for (List<Object> row : rows) {
            Object v = row.get(c);
            if (v != null && !(v instanceof CharSequence)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Column names that hold identifiers, dates or times by the ledger's naming: never shortened unless declared text.
     */
    static boolean looksLikeAnIdentifier(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.equals("id")
                || n.endsWith("_id")
                || n.endsWith("_ids")
                || n.equals("sku")
                || n.endsWith("_sku")
                || n.equals("ref")
                || n.equals("msisdn")
                || n.endsWith("_at")
                || n.endsWith("date")
                || n.equals("month")
                || n.equals("site")
                || n.equals("warehouse")
                || n.equals("vehicle")
                || n.equals("depot");
    }

    /** The declared type of column {@code c}, or the type of its first non-null cell (text if it has none). */
    public ColumnType typeOf(int c) {
        if (types[c] != null) {
            return types[c];
        }
        for (List<Object> row : rows) {
            if (row.get(c) != null) {
                return ColumnType.inferredFrom(row.get(c));
            }
        }
        return ColumnType.TEXT;
    }

    /** Every column's type, in column order. */
    public List<ColumnType> types() {
        ColumnType[] all = new ColumnType[columns.size()];
        Arrays.setAll(all, this::typeOf);
        return List.of(all);
    }

    public List<String> columns() {
        return columns;
    }

    public List<List<Object>> rows() {
        return rows;
    }

    public Style styleOf(int row) {
        Style s = styles.get(row);
        return s != null ? s : rowStyle.apply(rows.get(row));
    }

    public int size() {
        return rows.size();
    }

    /** Whether a column name or a text cell holds a character outside ASCII (Chinese names, for one). */
    public boolean hasNonAscii() {
        return columns.stream().anyMatch(Listing::nonAscii)
                || rows.stream().flatMap(List::stream).anyMatch(cell -> cell instanceof String s && nonAscii(s));
    }

    private static boolean nonAscii(String text) {
        return text.chars().anyMatch(c -> c > 0x7F);
    }
}
