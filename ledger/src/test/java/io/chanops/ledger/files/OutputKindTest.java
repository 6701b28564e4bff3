package io.chanops.ledger.files;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link OutputFile#requireReplaceable}: what an existing output file may hold for a command to replace it. */
class OutputKindTest {
    @TempDir
    Path dir;

    private static final OutputKind STOCK = OutputKind.csv(List.of("site_id", "sku", "on_hand"));

    /** Declares {@code target} in a fresh set and requires it replaceable by {@code kind}. */
    private void require(Path target, OutputKind kind) {
        try (OutputSet outputs = new OutputSet(OutputGuard.NONE)) {
            outputs.file(target).requireReplaceable(kind);
        }
    }

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void aMissingOrEmptyTargetIsReplaceableByAnything() throws IOException {
        require(dir.resolve("new.csv"), STOCK);
        require(Files.createFile(dir.resolve("empty.csv")), OutputKind.sqliteDatabase());
    }

    @Test
    void aCsvWithTheSameHeaderIsReplacedWithOrWithoutBomAndCrlf() throws IOException {
        require(file("a.csv", "site_id,sku,on_hand\r\nST-1,P,3\r\n"), STOCK);
        require(file("b.csv", "\uFEFFsite_id,sku,on_hand\nST-1,P,3\n"), STOCK);
        require(file("c.csv", "\"site_id\",sku,on_hand"), STOCK);
    }

    @Test
    void aCsvOfOtherColumnsIsRefusedNamingItsFirstLine() throws IOException {
        Path moves = file("moves.csv", "at,site_id,sku,kind,qty,ref\n2026-03-01 10:00,ST-1,P,sale,1,S-1\n");
        assertThatThrownBy(() -> require(moves, STOCK))
                .isInstanceOf(OutputRefusedException.class)
                .hasMessage(moves + ": already holds other data (its first line is 'at,site_id,sku,kind,qty,ref'),"
                        + " not what this command writes there (CSV with the header 'site_id,sku,on_hand'): refusing"
                        + " to replace it; delete it or give another name");
        // the same report of a chanops that wrote a column less, or one more, at the end is replaced; other orders
        // and lists sharing only a first column are not
        require(file("older.csv", "site_id,sku\nST-1,P\n"), STOCK);
        require(file("newer.csv", "site_id,sku,on_hand,on_order\n"), STOCK);
        assertThatThrownBy(() -> require(file("d.csv", "site_id,on_hand,sku"), STOCK))
                .isInstanceOf(OutputRefusedException.class);
        assertThatThrownBy(() -> require(file("e.csv", "site_id\n"), STOCK)).isInstanceOf(OutputRefusedException.class);
    }

    @Test
    void textThatIsNotUtf8OrBinaryIsRefusedWithoutPrintingIt() throws IOException {
        Path boss = Files.write(dir.resolve("boss.csv"), "订单号,金额\n".getBytes(Charset.forName("GB18030")));
        assertThatThrownBy(() -> require(boss, STOCK))
                .hasMessageContaining("(it holds binary data or text that is not UTF-8, such as a GB18030 export)");
        Path escapes = file("e.csv", "\u001b]0;title\u0007site_id\n");
        assertThatThrownBy(() -> require(escapes, STOCK)).hasMessageContaining("its first line is '?]0;title?site_id'");
    }

    @Test
    void tablesDatabasesAndWorkbooksAreToldApart() throws IOException {
        OutputKind table = OutputKind.table(List.of("site_id", "sku", "name"));
        require(file("t.txt", "site_id  sku  name\n-------  ---  ----\n"), table);
        require(file("cut.txt", "site_id  name\n"), table);
        assertThatThrownBy(() -> require(file("u.txt", "notes\n"), table)).isInstanceOf(OutputRefusedException.class);
        assertThatThrownBy(() -> require(file("v.txt", "sku  site_id\n"), table))
                .isInstanceOf(OutputRefusedException.class);

        Path db = Files.write(dir.resolve("x.db"), "SQLite format 3\0rest".getBytes(StandardCharsets.ISO_8859_1));
        require(db, OutputKind.sqliteDatabase());
        assertThatThrownBy(() -> require(db, STOCK)).hasMessageContaining("(it is an SQLite database)");
        byte[] wal = "SQLite format 3\0rest".getBytes(StandardCharsets.ISO_8859_1);
        wal = Arrays.copyOf(wal, 100);
        wal[18] = 2;
        wal[19] = 2;
        Path live = Files.write(dir.resolve("live.db"), wal);
        assertThatThrownBy(() -> require(live, OutputKind.sqliteDatabase()))
                .as("a ledger in use (WAL mode) is not a backup to replace")
                .hasMessageContaining("(it is an SQLite database in WAL mode, as a ledger in use is)")
                .hasMessageContaining("(a backup, an SQLite database not in use as a ledger)");
        Files.writeString(dir.resolve("x.db-wal"), "frames");
        assertThatThrownBy(() -> require(db, OutputKind.sqliteDatabase()))
                .as("nor one with a -wal file beside it")
                .isInstanceOf(OutputRefusedException.class);
        wal[68] = 0x63;
        wal[69] = 0x68;
        wal[70] = 0x6F;
        wal[71] = 0x70;
        Path opened = Files.write(dir.resolve("opened.db"), wal);
        require(opened, OutputKind.sqliteDatabase()); // a backup someone opened as a ledger: still a backup

        Path ours = workbook("ours.xlsx", "chanops");
        require(ours, OutputKind.workbook("chanops"));
        Path budget = workbook("budget.xlsx", "Budget 2026");
        assertThatThrownBy(() -> require(budget, OutputKind.workbook("chanops")))
                .hasMessageContaining("(it is a zip file or another workbook)")
                .hasMessageContaining("a workbook whose first sheet is 'chanops'");
        assertThatThrownBy(() -> require(db, OutputKind.workbook("chanops")))
                .isInstanceOf(OutputRefusedException.class);
    }

    /** A zip with the workbook part of an xlsx naming {@code sheet} first. */
    private Path workbook(String name, String sheet) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
            zip.write(("<workbook><sheets><sheet name=\"" + sheet + "\" sheetId=\"1\"/><sheet name=\"other\"/>"
                            + "</sheets></workbook>")
                    .getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return file;
    }
}
