package io.chanops.ledger.files;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Tables written as the sheets of one workbook file (xlsx): the form finance opens in one go of a command's several
 * CSV files (a reconciliation's summary, discrepancies and matched orders; a plan's routes, lines and unserved orders).
 * Modules hand their tables, with cells as they give them to CSV (numbers, yuan as {@code BigDecimal} of two decimals,
 * text); the writer of the format lives where its library is ({@link Format}).
 */
@FunctionalInterface
public interface Workbook {
    /** A sheet named {@code name}: a header row, then the rows {@code rows} hands to its sink. */
    void sheet(String name, List<String> header, Consumer<Rows> rows);

    /** Where a table's rows go. */
    @FunctionalInterface
    interface Rows {
        void row(List<?> cells);

        default void row(Object... cells) {
            row(Arrays.asList(cells));
        }
    }

    /** Writes a whole workbook to {@code out}: {@code sheets} adds its sheets in order. */
    @FunctionalInterface
    interface Format {
        void write(OutputStream out, Consumer<Workbook> sheets) throws IOException;
    }
}
