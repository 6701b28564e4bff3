package io.chanops.ledger.csv;

import io.chanops.ledger.time.LocalTimes;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.TemporalAccessor;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes CSV that Excel and scripts both read correctly: UTF-8, a header row, {@code ,} separator, RFC 4180 quoting,
 * CRLF line ends, an optional UTF-8 BOM (Excel needs it to show Chinese text), and the {@link FormulaGuard} on text
 * cells. Numbers (including yuan amounts as {@link BigDecimal}) are written as they are.
 */
public final class CsvSink implements Closeable, Flushable {
    private final CSVPrinter printer;

    private CsvSink(Writer writer) {
        try {
            this.printer = new CSVPrinter(writer, CSVFormat.RFC4180);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static CsvSink to(OutputStream out, boolean bom) {
        try {
            if (bom) {
                out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CsvSink(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16));
    }

    /** Writes to a character stream; a BOM, if wanted, is written as U+FEFF. */
    public static CsvSink to(Writer writer, boolean bom) {
        try {
            if (bom) {
                writer.write('\uFEFF');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CsvSink(writer);
    }

    public CsvSink header(String... columns) {
        return header(Arrays.asList(columns));
    }

    public CsvSink header(List<String> columns) {
        return row(columns.stream().map(c -> (Object) c).toList());
    }

    public CsvSink row(Object... cells) {
        return row(Arrays.asList(cells));
    }

    public CsvSink row(List<?> cells) {
        try {
            for (Object cell : cells) {
                printer.print(cell(cell));
            }
            printer.println();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The CSV text of one value: numbers as they are, dates in ledger form, text formula-guarded. */
    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return FormulaGuard.guard(plain(value));
    }

    /** The display text of one value, unguarded (for tables and JSON). */
    public static String plain(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof LocalDateTime t) {
            return LocalTimes.format(t);
        }
        if (value instanceof LocalDate d) {
            return LocalTimes.format(d);
        }
        if (value instanceof LocalTime t) {
            return LocalTimes.HOUR_MINUTE.format(t);
        }
        if (value instanceof TemporalAccessor t) {
            return t.toString();
        }
        if (value instanceof Enum<?> e) {
            return e.toString();
        }
        return value.toString();
    }

    @Override
    public void flush() {
        try {
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            printer.close(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
