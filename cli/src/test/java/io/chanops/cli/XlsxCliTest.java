package io.chanops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --format xlsx --out FILE} through the real command line (issue 15, item 5). */
class XlsxCliTest {
    @TempDir
    Path dir;

    CliHarness cli;

    @BeforeEach
    void setUp() throws IOException {
        cli = new CliHarness(dir);
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
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void xlsxWithoutOutIsAUsageError() {
        CliHarness.Result r = cli.run("site", "list", "--format", "xlsx");
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("--format xlsx needs --out FILE");
    }
}
