package io.chanops.ledger.csv;

import java.nio.charset.StandardCharsets;

/**
 * A whole UTF-8 CSV file in memory, scanned as bytes: for files of a million rows, where a String per cell costs more
 * than the checks on it. Cells are byte ranges, stripped and formula-unguarded exactly as {@link CsvRow#get} does for
 * ASCII text; a line with other bytes, or any line a caller wants to report on, is handed out as a {@link CsvRow}
 * ({@link #row()}), so that messages come from the same code as {@link CsvSource}'s rows.
 *
 * <p>Only for the common case: the header has been read and checked by a {@link CsvSource} on the same file, and the
 * file holds no quote character at all ({@link #applies}), so every line is one record and every comma separates
 * cells. Line breaks are LF, CRLF or a lone CR, counted as {@link CsvSource} counts them.
 */
public final class CsvBytes {
    private final CsvSource header;
    private final byte[] bytes;
    private final int limit;
    private final int[] cellStart;
    private final int[] cellEnd;
    private int next;
    private int lineStart;
    private int lineEnd;
    private long line = 1;
    private int cells;
    private boolean ascii;
    private boolean control;

    private CsvBytes(CsvSource header, byte[] bytes, int width, int from, int to, long firstLine) {
        this.header = header;
        this.bytes = bytes;
        this.limit = to;
        this.cellStart = new int[width];
        this.cellEnd = new int[width];
        this.next = from;
        this.line = firstLine - 1;
    }

    /** True when {@code bytes} can be read this way: no quote character anywhere. */
    public static boolean applies(byte[] bytes) {
        for (byte b : bytes) {
            if (b == '"') {
                return false;
            }
        }
        return true;
    }

    /**
     * Scans the data lines of {@code bytes}, the content of the file whose header {@code header} has read; only the
     * first {@code width} cells of each line are located.
     */
    public static CsvBytes of(CsvSource header, byte[] bytes, int width) {
        return new CsvBytes(header, bytes, width, dataStart(bytes), bytes.length, 2);
    }

    /**
     * Scans only the lines in {@code bytes[from..to)}, the first of them being line {@code firstLine} of the file:
     * for reading one file in parts on several threads ({@link #dataStart} and {@link #lineStartAfter} find the
     * parts).
     */
    public static CsvBytes part(CsvSource header, byte[] bytes, int width, int from, int to, long firstLine) {
        return new CsvBytes(header, bytes, width, from, to, firstLine);
    }

    /** Where line 2 (the first data line) starts. */
    public static int dataStart(byte[] bytes) {
        return endOfLine(bytes, hasUtf8Bom(bytes) ? 3 : 0);
    }

    /** Where the first line starting at or after {@code pos} starts (the end of the file if none does). */
    public static int lineStartAfter(byte[] bytes, int pos) {
        if (pos <= 0) {
            return 0;
        }
        if (bytes[pos - 1] == '\n' || (bytes[pos - 1] == '\r' && (pos == bytes.length || bytes[pos] != '\n'))) {
            return pos;
        }
        return endOfLine(bytes, pos);
    }

    private static boolean hasUtf8Bom(byte[] b) {
        return b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF;
    }

    /** The index after the line break of the line starting at {@code from}. */
    private static int endOfLine(byte[] b, int from) {
        int i = from;
        while (i < b.length && b[i] != '\n' && b[i] != '\r') {
            i++;
        }
        return afterBreak(b, i);
    }

    /** The index after the line break at {@code i} (LF, CR or CRLF), or {@code i} at the end of the file. */
    private static int afterBreak(byte[] b, int i) {
        if (i < b.length && b[i] == '\r') {
            i++;
            if (i < b.length && b[i] == '\n') {
                i++;
            }
        } else if (i < b.length && b[i] == '\n') {
            i++;
        }
        return i;
    }

    /** Moves to the next line, blank lines included; false at the end of the file. */
    public boolean next() {
        if (next >= limit) {
            return false;
        }
        line++;
        byte[] b = bytes;
        int i = next;
        lineStart = i;
        int width = cellStart.length;
        int c = 0;
        int cellFrom = i;
        int high = 0;
        boolean ctl = false;
        while (i < b.length) {
            byte x = b[i];
            if (x == ',') {
                if (c < width) {
                    cell(c, cellFrom, i);
                }
                c++;
                cellFrom = i + 1;
            } else if (x < 0x20 || x == 0x7F) {
                if (x == '\n' || x == '\r') {
                    break;
                }
                ctl |= (x >= 0 && x != '\t') || x == 0x7F;
            }
            high |= x;
            i++;
        }
        if (c < width) {
            cell(c, cellFrom, i);
        }
        cells = c + 1;
        lineEnd = i;
        ascii = high >= 0;
        control = ctl;
        next = afterBreak(b, i);
        return true;
    }

    /** Records cell {@code c} as {@code [from, to)} stripped of ASCII white space and of the formula guard's quote. */
    private void cell(int c, int from, int to) {
        cellStart[c] = CellBytes.start(bytes, from, to);
        cellEnd[c] = CellBytes.end(bytes, from, to);
    }

    /** The byte offset in the file just past the current line (how far a reader has come, for a progress bar). */
    public long position() {
        return next;
    }

    /** The line number of the current line (the header is line 1). */
    public long line() {
        return line;
    }

    /** True when the current line is plain ASCII: its cells can be read as bytes. */
    public boolean isAscii() {
        return ascii;
    }

    /**
     * True when the current line holds a C0 control character other than TAB, or DEL: the line is then to be read as
     * a {@link #row()}, whose checks word the problem.
     */
    public boolean hasControl() {
        return control;
    }

    /** How many fields the current line has (the header's width, unless the row is malformed). */
    public int width() {
        return cells;
    }

    /** How many fields the header has. */
    public int headerWidth() {
        return header.width();
    }

    /** True when every cell of the current (ASCII) line is empty or white space. */
    public boolean isBlank() {
        for (int i = lineStart; i < lineEnd; i++) {
            byte x = bytes[i];
            if (x != ',' && !CellBytes.isSpace(x)) {
                return false;
            }
        }
        return true;
    }

    public byte[] bytes() {
        return bytes;
    }

    /** Start of cell {@code column} (an index below the width) in {@link #bytes()}; equal to its end when absent. */
    public int start(int column) {
        return column >= 0 && column < cells ? cellStart[column] : 0;
    }

    public int end(int column) {
        return column >= 0 && column < cells ? cellEnd[column] : 0;
    }

    /** The cell as text (ASCII lines only). */
    public String text(int column) {
        return new String(bytes, start(column), end(column) - start(column), StandardCharsets.ISO_8859_1);
    }

    /**
     * The current line as a row of its file, decoded as UTF-8; bytes that are not UTF-8 reject the file as
     * {@link CsvSource} does, with this line.
     */
    public CsvRow row() {
        String text = new String(bytes, lineStart, lineEnd - lineStart, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') >= 0) {
            throw CsvSource.undecodable(header.name(), line, StandardCharsets.UTF_8);
        }
        String[] values = text.split(",", -1);
        return header.row(line, values);
    }
}
