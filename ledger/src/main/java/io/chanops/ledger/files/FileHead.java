package io.chanops.ledger.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** The first bytes of an existing file, read as what they most likely are: text, a database, a zip. */
public final class FileHead {
    /** How many bytes of an existing file are read to tell its kind. */
    static final int BYTES = 1 << 16;

    private static final byte[] SQLITE = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    /** How many bytes {@link #isSqlite} needs: SQLite's header string. */
    public static final int SQLITE_HEADER_LENGTH = SQLITE.length;

    private static final int SHOWN = 60;

    private FileHead() {}

    /** The first {@link #BYTES} bytes of {@code file}. */
    static byte[] read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(BYTES);
        }
    }

    /** Whether {@code head}, a file's first bytes, starts as every SQLite database does. */
    public static boolean isSqlite(byte[] head) {
        return head.length >= SQLITE.length && Arrays.equals(head, 0, SQLITE.length, SQLITE, 0, SQLITE.length);
    }

    /**
     * An SQLite database in WAL mode (header bytes 18 and 19 are 2), as a ledger in use is (chanops opens every ledger
     * in WAL mode); or one with a {@code -wal} file beside it. A backup ({@code VACUUM INTO}) is in rollback-journal
     * mode.
     */
    static boolean isSqliteInWalMode(byte[] head, Path file) {
        return isSqlite(head) && (hasWalHeader(head) || Files.exists(file.resolveSibling(file.getFileName() + "-wal")));
    }

    /** SQLite's file format bytes (18, 19) set to 2: a database in WAL mode. */
    private static boolean hasWalHeader(byte[] head) {
        return isSqlite(head) && head.length > 19 && head[18] == 2 && head[19] == 2;
    }

    /** An SQLite database's {@code application_id} (header bytes 68-71, big-endian); 0 when there is none. */
    static int applicationId(byte[] head) {
        if (!isSqlite(head) || head.length < 72) {
            return 0;
        }
        return (head[68] & 0xff) << 24 | (head[69] & 0xff) << 16 | (head[70] & 0xff) << 8 | head[71] & 0xff;
    }

    static boolean isZip(byte[] head) {
        return head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
    }

    /**
     * The first line as UTF-8 text without a BOM or line end; null when the bytes are not UTF-8 text (a NUL byte, or a
     * byte sequence UTF-8 does not have). A first line longer than the bytes read is decoded as far as it goes.
     */
    static String firstLine(byte[] head) {
        int newline = -1;
        for (int i = 0; i < head.length; i++) {
            if (head[i] == 0) {
                return null;
            }
            if (newline < 0 && head[i] == '\n') {
                newline = i;
            }
        }
        String line;
        if (newline < 0 && head.length == BYTES) {
            line = new String(head, StandardCharsets.UTF_8); // cut inside the line: its last character may be cut too
        } else {
            try {
                line = StandardCharsets.UTF_8
                        .newDecoder()
                        .decode(ByteBuffer.wrap(head, 0, newline < 0 ? head.length : newline))
                        .toString();
            } catch (CharacterCodingException e) {
                return null;
            }
        }
        if (line.startsWith("\uFEFF")) {
            line = line.substring(1);
        }
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    /** The name of the first sheet a workbook's {@code xl/workbook.xml} lists; null if none. */
    static String firstSheetName(String workbookXml) {
        int sheet = workbookXml.indexOf("<sheet ");
        int name = sheet < 0 ? -1 : workbookXml.indexOf("name=\"", sheet);
        int end = name < 0 ? -1 : workbookXml.indexOf('"', name + 6);
        return end < 0 ? null : workbookXml.substring(name + 6, end);
    }

    /** What the bytes hold, in a few words, with no character that could move a terminal's cursor. */
    static String describe(byte[] head) {
        if (hasWalHeader(head)) {
            return "it is an SQLite database in WAL mode, as a ledger in use is";
        }
        if (isSqlite(head)) {
            return "it is an SQLite database";
        }
        if (isZip(head)) {
            return "it is a zip file or another workbook";
        }
        String line = firstLine(head);
        if (line == null) {
            return "it holds binary data or text that is not UTF-8, such as a GB18030 export";
        }
        return "its first line is '" + shortened(line) + "'";
    }

    /** {@code text} cut to {@value #SHOWN} characters, control characters shown as '?'. */
    static String shortened(String text) {
        StringBuilder shown = new StringBuilder();
        text.codePoints().limit(SHOWN).forEach(c -> shown.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return text.codePointCount(0, text.length()) > SHOWN ? shown + "…" : shown.toString();
    }
}
