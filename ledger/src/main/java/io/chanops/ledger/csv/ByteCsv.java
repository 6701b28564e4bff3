package io.chanops.ledger.csv;

import io.chanops.ledger.InputRejectedException;
import io.chanops.ledger.Problem;
import io.chanops.ledger.files.FlushOnClose;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * An RFC 4180 reader for bulk files (the two files of a reconciliation: millions of rows), working on the file's bytes:
 * the record structure (delimiter, quotes, line ends) is found without decoding, and a cell becomes a {@code String}
 * only when a caller asks for one. ASCII cells - ids, numbers, dates, which is nearly all of a BOSS export - are never
 * decoded at all.
 *
 * <p>That is exact for the charsets exports come in: in UTF-8 every byte of a multi-byte character is &gt;= 0x80, and
 * in the GB family (GB18030, GBK, GB2312) the reader steps over each multi-byte character as a whole, so a trail byte
 * that happens to equal a delimiter such as {@code |} (0x7C) is never taken for one. Both are validated structurally
 * on the way; the first record with bytes that are not valid in the charset is reported with its line. Any other
 * charset is first transcoded to UTF-8 through the JDK's decoder, then read the same way.
 *
 * <p>Contract as the ledger's {@code CsvSource}: a UTF-8 BOM is skipped (and then means UTF-8 whatever the charset
 * given), header names match case-insensitively, cells are stripped and lose the formula-guard prefix, line numbers
 * are those of each record's first physical line, blank lines are skipped. The file's SHA-256 is computed from the
 * same reads when a digest is given.
 */
public final class ByteCsv implements Closeable {
    private static final int BLOCK = 1 << 22;

    /** How multi-byte characters are laid out in the file's bytes. */
    private enum Layout {
        UTF8,
        GB
    }

    private final String name;
    private final Charset charset;
    private final Layout layout;
    private final boolean fourByteGb;
    private final boolean replacementIsBad;
    private final byte delimiter;
    private final FileChannel channel;
    private final MessageDigest digest;
    /** Names of the UTF-8 copies: not guessable, so that nobody can plant a file or link there first. */
    private static final SecureRandom RANDOM = new SecureRandom();

    private byte[] buf;
    private int pos;
    private int limit;
    /** Whether a UTF-8 byte-order mark was skipped at the start of the file. */
    private boolean bom;

    private boolean eof;

    private int width;
    private int[] start = new int[16];
    private int[] end = new int[16];
    private boolean[] complex = new boolean[16];
    /** Whether each cell of the record holds a control character ({@link Cells#isControl}). */
    private boolean[] control = new boolean[16];
    /** Whether the cell being scanned holds a control character so far. */
    private boolean cellControl;

    private boolean anyRecord;
    private long line = 1;
    private long recordLine;
    private long badLine;
    private final CsvHeader header;
    /** Where the charset was given: named by the message of bytes not valid in it. */
    private final CharsetSetting setting;

    private ByteCsv(
            String name,
            FileChannel channel,
            Charset charset,
            CharsetSetting setting,
            Layout layout,
            boolean replacementIsBad,
            char delimiter,
            MessageDigest digest,
            int block,
            int headerLine)
            throws IOException {
        this.buf = new byte[block];
        this.name = name;
        this.setting = setting;
        this.channel = channel;
        this.charset = charset;
        this.layout = layout;
        this.fourByteGb = charset.name().equals("GB18030");
        this.replacementIsBad = replacementIsBad;
        this.delimiter = (byte) delimiter;
        this.digest = digest;
        fill();
        if (limit >= 3 && (buf[0] & 0xff) == 0xEF && (buf[1] & 0xff) == 0xBB && (buf[2] & 0xff) == 0xBF) {
            pos = 3;
            bom = true;
        }
        if (!nextRecord()) {
            throw InputRejectedException.of(Cells.rowProblem(name, 1, "empty file: a header row is required"));
        }
        // the lines above the header (a report's title, its period) are read as records and left out
        while (recordLine < headerLine) {
            if (!nextRecord()) {
                throw InputRejectedException.of(Cells.rowProblem(
                        name,
                        headerLine,
                        "the file ends before line " + headerLine + ", where its header is expected"));
            }
        }
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            cells.add(decode(start[i], end[i]));
            if (cells.get(i).indexOf('\0') >= 0) {
                throw CsvSource.utf16Header(name, recordLine, cells.get(0), setting);
            }
        }
        this.header = CsvHeader.of(name, recordLine, cells);
    }

    /**
     * Opens {@code file}; {@code digest} (may be null) receives every byte of the file as it is read, so that after the
     * last record it holds the file's hash.
     */
    public static ByteCsv open(Path file, Charset charset, char delimiter, MessageDigest digest) {
        return open(file, charset, delimiter, digest, CharsetSetting.OPTION);
    }

    /**
     * As {@link #open(Path, Charset, char, MessageDigest)}, for a file whose charset was given as {@code setting} says
     * (a message about bytes not valid in it tells how to give another).
     */
    public static ByteCsv open(
            Path file, Charset charset, char delimiter, MessageDigest digest, CharsetSetting setting) {
        return open(file, charset, delimiter, digest, setting, 1);
    }

    /**
     * As {@link #open(Path, Charset, char, MessageDigest, CharsetSetting)}, for a file whose header is on line {@code
     * headerLine} (1 or more): the records above it are left out (a report's title and period, as some systems export
     * them). Problems keep naming the file's own lines.
     */
    public static ByteCsv open(
            Path file, Charset charset, char delimiter, MessageDigest digest, CharsetSetting setting, int headerLine) {
        return open(
                file,
                charset,
                delimiter,
                digest,
                BLOCK,
                Path.of(System.getProperty("java.io.tmpdir")),
                setting,
                headerLine);
    }

    /**
     * As {@link #open(Path, Charset, char, MessageDigest)} with a read buffer of {@code block} bytes (tests: tiny
     * ones).
     */
    static ByteCsv open(Path file, Charset charset, char delimiter, MessageDigest digest, int block) {
        return open(file, charset, delimiter, digest, block, Path.of(System.getProperty("java.io.tmpdir")));
    }

    /**
     * As {@link #open(Path, Charset, char, MessageDigest, int)}, a UTF-8 copy (another charset) made in {@code
     * tempDir}.
     */
    static ByteCsv open(Path file, Charset charset, char delimiter, MessageDigest digest, int block, Path tempDir) {
        return open(file, charset, delimiter, digest, block, tempDir, CharsetSetting.OPTION, 1);
    }

    private static ByteCsv open(
            Path file,
            Charset charset,
            char delimiter,
            MessageDigest digest,
            int block,
            Path tempDir,
            CharsetSetting setting,
            int headerLine) {
        if (headerLine < 1) {
            throw new IllegalArgumentException("headerLine must be 1 or more");
        }
        CsvFileCheck.require(file);
        String name = file.toString();
        if (delimiter == '"' || delimiter == '\n' || delimiter == '\r' || delimiter > 0x7F) {
            throw new IllegalArgumentException("delimiter must be an ASCII character other than a quote or a line end");
        }
        FileChannel ch;
        try {
            ch = FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw InputRejectedException.of(Problem.ofFile(name, "no such file"));
        } catch (IOException e) {
            throw InputRejectedException.of(Problem.ofFile(name, "cannot read: " + e.getMessage()));
        }
        try {
            boolean bom = startsWithBom(ch);
            Layout layout = layoutOf(charset);
            if (bom || layout != null) {
                return new ByteCsv(
                        name,
                        ch,
                        bom ? StandardCharsets.UTF_8 : charset,
                        setting,
                        bom ? Layout.UTF8 : layout,
                        false,
                        delimiter,
                        digest,
                        block,
                        headerLine);
            }
            // another charset: decode it once into a UTF-8 copy (undecodable bytes become U+FFFD, reported by line)
            ch.close();
            ch = transcode(file, charset, digest, tempDir);
            return new ByteCsv(name, ch, charset, setting, Layout.UTF8, true, delimiter, null, block, headerLine);
        } catch (IOException e) {
            closeQuietly(ch);
            throw InputRejectedException.of(Problem.ofFile(name, "cannot read: " + e.getMessage()));
        } catch (RuntimeException e) {
            closeQuietly(ch);
            throw e;
        }
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // only read
        }
    }

    private static boolean startsWithBom(FileChannel ch) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(3);
        while (b.hasRemaining() && ch.read(b) > 0) {
            // read up to three bytes
        }
        ch.position(0);
        return b.position() == 3 && (b.get(0) & 0xff) == 0xEF && (b.get(1) & 0xff) == 0xBB && (b.get(2) & 0xff) == 0xBF;
    }

    private static Layout layoutOf(Charset charset) {
        String n = charset.name().toUpperCase(Locale.ROOT);
        if (n.equals("UTF-8") || n.equals("US-ASCII")) {
            return Layout.UTF8;
        }
        if (n.equals("GB18030")
                || n.equals("GBK")
                || n.equals("GB2312")
                || n.equals("X-MSWIN-936")
                || n.equals("X-EUC-CN")) {
            return Layout.GB;
        }
        return null;
    }

    /**
     * The file decoded into a UTF-8 copy, open for reading from its start. The copy may hold unmasked phone numbers: it
     * is created exclusively under an unpredictable name, readable by its owner only, and deleted on close; on Unix it
     * has no name at all once opened (unlinked at once), so that not even a killed process leaves it behind.
     */
    private static FileChannel transcode(Path file, Charset charset, MessageDigest digest, Path tempDir)
            throws IOException {
        Path name = tempDir.resolve(
                "chanops-" + Long.toHexString(RANDOM.nextLong()) + Long.toHexString(RANDOM.nextLong()) + ".utf8.csv");
        Set<StandardOpenOption> options = EnumSet.of(
                StandardOpenOption.CREATE_NEW,
                StandardOpenOption.READ,
                StandardOpenOption.WRITE,
                StandardOpenOption.DELETE_ON_CLOSE);
        FileChannel copy = tempDir.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? FileChannel.open(
                        name,
                        options,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : FileChannel.open(name, options);
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = digest == null ? raw : new DigestInputStream(raw, digest);
                Reader r = new InputStreamReader(
                        in,
                        charset.newDecoder()
                                .onMalformedInput(CodingErrorAction.REPLACE)
                                .onUnmappableCharacter(CodingErrorAction.REPLACE));
                Writer w =
                        new BufferedWriter(new OutputStreamWriter(unclosable(copy), StandardCharsets.UTF_8), 1 << 16)) {
            r.transferTo(w);
        } catch (IOException | RuntimeException e) {
            closeQuietly(copy);
            throw e;
        }
        copy.position(0);
        return copy;
    }

    /** Writes to {@code channel} and leaves it open when closed: the copy is read back through the same channel. */
    private static OutputStream unclosable(FileChannel channel) {
        return new FlushOnClose(Channels.newOutputStream(channel));
    }

    /** How many bytes of the file the records handed out so far took (for a progress bar). */
    public long bytesRead() {
        try {
            return channel.position() - (limit - pos);
        } catch (IOException e) {
            return 0;
        }
    }

    public String name() {
        return name;
    }

    public List<String> header() {
        return header.names();
    }

    /** Index of {@code column} in the header (case-insensitive), or -1. */
    public int index(String column) {
        return header.index(column);
    }

    public boolean hasColumn(String column) {
        return header.has(column);
    }

    /** Rejects the file (exit 4) naming every column of {@code required} the header lacks. */
    public ByteCsv require(Collection<String> required) {
        header.require(required);
        return this;
    }

    /** Warns of every header name not in {@code known}: ignored. */
    public ByteCsv warnUnknown(Collection<String> known, Consumer<String> warn) {
        header.warnUnknown(known, warn);
        return this;
    }

    /**
     * About how many records the file holds, from its size and the line length of its first block (to size tables once
     * instead of growing them row by row); at least 16.
     */
    public int estimatedRecords() {
        long size;
        try {
            size = channel.size();
        } catch (IOException e) {
            return 1 << 16;
        }
        int lines = 0;
        for (int k = pos; k < limit; k++) {
            if (buf[k] == '\n') {
                lines++;
            }
        }
        if (lines == 0 || limit - pos == 0) {
            return 1 << 16;
        }
        long estimate = size * lines / (limit - pos) * 21 / 20 + 16;
        return (int) Math.min(estimate, Integer.MAX_VALUE - 64);
    }

    /**
     * Advances to the next record that is not blank (a blank line, or a row of empty cells as a spreadsheet saves it);
     * false at the end of the file. A file without any data record is rejected at its end ({@link Cells#NO_ROWS}).
     */
    public boolean next() {
        try {
            while (nextRecord()) {
                if (!allBlank()) {
                    anyRecord = true;
                    return true;
                }
            }
            if (!anyRecord) {
                throw InputRejectedException.of(Cells.rowProblem(name, header.line(), Cells.NO_ROWS));
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    /** The line the current record starts on. */
    public long line() {
        return recordLine;
    }

    /**
     * Reports what in the current record breaks the rules every file shares ({@link Cells}) to {@code sink}: a record
     * wider or narrower than the header (then only that), or a cell of a column the reader uses holding a control
     * character or over {@value Cells#MAX_TEXT_LENGTH} characters. True when there was any: the caller leaves the
     * record out.
     */
    public boolean rejected(Consumer<Problem> sink) {
        if (width != header.width()) {
            sink.accept(Cells.rowProblem(name, recordLine, Cells.widthProblem(width, header.width())));
            return true;
        }
        boolean any = false;
        for (int i = 0; i < width; i++) {
            if ((control[i] || end[i] - start[i] > Cells.MAX_TEXT_LENGTH) && header.used(i)) {
                String why = Cells.textProblem(decode(start[i], end[i]));
                if (why != null) {
                    sink.accept(new Problem(name, recordLine, header.name(i), why));
                    any = true;
                }
            }
        }
        return any;
    }

    public Problem problem(int column, String message) {
        return new Problem(
                name,
                recordLine,
                column >= 0 && column < header.names().size() ? header.names().get(column) : "",
                message);
    }

    /**
     * Adds to {@code problems} the problem of each of {@code columns} (ids, phone numbers) whose cell is a long number
     * a spreadsheet wrote in scientific notation ({@link Cells#isScientific}).
     */
    public void refuseScientific(Consumer<Problem> problems, int... columns) {
        for (int column : columns) {
            if (Cells.isScientific(bytes(), from(column), to(column))) {
                problems.accept(problem(column, Cells.scientificProblem(get(column))));
            }
        }
    }

    // ---- cells of the current record: stripped of surrounding whitespace and of the formula-guard prefix

    /** The bytes the current cells point into (valid until the next call of {@link #next}). */
    public byte[] bytes() {
        return buf;
    }

    /** First byte of cell {@code i} (equal to {@link #to} when the cell is empty or absent). */
    public int from(int i) {
        return i < 0 || i >= width ? 0 : CellBytes.start(buf, start[i], end[i]);
    }

    /** One past the last byte of cell {@code i}. */
    public int to(int i) {
        return i < 0 || i >= width ? 0 : CellBytes.end(buf, start[i], end[i]);
    }

    /** Cell {@code i} as text. */
    public String get(int i) {
        int s = from(i);
        int e = to(i);
        return s >= e ? "" : decode(s, e);
    }

    /** Whether every byte of {@code [from, to)} is ASCII. */
    public static boolean ascii(byte[] b, int from, int to) {
        for (int k = from; k < to; k++) {
            if (b[k] < 0) {
                return false;
            }
        }
        return true;
    }

    /** Text of {@code [from, to)} of {@link #bytes()}, decoded in the file's charset. */
    public String decode(int from, int to) {
        if (ascii(buf, from, to)) {
            return new String(buf, from, to - from, StandardCharsets.ISO_8859_1);
        }
        return new String(buf, from, to - from, layout == Layout.UTF8 ? StandardCharsets.UTF_8 : charset);
    }

    /** Whether the file starts with a UTF-8 byte-order mark (skipped; the file is read as UTF-8 whatever its charset). */
    public boolean hadByteOrderMark() {
        return bom;
    }

    /** The charset whose bytes {@link #bytes()} holds: UTF-8 after a BOM or transcoding, else the file's. */
    public Charset byteCharset() {
        return layout == Layout.UTF8 ? StandardCharsets.UTF_8 : charset;
    }

    /** Whether every cell of the record is empty or blank: a blank line, or an empty row as a spreadsheet saves it. */
    private boolean allBlank() {
        for (int i = 0; i < width; i++) {
            if (!isBlank(i)) {
                return false;
            }
        }
        return true;
    }

    private boolean isBlank(int i) {
        for (int k = start[i]; k < end[i]; k++) {
            if (!CellBytes.isSpace(buf[k])) {
                return false;
            }
        }
        return true;
    }

    // ---- the record scanner

    private static final int NEED_MORE = -1;
    private static final int END = -2;

    private boolean nextRecord() throws IOException {
        while (true) {
            int r = scan(pos);
            if (r == END) {
                return false;
            }
            if (r >= 0) {
                pos = r;
                if (badLine > 0) {
                    throw CsvSource.undecodable(name, badLine, charset, setting);
                }
                return true;
            }
            fill();
        }
    }

    /** Moves the unread bytes to the front of the buffer (growing it when one record fills it) and reads more. */
    private void fill() throws IOException {
        if (eof) {
            return;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        if (limit == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        ByteBuffer bb = ByteBuffer.wrap(buf, limit, buf.length - limit);
        while (bb.hasRemaining()) {
            int n = channel.read(bb);
            if (n < 0) {
                eof = true;
                break;
            }
        }
        int got = bb.position() - limit;
        if (digest != null) {
            // in 64 KiB slices: the digest's compression loop gets compiled (to SHA instructions) after the first few
            for (int k = 0; k < got; k += 1 << 16) {
                digest.update(buf, limit + k, Math.min(1 << 16, got - k));
            }
        }
        limit = bb.position();
    }

    /**
     * Scans one record starting at {@code p}: the index after it, {@link #NEED_MORE} when the buffer ends inside it
     * (and more bytes may come), {@link #END} at the end of the input. Counts lines into {@link #line} only on success.
     */
    private int scan(int p) {
        if (p >= limit) {
            return eof ? END : NEED_MORE;
        }
        long ln = line;
        scanBad = badLine;
        int w = 0;
        int i = p;
        final byte[] b = buf;
        final byte d = delimiter;
        while (true) {
            int s = i;
            int e = -1;
            boolean cx = false;
            cellControl = false;
            if (i < limit && b[i] == '"') {
                i++;
                s = i;
                while (true) {
                    if (i >= limit) {
                        if (eof) {
                            throw InputRejectedException.of(new Problem(
                                    name,
                                    ln,
                                    "",
                                    "cannot parse CSV: quoted cell not closed before the end of the file"));
                        }
                        return NEED_MORE;
                    }
                    byte c = b[i];
                    if (c == '"') {
                        if (i + 1 >= limit && !eof) {
                            return NEED_MORE;
                        }
                        if (i + 1 < limit && b[i + 1] == '"') {
                            cx = true;
                            i += 2;
                            continue;
                        }
                        break;
                    }
                    if (c == '\n') {
                        ln++;
                    }
                    if ((c >= 0 && c < 0x20 && c != '\t') || c == 0x7F) {
                        cellControl = true;
                    }
                    int n = c < 0 ? step(i, ln) : 1;
                    if (n == 0) {
                        return NEED_MORE;
                    }
                    i += n;
                }
                e = i; // a plain quoted cell ends before its closing quote
                i++;
                if (i < limit && b[i] != d && b[i] != '\n' && b[i] != '\r') {
                    cx = true; // text after the closing quote is kept, as lenient parsers do
                }
                if (cx) {
                    s--; // the cell is rewritten from its raw bytes, opening quote included
                }
            }
            while (i < limit) {
                byte c = b[i];
                if (c == d) {
                    break;
                }
                if (c < 0x20 || c == 0x7F) { // line ends, other controls, and (negative) bytes of multi-byte characters
                    if (c == '\n' || c == '\r') {
                        break;
                    }
                    if (c < 0) {
                        int n = step(i, ln);
                        if (n == 0) {
                            return NEED_MORE;
                        }
                        i += n;
                        continue;
                    }
                    cellControl |= c != '\t';
                }
                i++;
            }
            if (i >= limit && !eof) {
                return NEED_MORE;
            }
            if (e < 0 || cx) {
                e = i; // unquoted, or rewritten from the raw bytes up to the delimiter
            }
            if (w == start.length) {
                start = Arrays.copyOf(start, w * 2);
                end = Arrays.copyOf(end, w * 2);
                complex = Arrays.copyOf(complex, w * 2);
                control = Arrays.copyOf(control, w * 2);
            }
            start[w] = s;
            end[w] = e;
            complex[w] = cx;
            control[w] = cellControl;
            w++;
            if (i < limit && b[i] == d) {
                i++;
                continue;
            }
            if (i < limit && b[i] == '\r') {
                if (i + 1 >= limit && !eof) {
                    return NEED_MORE;
                }
                i++;
                if (i < limit && b[i] == '\n') {
                    i++;
                }
                ln++;
            } else if (i < limit && b[i] == '\n') {
                i++;
                ln++;
            }
            break;
        }
        width = w;
        recordLine = line;
        line = ln;
        badLine = scanBad;
        for (int k = 0; k < w; k++) {
            if (complex[k]) {
                unescape(k);
            }
        }
        return i;
    }

    /** The first line with invalid bytes seen by the scan in progress (committed with the record). */
    private long scanBad;

    /**
     * How far to step over the multi-byte character at {@code i} on line {@code ln}: its length, 0 when the buffer ends
     * inside it and more may come, 1 over an invalid byte (whose line is noted for the error).
     */
    private int step(int i, long ln) {
        int n = sequence(i);
        if (n < 0) {
            if (scanBad == 0) {
                scanBad = ln;
            }
            return 1;
        }
        return n;
    }

    /**
     * Length of the multi-byte character at {@code i} (its first byte is &gt;= 0x80): 0 when the buffer ends inside it
     * and more may come, -1 when the bytes are not valid in the file's charset.
     */
    private int sequence(int i) {
        byte[] b = buf;
        int c = b[i] & 0xff;
        if (layout == Layout.GB) {
            if (c == 0x80 || c == 0xFF) {
                return -1;
            }
            if (i + 1 >= limit) {
                return eof ? -1 : 0;
            }
            int c2 = b[i + 1] & 0xff;
            if (c2 >= 0x30 && c2 <= 0x39) {
                if (!fourByteGb) {
                    return -1;
                }
                if (i + 3 >= limit) {
                    return eof ? -1 : 0;
                }
                int c3 = b[i + 2] & 0xff;
                int c4 = b[i + 3] & 0xff;
                // four-byte forms exist for BMP code points (first byte 0x81-0x84) and supplementary ones (0x90-0xE3)
                boolean lead = (c >= 0x81 && c <= 0x84) || (c >= 0x90 && c <= 0xE3);
                if (!lead || c3 < 0x81 || c3 > 0xFE || c4 < 0x30 || c4 > 0x39) {
                    return -1;
                }
                // U+0080..U+009F (C1 controls) are the first 32 four-byte codes: 81 30 81 30 .. 81 30 84 31
                if (c == 0x81 && c2 == 0x30 && (c3 - 0x81) * 10 + (c4 - 0x30) < 32) {
                    cellControl = true;
                }
                return 4;
            }
            return (c2 >= 0x40 && c2 <= 0x7E) || (c2 >= 0x80 && c2 <= 0xFE) ? 2 : -1;
        }
        int n;
        int min;
        if (c >= 0xC2 && c <= 0xDF) {
            n = 2;
            min = 0x80;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 3;
            min = 0x800;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 4;
            min = 0x10000;
        } else {
            return -1;
        }
        if (i + n > limit) {
            return eof ? -1 : 0;
        }
        int cp = c & (0x7F >> n);
        for (int k = 1; k < n; k++) {
            int cc = b[i + k] & 0xff;
            if ((cc & 0xC0) != 0x80) {
                return -1;
            }
            cp = (cp << 6) | (cc & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) || (replacementIsBad && cp == 0xFFFD)) {
            return -1;
        }
        if (cp <= 0x9F) {
            cellControl = true; // a C1 control
        }
        return n;
    }

    /** Rewrites a cell with doubled quotes or text after its closing quote, in place: the result is never longer. */
    private void unescape(int k) {
        byte[] b = buf;
        int r = start[k];
        int w = r;
        int e = end[k];
        boolean quoted = false;
        while (r < e) {
            byte c = b[r];
            if (c == '"') {
                if (quoted && r + 1 < e && b[r + 1] == '"') {
                    b[w++] = '"';
                    r += 2;
                    continue;
                }
                quoted = !quoted;
                r++;
                continue;
            }
            b[w++] = c;
            r++;
        }
        end[k] = w;
    }

    @Override
    public void close() {
        try {
            channel.close(); // a UTF-8 copy is deleted with it
        } catch (IOException ignored) {
            // only read
        }
    }
}
