package io.chanops.cli.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An xlsx listing, read back cell by cell with fastexcel's reader. */
class XlsxWriterTest {
    @TempDir
    Path dir;

    private static byte[] write(Listing listing) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        XlsxWriter.write(listing, bytes);
        return bytes.toByteArray();
    }

    private static List<Row> rows(byte[] xlsx) throws IOException {
        try (ReadableWorkbook wb =
                new ReadableWorkbook(new ByteArrayInputStream(xlsx), new ReadingOptions(true, false))) {
            return wb.getFirstSheet().read();
        }
    }

    private String sheetXml(byte[] xlsx) throws IOException {
        Path file = Files.write(dir.resolve("listing.xlsx"), xlsx);
        try (ZipFile zip = new ZipFile(file.toFile());
                InputStream in = zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml"))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void cellsAreTypedByTheirColumn() throws IOException {
        Listing listing = Listing.of("site_id", "msisdn", "qty", "amount", "locked", "clawback_days", "note")
                .type(ColumnType.BOOLEAN, "locked")
                .type(ColumnType.NUMBER, "clawback_days")
                .type(ColumnType.AMOUNT, "amount");
        listing.add("0755", "013800138000", 42L, new BigDecimal("1429901348.5"), "true", "30", "=1+1");
        listing.add("GZ-01", null, 7, new BigDecimal("-3.00"), "false", "-", "天河城营业厅");

        List<Row> rows = rows(write(listing));

        assertThat(rows).hasSize(3);
        Row header = rows.get(0);
        assertThat(header.getCellCount()).isEqualTo(7);
        assertThat(header.getCell(0).getType()).isEqualTo(CellType.STRING);
        assertThat(header.getCell(0).asString()).isEqualTo("site_id");
        assertThat(header.getCell(6).asString()).isEqualTo("note");

        Row first = rows.get(1);
        assertText(first.getCell(0), "0755");
        assertText(first.getCell(1), "013800138000");
        assertThat(first.getCell(2).getType()).isEqualTo(CellType.NUMBER);
        assertThat(first.getCell(2).asNumber()).isEqualByComparingTo("42");
        Cell amount = first.getCell(3);
        assertThat(amount.getType()).isEqualTo(CellType.NUMBER);
        assertThat(amount.asNumber()).isEqualByComparingTo("1429901348.50");
        assertThat(amount.getDataFormatString()).isEqualTo("0.00");
        assertThat(first.getCell(4).getType()).isEqualTo(CellType.BOOLEAN);
        assertThat(first.getCell(4).asBoolean()).isTrue();
        assertThat(first.getCell(5).getType()).isEqualTo(CellType.NUMBER);
        assertThat(first.getCell(5).asNumber()).isEqualByComparingTo("30");
        assertText(first.getCell(6), "=1+1");
        assertThat(first.getCell(6).getFormula()).isNull();

        Row second = rows.get(2);
        assertText(second.getCell(0), "GZ-01");
        assertThat(second.getCell(1) == null || second.getCell(1).getType() == CellType.EMPTY)
                .isTrue();
        assertThat(second.getCell(2).asNumber()).isEqualByComparingTo("7");
        assertThat(second.getCell(3).asNumber()).isEqualByComparingTo("-3");
        assertThat(second.getCell(3).getDataFormatString()).isEqualTo("0.00");
        assertThat(second.getCell(4).asBoolean()).isFalse();
        assertText(second.getCell(5), "-");
        assertText(second.getCell(6), "天河城营业厅");
    }

    @Test
    void headerIsFrozenAndFilteredAndColumnsFitTheirContent() throws IOException {
        Listing listing = Listing.of("id", "name");
        listing.add("1", "a rather long name of a shop in a mall");
        String xml = sheetXml(write(listing));
        assertThat(xml).contains("state=\"frozen\"").contains("ySplit=\"1\"").contains("topLeftCell=\"A2\"");
        assertThat(xml).contains("<autoFilter ref=\"A1:B2\"");
        assertThat(xml).containsPattern("<col min=\"2\" max=\"2\" width=\"4[0-9](\\.0+)?\"");
    }

    private static void assertText(Cell cell, String text) {
        assertThat(cell.getType()).isEqualTo(CellType.STRING);
        assertThat(cell.asString()).isEqualTo(text);
    }
}
