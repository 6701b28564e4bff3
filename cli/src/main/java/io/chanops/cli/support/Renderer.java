package io.chanops.cli.support;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.chanops.ledger.csv.Cells;
import io.chanops.ledger.csv.CsvSink;
import io.chanops.ledger.files.OutputFile;
import io.chanops.ledger.files.OutputKind;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Renders a {@link Listing} as an aligned (optionally coloured) table, Excel-safe CSV, JSON, or an xlsx file. A table
 * shows control characters as visible escapes ({@link Cells#visible}); CSV, JSON and xlsx keep the data exact.
 */
public final class Renderer {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private Renderer() {}

    public static void render(Listing listing, Format format, PrintWriter out, boolean bom, boolean colour) {
        render(listing, format, out, bom, colour, 0);
    }

    /** As above; a table is fitted into {@code width} terminal columns when it is more than 0 ({@link TableFit}). */
    public static void render(Listing listing, Format format, PrintWriter out, boolean bom, boolean colour, int width) {
        switch (format) {
            case TABLE -> table(listing, out, colour, width);
            case CSV -> csv(listing, out, bom);
            case JSON -> json(listing, out);
            case XLSX -> throw new IllegalArgumentException("xlsx is written to a file only");
        }
        out.flush();
    }

    /**
     * Writes the listing to {@code file}'s temporary file; it replaces the file when the run's outputs are published,
     * so a reader never sees half a report. A listing with phone numbers (an {@code msisdn} column) is written
     * readable by its owner only.
     */
    public static void renderToFile(Listing listing, Format format, OutputFile file, boolean bom) {
        file.requireReplaceable(kindOf(format, listing.columns()));
        OutputFile.Access access =
                listing.columns().contains("msisdn") ? OutputFile.Access.OWNER_ONLY : OutputFile.Access.DEFAULT;
        file.write(access, os -> {
            if (format == Format.CSV) {
                try (CsvSink sink = CsvSink.to(os, bom)) {
                    writeCsv(listing, sink);
                }
            } else if (format == Format.XLSX) {
                XlsxWriter.write(listing, os);
            } else {
                CheckedPrintWriter w = CheckedPrintWriter.of(os, false);
                render(listing, format, w, bom, false);
                w.throwIfFailed();
            }
        });
    }

    /**
     * As {@link #renderToFile(Listing, Format, OutputFile, boolean)} for rows that {@code rows} hands over one at a
     * time: CSV is written as they come, without holding them (a million detail lines); other formats gather them
     * first. Returns the number of rows.
     */
    public static long renderToFile(
            List<String> columns, Format format, OutputFile file, boolean bom, Consumer<Consumer<List<?>>> rows) {
        if (format != Format.CSV) {
            Listing listing = new Listing(columns);
            rows.accept(listing::add);
            renderToFile(listing, format, file, bom);
            return listing.size();
        }
        file.requireReplaceable(kindOf(format, columns));
        long[] written = new long[1];
        OutputFile.Access access =
                columns.contains("msisdn") ? OutputFile.Access.OWNER_ONLY : OutputFile.Access.DEFAULT;
        file.write(access, os -> {
            try (CsvSink sink = CsvSink.to(os, bom)) {
                sink.header(columns);
                rows.accept(row -> {
                    sink.row(row);
                    written[0]++;
                });
                sink.flush();
            }
        });
        return written[0];
    }

    public static void csv(Listing listing, Writer out, boolean bom) {
        CsvSink sink = CsvSink.to(new NonClosingWriter(out), bom);
        writeCsv(listing, sink);
        sink.close();
    }

    /**
     * What a listing of {@code columns} in {@code format} is, for an existing file it would replace: yesterday's copy of
     * the same listing is replaced, another file is not ({@link OutputFile#requireReplaceable}).
     */
    static OutputKind kindOf(Format format, List<String> columns) {
        return switch (format) {
            case CSV -> OutputKind.csv(columns);
            case JSON -> new JsonRowsKind(columns);
            case XLSX -> OutputKind.workbook(XlsxWriter.SHEET);
            case TABLE -> OutputKind.table(columns);
        };
    }

    private static void writeCsv(Listing listing, CsvSink sink) {
        sink.header(listing.columns());
        for (List<Object> row : listing.rows()) {
            sink.row(row);
        }
        sink.flush();
    }

    /** JSON values typed by column: numbers, amounts (two decimals) and booleans unquoted, all else as text. */
    public static void json(Listing listing, Writer out) {
        List<ColumnType> types = listing.types();
        List<Map<String, Object>> items = new ArrayList<>(listing.size());
        for (List<Object> row : listing.rows()) {
            Map<String, Object> item = new LinkedHashMap<>();
            for (int i = 0; i < row.size(); i++) {
                item.put(listing.columns().get(i), types.get(i).typed(row.get(i)));
            }
            items.add(item);
        }
        try {
            JSON.writeValue(out, items);
            out.write(System.lineSeparator());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void table(Listing listing, PrintWriter out, boolean colour) {
        table(listing, out, colour, 0);
    }

    /**
     * The listing as an aligned table; with {@code width} more than 0 it fits that many terminal columns: long text
     * shortened with an ellipsis, then columns left out (named in a last line) when text alone cannot make room.
     */
    public static void table(Listing listing, PrintWriter out, boolean colour, int width) {
        List<String> cols = listing.columns();
        int n = cols.size();
        int[] natural = new int[n];
        boolean[] numeric = new boolean[n];
        Arrays.fill(numeric, true);
        for (int c = 0; c < n; c++) {
            natural[c] = DisplayWidth.of(Cells.visible(cols.get(c)));
        }
        List<ColumnType> types = listing.types();
        List<String[]> texts = new ArrayList<>(listing.size());
        for (List<Object> row : listing.rows()) {
            String[] t = new String[n];
            for (int c = 0; c < n; c++) {
                Object v = row.get(c);
                // a table is for a person at a terminal: no text from the ledger may move the cursor or set the title
                t[c] = types.get(c) == ColumnType.AMOUNT && v instanceof BigDecimal d
                        ? grouped(d)
                        : Cells.visible(CsvSink.plain(v));
                natural[c] = Math.max(natural[c], DisplayWidth.of(t[c]));
                if (v != null && !(v instanceof Number || v instanceof BigDecimal)) {
                    numeric[c] = false;
                }
            }
            texts.add(t);
        }
        int[] shown = natural;
        List<Integer> hidden = List.of();
        if (width > 0 && TableFit.total(natural) > width) {
            boolean[] cuttable = new boolean[n];
            int[] headers = new int[n];
            for (int c = 0; c < n; c++) {
                cuttable[c] = listing.cuttable(c);
                // a header is never cut: a text column keeps at least its name's width
                headers[c] = DisplayWidth.of(Cells.visible(cols.get(c)));
            }
            TableFit.Layout layout = TableFit.fit(natural, headers, cuttable, listing.hideOrder(), width);
            shown = layout.widths();
            hidden = layout.hidden();
        }
        StringBuilder header = new StringBuilder();
        StringBuilder rule = new StringBuilder();
        boolean first = true;
        for (int c = 0; c < n; c++) {
            if (shown[c] == 0) {
                continue;
            }
            if (!first) {
                header.append("  ");
                rule.append("  ");
            }
            first = false;
            header.append(DisplayWidth.pad(
                    TableFit.shorten(Cells.visible(cols.get(c)), shown[c]),
                    shown[c],
                    numeric[c] && !listing.rows().isEmpty()));
            rule.append("-".repeat(shown[c]));
        }
        out.println(Style.BOLD.apply(stripRight(header), colour));
        out.println(Style.DIM.apply(rule.toString(), colour));
        for (int r = 0; r < texts.size(); r++) {
            String[] t = texts.get(r);
            StringBuilder line = new StringBuilder();
            first = true;
            for (int c = 0; c < n; c++) {
                if (shown[c] == 0) {
                    continue;
                }
                if (!first) {
                    line.append("  ");
                }
                first = false;
                line.append(DisplayWidth.pad(TableFit.shorten(t[c], shown[c]), shown[c], numeric[c]));
            }
            out.println(listing.styleOf(r).apply(stripRight(line), colour));
        }
        if (texts.isEmpty()) {
            out.println(Style.DIM.apply("(none)", colour));
        }
        if (!hidden.isEmpty()) {
            List<String> names = hidden.stream().map(cols::get).toList();
            String note = "(--wide shows " + names.size() + " more " + (names.size() == 1 ? "column" : "columns") + ": "
                    + String.join(", ", names) + ")";
            out.println(Style.DIM.apply(TableFit.shorten(note, width), colour));
        }
    }

    /**
     * An amount as the table shows it, digits grouped by thousands ({@code 1,429,901,348.00}); CSV and JSON never are.
     */
    static String grouped(BigDecimal amount) {
        DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(amount);
    }

    private static String stripRight(CharSequence s) {
        return s.toString().stripTrailing();
    }

    /** Keeps the terminal's writer open when a CSV sink over it is closed. */
    private static final class NonClosingWriter extends FilterWriter {
        NonClosingWriter(Writer out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
