package io.chanops.cli.support;

import io.chanops.ledger.csv.CsvSink;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Consumer;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes a {@link Listing} as an Excel workbook of one sheet (fastexcel): cells typed by their column's
 * {@link ColumnType} (amounts with the number format {@code 0.00}; text is always a string cell, never a formula, so
 * ids and phone numbers keep their leading zeros), a bold frozen header row, an autofilter over the header and column
 * widths fitted to their content.
 */
public final class XlsxWriter {
    static final String SHEET = "chanops";
    private static final String AMOUNT_FORMAT = "0.00";
    /** Column widths in characters: room for the filter button, and no column wider than a screen's half. */
    private static final int PADDING = 3;

    private static final int MAX_WIDTH = 60;

    private XlsxWriter() {}

    public static void write(Listing listing, OutputStream os) {
        List<String> columns = listing.columns();
        List<ColumnType> types = listing.types();
        int n = columns.size();
        int[] width = new int[n];
        try {
            Workbook wb = new Workbook(os, "chanops", null);
            Worksheet ws = wb.newWorksheet(SHEET);
            for (int c = 0; c < n; c++) {
                ws.value(0, c, columns.get(c));
                width[c] = DisplayWidth.of(columns.get(c));
            }
            ws.range(0, 0, 0, n - 1).style().bold().set();
            int r = 1;
            for (List<Object> row : listing.rows()) {
                for (int c = 0; c < n; c++) {
                    ColumnType type = types.get(c);
                    width[c] = Math.max(width[c], cell(ws, r, c, type.typed(row.get(c)), type == ColumnType.AMOUNT));
                }
                r++;
            }
            for (int c = 0; c < n; c++) {
                ws.width(c, Math.min(MAX_WIDTH, width[c] + PADDING));
            }
            ws.freezePane(0, 1);
            ws.setAutoFilter(0, 0, n - 1);
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes a workbook of several sheets (a command's several files): each cell typed by the value it holds (numbers
     * as numbers, yuan of two decimals with the format {@code 0.00}, everything else as text, never a formula); each
     * sheet with the bold frozen header row, autofilter and fitted widths of {@link #write}.
     */
    public static void workbook(OutputStream os, Consumer<io.chanops.ledger.files.Workbook> sheets) throws IOException {
        Workbook wb = new Workbook(os, "chanops", null);
        sheets.accept((name, header, rows) -> {
            Worksheet ws = wb.newWorksheet(name);
            int n = header.size();
            int[] width = new int[n];
            for (int c = 0; c < n; c++) {
                ws.value(0, c, header.get(c));
                width[c] = DisplayWidth.of(header.get(c));
            }
            ws.range(0, 0, 0, n - 1).style().bold().set();
            int[] r = {1};
            rows.accept(cells -> {
                for (int c = 0; c < n && c < cells.size(); c++) {
                    Object v = ColumnType.VALUE.typed(cells.get(c));
                    boolean amount = v instanceof BigDecimal d && d.scale() == 2;
                    width[c] = Math.max(width[c], cell(ws, r[0], c, v, amount));
                }
                r[0]++;
            });
            for (int c = 0; c < n; c++) {
                ws.width(c, Math.min(MAX_WIDTH, width[c] + PADDING));
            }
            ws.freezePane(0, 1);
            ws.setAutoFilter(0, 0, n - 1);
        });
        wb.finish();
    }

    /** Writes one cell; returns its width in characters as shown. */
    private static int cell(Worksheet ws, int r, int c, Object v, boolean amount) {
        if (v == null) {
            return 0;
        }
        if (v instanceof BigDecimal d && amount) {
            ws.value(r, c, d);
            ws.style(r, c).format(AMOUNT_FORMAT).set();
            return d.toPlainString().length();
        }
        if (v instanceof Number x) {
            ws.value(r, c, x);
            return CsvSink.plain(x).length();
        }
        if (v instanceof Boolean b) {
            ws.value(r, c, b);
            return 5;
        }
        String text = CsvSink.plain(v);
        ws.value(r, c, text);
        return DisplayWidth.of(text);
    }
}
