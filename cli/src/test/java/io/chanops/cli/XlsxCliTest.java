package io.chanops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.cli.replenish.XlsxParts;
import io.chanops.ledger.testing.TestLedgers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code --format xlsx --out FILE} through the real command line (issue 15, item 5). */
class XlsxCliTest extends OnLedger {
    @BeforeEach
    void setUp() throws IOException {
        Path sites = Files.writeString(dir.resolve("sites.csv"), """
                site_id,name,kind,city,warehouse,channel,lat,lon,opens,closes
                0755,深圳仓,warehouse,深圳,,,22.5,114.05,06:00,22:00
                0755-01,福田营业厅,store,深圳,0755,hall,22.54,114.06,09:00,21:00
                """);
        CliHarness.Result r = cli.run("site", "import", sites.toString());
        assertThat(r.code()).as(r.toString()).isZero();
    }

    @Test
    void siteListAsXlsxKeepsLeadingZerosAndTypesNumbers() throws IOException {
        Path out = dir.resolve("sites.xlsx");
        CliHarness.Result r = cli.run("site", "list", "--format", "xlsx", "--out", out.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("wrote 2 rows to " + out);
        try (ReadableWorkbook wb = new ReadableWorkbook(out.toFile())) {
            List<Row> rows = wb.getFirstSheet().read();
            assertThat(rows).hasSize(3);
            assertThat(rows.get(0).getCell(0).asString()).isEqualTo("site_id");
            assertThat(rows.get(0).getCell(6).asString()).isEqualTo("lat");
            Row store = rows.stream()
                    .filter(row -> "0755-01".equals(row.getCell(0).asString()))
                    .findFirst()
                    .orElseThrow();
            assertThat(store.getCell(1).asString()).isEqualTo("福田营业厅");
            assertThat(store.getCell(4).getType()).isEqualTo(CellType.STRING);
            assertThat(store.getCell(4).asString()).isEqualTo("0755");
            assertThat(store.getCell(6).getType()).isEqualTo(CellType.NUMBER);
            assertThat(store.getCell(6).asNumber()).isEqualByComparingTo("22.54");
        }
        assertThat(TestLedgers.fileNames(dir)).noneMatch(n -> n.endsWith(".tmp"));
    }

    @Test
    void reconcileRunWithAnXlsxOutWritesOneWorkbookWithASheetPerReport() throws IOException {
        CliHarness sampled =
                new CliHarness(Files.createDirectories(dir.resolve("recon"))).importSample("site", "sites.csv");
        Path out = dir.resolve("reconcile.xlsx");
        CliHarness.Result r = sampled.run(CliHarness.sampleReconcileArgs("2026-02", out));
        assertThat(r.code()).as(r.toString()).isEqualTo(3);
        assertThat(r.out()).contains("reports in " + out);
        // phone numbers unmasked: readable by the owner only, as the CSV reports
        assertThat(Files.getPosixFilePermissions(out))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        try (ReadableWorkbook wb = new ReadableWorkbook(out.toFile())) {
            assertThat(wb.getSheets().map(Sheet::getName)).containsExactly("summary", "discrepancies", "matched");
            List<Row> summary = wb.findSheet("summary").orElseThrow().read();
            assertThat(summary.get(0).getCell(0).asString()).isEqualTo("category");
            assertThat(summary.get(1).getCell(0).asString()).isEqualTo("MATCHED");
            assertThat(summary.get(1).getCell(1).getType()).isEqualTo(CellType.NUMBER);
            assertThat(summary.get(1).getCell(1).asNumber()).isEqualByComparingTo("296");
            assertThat(summary.get(1).getCell(2).asNumber()).isEqualByComparingTo("400311.00");
            List<Row> discrepancies =
                    wb.findSheet("discrepancies").orElseThrow().read();
            assertThat(discrepancies.get(0).getCell(10).asString()).isEqualTo("site_id");
            assertThat(discrepancies).hasSize(22);
            List<Row> matched = wb.findSheet("matched").orElseThrow().read();
            assertThat(matched).hasSize(297);
            Row first = matched.get(1);
            // ids and phone numbers are text; quantities and amounts numbers
            assertThat(first.getCell(0).getType()).isEqualTo(CellType.STRING);
            assertThat(first.getCell(5).getType()).isEqualTo(CellType.STRING);
            assertThat(first.getCell(5).asString()).matches("1[0-9]{10}");
            assertThat(first.getCell(7).getType()).isEqualTo(CellType.NUMBER);
            assertThat(first.getCell(8).getType()).isEqualTo(CellType.NUMBER);
        }
        // the amount cells carry the two-decimal format, and the header is frozen with an autofilter
        String styles = XlsxParts.entry(out, "xl/styles.xml");
        assertThat(styles).contains("formatCode=\"0.00\"");
        String sheet = XlsxParts.entry(out, "xl/worksheets/sheet3.xml");
        assertThat(sheet).contains("state=\"frozen\"").contains("<autoFilter ");
    }

    @Test
    void xlsxWithoutOutIsAUsageError() {
        CliHarness.Result r = cli.run("site", "list", "--format", "xlsx");
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("--format xlsx needs --out FILE");
    }
}
