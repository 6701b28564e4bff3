package io.chanops.ledger.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * What a command writes to a file, as far as the file's first bytes tell: an existing file is replaced only when it
 * holds the same kind of content (an earlier copy of the same report, yesterday's export of the same listing), or
 * nothing. A report written over a moves file, a BOSS export or a finance workbook would destroy it; that is refused
 * before anything is written ({@link OutputFile#requireReplaceable}).
 */
public interface OutputKind {
    /**
     * The SQLite {@code application_id} (header bytes 68-71) that marks a backup {@code ledger backup} wrote ("chop"),
     * so that the next backup of that name may replace it even after someone opened it as a ledger. A ledger in use
     * has none: {@code ledger restore} clears it.
     */
    int SQLITE_BACKUP_MARK = 0x63686F70;

    /** Whether {@code head}, the first bytes of the existing {@code file}, are of this kind. */
    boolean matches(byte[] head, Path file) throws IOException;

    /** The content in words, for the refusal: "CSV with the header 'site_id,sku,...'". */
    String describe();

    /**
     * Whether the columns an existing file has are the columns a command writes: the same, or one list the other
     * extended at its end (the report of an earlier or later chanops, which added a column), at least two in common.
     */
    static boolean sameColumns(List<String> existing, List<String> written) {
        int common = Math.min(existing.size(), written.size());
        return existing.equals(written)
                || common >= 2 && existing.subList(0, common).equals(written.subList(0, common));
    }

    /** A CSV file whose header row is {@code header} (a UTF-8 BOM before it is allowed). */
    static OutputKind csv(List<String> header) {
        return new Csv(List.copyOf(header));
    }

    /** A text table of {@code columns}: its first line names them, or (cut to a width) some of them in order. */
    static OutputKind table(List<String> columns) {
        return new Table(List.copyOf(columns));
    }

    /** An xlsx workbook whose first sheet is named {@code firstSheet}. */
    static OutputKind workbook(String firstSheet) {
        return new Xlsx(firstSheet);
    }

    /**
     * An SQLite database file that is an earlier backup: marked as one ({@link #SQLITE_BACKUP_MARK}), or (a backup of an
     * earlier chanops) in rollback-journal mode without a {@code -wal} file beside it. A database in WAL mode without
     * the mark is a ledger in use (another directory's, another city's) and is not replaced.
     */
    static OutputKind sqliteDatabase() {
        return new SqliteDatabase();
    }

    /** CSV with a given header. */
    record Csv(List<String> header) implements OutputKind {
        @Override
        public boolean matches(byte[] head, Path file) throws IOException {
            String line = FileHead.firstLine(head);
            if (line == null) {
                return false;
            }
            List<CSVRecord> records =
                    CSVFormat.RFC4180.parse(new StringReader(line)).getRecords();
            if (records.size() != 1) {
                return false;
            }
            List<String> cells = new ArrayList<>();
            records.get(0).forEach(cells::add);
            return sameColumns(cells, header);
        }

        @Override
        public String describe() {
            return "CSV with the header '" + FileHead.shortened(String.join(",", header)) + "'";
        }
    }

    /** A text table. */
    record Table(List<String> columns) implements OutputKind {
        @Override
        public boolean matches(byte[] head, Path file) {
            String line = FileHead.firstLine(head);
            if (line == null || line.isBlank()) {
                return false;
            }
            int next = 0;
            for (String name : line.strip().split("\\s+")) {
                int at = columns.subList(next, columns.size()).indexOf(name);
                if (at < 0) {
                    return false;
                }
                next += at + 1;
            }
            return true;
        }

        @Override
        public String describe() {
            return "a table of '" + FileHead.shortened(String.join(" ", columns)) + "'";
        }
    }

    /** An xlsx workbook. */
    record Xlsx(String firstSheet) implements OutputKind {
        @Override
        public boolean matches(byte[] head, Path file) throws IOException {
            if (!FileHead.isZip(head)) {
                return false;
            }
            try (ZipFile zip = new ZipFile(file.toFile())) {
                var entry = zip.getEntry("xl/workbook.xml");
                if (entry == null) {
                    return false;
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    String xml = new String(in.readNBytes(FileHead.BYTES), StandardCharsets.UTF_8);
                    return firstSheet.equals(FileHead.firstSheetName(xml));
                }
            }
        }

        @Override
        public String describe() {
            return "a workbook whose first sheet is '" + firstSheet + "'";
        }
    }

    /** An SQLite database that is not a ledger in use. */
    record SqliteDatabase() implements OutputKind {
        @Override
        public boolean matches(byte[] head, Path file) {
            return FileHead.isSqlite(head)
                    && (FileHead.applicationId(head) == SQLITE_BACKUP_MARK || !FileHead.isSqliteInWalMode(head, file));
        }

        @Override
        public String describe() {
            return "a backup, an SQLite database not in use as a ledger";
        }
    }
}
