package io.chanops.ledger.csv;

import io.chanops.ledger.InputRejectedException;
import io.chanops.ledger.Problem;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV file the way chanops users hand them in: any charset (UTF-8 by default, a UTF-8 BOM tolerated,
 * GB18030/GBK for BOSS exports), a header row naming the columns in any order, rows addressed by column name, and
 * every problem located as {@code file:line: column: problem}. Undecodable bytes are reported with the line they are
 * on instead of being silently replaced.
 */
public final class CsvSource implements Closeable, Iterable<CsvRow> {
    private final String name;
    private final CSVParser parser;
    private final CsvHeader header;
    private final Charset charset;
    private long lastLine;
    private boolean anyRow;
    private ByteCount counted;
    /** What a decoder puts where bytes are not valid in the charset: reported with its line instead of kept. */
    private static final char REPLACEMENT = '\uFFFD';

    private CsvSource(String name, CSVParser parser, CsvHeader header, long headerLine, Charset charset) {
        this.charset = charset;
        this.name = name;
        this.parser = parser;
        this.header = header;
        this.lastLine = headerLine;
    }

    public static CsvSource open(Path file, Charset charset) {
        return open(file, charset, ',');
    }

    /** Opens {@code file} and reads its header row; fails with a located problem if it is missing or unreadable. */
    public static CsvSource open(Path file, Charset charset, char delimiter) {
        CsvFileCheck.require(file);
        String name = file.toString();
        InputStream in;
        ByteCount count;
        try {
            count = new ByteCount(Files.newInputStream(file));
            in = new BufferedInputStream(count, 1 << 16);
        } catch (NoSuchFileException e) {
            throw InputRejectedException.of(Problem.ofFile(name, "no such file"));
        } catch (IOException e) {
            throw InputRejectedException.of(Problem.ofFile(name, "cannot read: " + e.getMessage()));
        }
        try {
            skipUtf8Bom(in, charset);
            Reader reader = new InputStreamReader(
                    in,
                    charset.newDecoder()
                            .onMalformedInput(CodingErrorAction.REPLACE)
                            .onUnmappableCharacter(CodingErrorAction.REPLACE));
            CSVFormat format = CSVFormat.RFC4180
                    .builder()
                    .setDelimiter(delimiter)
                    .setIgnoreEmptyLines(false)
                    .setTrim(false)
                    .get();
            CSVParser parser =
                    CSVParser.builder().setReader(reader).setFormat(format).get();
            Iterator<CSVRecord> it = parser.iterator();
            if (!it.hasNext()) {
                parser.close();
                throw InputRejectedException.of(Cells.rowProblem(name, 1, "empty file: a header row is required"));
            }
            CSVRecord header = it.next();
            for (String h : header) {
                if (h.indexOf(REPLACEMENT) >= 0) {
                    parser.close();
                    throw undecodable(name, 1, charset);
                }
                if (h.indexOf('\0') >= 0) {
                    parser.close();
                    throw utf16Header(name, 1, header.get(0), CharsetSetting.OPTION);
                }
            }
            CsvHeader names;
            try {
                names = CsvHeader.of(name, header.toList());
            } catch (InputRejectedException e) {
                parser.close();
                throw e;
            }
            CsvSource source = new CsvSource(name, parser, names, parser.getCurrentLineNumber(), charset);
            source.counted = count;
            return source;
        } catch (UncheckedIOException | IOException e) {
            closeQuietly(in);
            throw decodingProblem(name, 1, charset, e);
        }
    }

    /**
     * How many bytes of the file have been read so far (for a progress bar: a little ahead of the rows handed out,
     * by the reader's buffer).
     */
    public long bytesRead() {
        return counted == null ? 0 : counted.count;
    }

    /** Counts the bytes taken from the file. */
    private static final class ByteCount extends FilterInputStream {
        private volatile long count;

        ByteCount(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }

    public String name() {
        return name;
    }

    /** The index of {@code column} in the header (matched as {@link #hasColumn} does), or -1. */
    public int columnIndex(String column) {
        return header.index(column);
    }

    Map<String, Integer> columns() {
        return header.columns();
    }

    /** How many fields the header has: every row must have as many. */
    int width() {
        return header.width();
    }

    /** A row of this file at {@code line} with these raw cells (for {@link CsvBytes}, which finds the cells itself). */
    CsvRow row(long line, String[] values) {
        return new CsvRow(name, line, header, values);
    }

    public boolean hasColumn(String column) {
        return header.has(column);
    }

    /**
     * Whether {@code header} (column names as read, e.g. {@link InputRejectedException#header})
     * names every one of {@code columns}, matched as the readers match them: stripped, case-insensitively.
     */
    public static boolean namesAll(List<String> header, Collection<String> columns) {
        Set<String> names = new HashSet<>();
        header.forEach(name -> names.add(CsvHeader.normalise(name)));
        return columns.stream().allMatch(column -> names.contains(CsvHeader.normalise(column)));
    }

    /** Fails (exit 4) when a required column is missing. */
    public CsvSource require(Collection<String> required) {
        header.require(required);
        return this;
    }

    /** Reports each unknown column through {@code warn} as {@code file:1: column: unknown column, ignored}. */
    public CsvSource warnUnknown(Set<String> known, Consumer<String> warn) {
        header.warnUnknown(known, warn);
        return this;
    }

    /** Whether every cell of {@code r} is empty or blank: a blank line, or an empty row as a spreadsheet saves it. */
    private static boolean allBlank(CSVRecord r) {
        for (String v : r) {
            if (!v.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Data rows in file order; blank lines, and rows of nothing but empty cells (a spreadsheet saves its empty rows as
     * {@code ,,,,}), are skipped but still counted, so line numbers stay exact. A file without any data row is rejected
     * when the iteration ends ({@link Cells#NO_ROWS}).
     */
    @Override
    public Iterator<CsvRow> iterator() {
        Iterator<CSVRecord> records = parser.iterator();
        return new Iterator<>() {
            private CsvRow pending;

            @Override
            public boolean hasNext() {
                while (pending == null) {
                    boolean more;
                    try {
                        more = records.hasNext();
                    } catch (UncheckedIOException e) {
                        throw decodingProblem(name, lastLine + 1, charset, e);
                    }
                    if (!more) {
                        if (!anyRow) {
                            throw InputRejectedException.of(Cells.rowProblem(name, 1, Cells.NO_ROWS));
                        }
                        return false;
                    }
                    CSVRecord r = records.next();
                    long start = lastLine + 1;
                    lastLine = Math.max(start, parser.getCurrentLineNumber());
                    if (allBlank(r)) {
                        continue;
                    }
                    String[] values = new String[r.size()];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = r.get(i);
                        if (values[i].indexOf(REPLACEMENT) >= 0) {
                            throw undecodable(name, start, charset);
                        }
                    }
                    pending = new CsvRow(name, start, header, values);
                    anyRow = true;
                }
                return true;
            }

            @Override
            public CsvRow next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                CsvRow row = pending;
                pending = null;
                return row;
            }
        };
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            // nothing useful to do: the file was only read
        }
    }

    /**
     * The problem of a file whose bytes at {@code line} are not text in {@code charset}, naming the charset it more
     * likely is: GB18030 for a file read as UTF-8 (a BOSS export given as is), UTF-8 for one read as anything else (an
     * export saved again by an editor). The charset is one given with {@code --charset}.
     */
    static InputRejectedException undecodable(String name, long line, Charset charset) {
        return undecodable(name, line, charset, CharsetSetting.OPTION);
    }

    /** As {@link #undecodable(String, long, Charset)}, the charset given as {@code setting} says. */
    static InputRejectedException undecodable(String name, long line, Charset charset, CharsetSetting setting) {
        String hint = !charset.name().startsWith("UTF-16") && looksUtf16(name)
                ? " (is it UTF-16, " + UNICODE_TEXT + "? give its charset, e.g. " + setting.example("UTF-16") + ")"
                : charset.equals(StandardCharsets.UTF_8)
                        ? " (is it GB18030/GBK? give its charset, e.g. " + setting.example("GB18030") + ")"
                        : " (is it UTF-8? give its charset, e.g. " + setting.example("UTF-8") + ")";
        return InputRejectedException.unreadable(
                new Problem(name, line, "", "bytes that are not valid " + charset.name() + hint));
    }

    private static final String UNICODE_TEXT = "as a spreadsheet saves \"Unicode text\"";

    /**
     * The problem of a header holding NUL characters: a UTF-16 file without its byte-order mark, read in a charset of
     * one byte per ASCII letter, has a NUL beside each letter. Never a header of any other file.
     */
    static InputRejectedException utf16Header(String name, long line, String firstCell, CharsetSetting setting) {
        // without a byte-order mark the order of the two bytes is the name's: a letter before its NUL is little-endian
        String charset = firstCell.startsWith("\0") ? "UTF-16BE" : "UTF-16LE";
        return InputRejectedException.of(new Problem(
                name,
                line,
                "",
                "the header holds NUL bytes between its letters: the file looks " + charset + ", " + UNICODE_TEXT
                        + "; give its charset, e.g. " + setting.example(charset)));
    }

    /**
     * Whether the file {@code name} starts with a UTF-16 byte-order mark, or a quarter of its first KiB is NUL bytes
     * (UTF-16 without one): what a spreadsheet writes as "Unicode text". False when it cannot be read.
     */
    static boolean looksUtf16(String name) {
        try (InputStream in = Files.newInputStream(Path.of(name))) {
            byte[] b = in.readNBytes(1024);
            if (b.length >= 2
                    && (((b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE)
                            || ((b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF))) {
                return true;
            }
            int nul = 0;
            for (byte x : b) {
                nul += x == 0 ? 1 : 0;
            }
            return b.length > 0 && nul >= b.length / 4;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static InputRejectedException decodingProblem(String name, long line, Charset charset, Exception e) {
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (cause instanceof CharacterCodingException) {
            return undecodable(name, line, charset);
        }
        return InputRejectedException.of(new Problem(name, line, "", "cannot parse CSV: " + cause.getMessage()));
    }

    private static void skipUtf8Bom(InputStream in, Charset charset) throws IOException {
        in.mark(3);
        byte[] b = in.readNBytes(3);
        boolean bom = b.length == 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF;
        if (!bom || !(charset.equals(StandardCharsets.UTF_8) || charset.name().startsWith("GB"))) {
            in.reset();
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // already failing
        }
    }
}
