package io.chanops.reconcile.run;

import io.chanops.ledger.csv.FormulaGuard;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Writes a CSV report of a million rows with the same output as the ledger's {@code CsvSink} (UTF-8, optional BOM,
 * CRLF, RFC 4180 quoting, formula guard on text, yuan with two decimals) but with typed cells: amounts go from fen to
 * text without a {@code BigDecimal} per cell and text is scanned once. Used for matched.csv, the one large report.
 */
final class BulkCsvOut implements Closeable {
    private final Writer out;
    private boolean first = true;

    BulkCsvOut(OutputStream stream, boolean bom) {
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
        if (bom) {
            write("\uFEFF");
        }
    }

    BulkCsvOut text(String value) {
        boolean newRecord = first;
        separate();
        String v = value == null ? "" : FormulaGuard.guard(value);
        // Commons CSV's minimal quoting, so that both writers give identical bytes
        boolean quote;
        if (v.isEmpty()) {
            quote = newRecord;
        } else {
            quote = v.charAt(0) <= '#';
            for (int i = 0; i < v.length() && !quote; i++) {
                char c = v.charAt(i);
                quote = c == ',' || c == '"' || c == '\r' || c == '\n';
            }
            quote = quote || v.charAt(v.length() - 1) <= ' ';
        }
        if (!quote) {
            write(v);
        } else {
            write("\"");
            write(v.replace("\"", "\"\""));
            write("\"");
        }
        return this;
    }

    BulkCsvOut number(long value) {
        separate();
        write(Long.toString(value));
        return this;
    }

    /** Fen as yuan with exactly two decimals: {@code -5 -> -0.05}. */
    BulkCsvOut yuan(long fen) {
        separate();
        long abs = Math.abs(fen);
        StringBuilder s = new StringBuilder(16);
        if (fen < 0) {
            s.append('-');
        }
        s.append(abs / 100).append('.');
        long cents = abs % 100;
        if (cents < 10) {
            s.append('0');
        }
        s.append(cents);
        write(s.toString());
        return this;
    }

    void end() {
        write("\r\n");
        first = true;
    }

    private void separate() {
        if (!first) {
            write(",");
        }
        first = false;
    }

    private void write(String s) {
        try {
            out.write(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
