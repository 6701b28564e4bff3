package io.chanops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.ledger.testing.TestLedgers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * An --out file named .xlsx, .json or .csv is written in that format unless --format is typed, and refused (exit 2,
 * nothing written) when the typed --format says another: CSV text in a file named .xlsx is a file Excel will not open.
 */
class OutputFormatByNameCliTest extends OnSampleLedger {
    @Test
    void theNameOfTheOutFileChoosesTheFormat() throws Exception {
        Path xlsx = dir.resolve("sites.xlsx");
        assertThat(cli.run("site", "list", "--out", xlsx.toString()).code()).isZero();
        assertThat(Files.readAllBytes(xlsx)).startsWith('P', 'K'); // a zip: the workbook

        Path json = dir.resolve("Sites.JSON");
        assertThat(cli.run("site", "list", "--out", json.toString()).code()).isZero();
        assertThat(Files.readString(json, StandardCharsets.UTF_8))
                .startsWith("[")
                .contains("\"site_id\" : \"GZ-WH\"");

        Path csv = dir.resolve("sites.csv");
        assertThat(cli.run("site", "list", "--out", csv.toString()).code()).isZero();
        assertThat(Files.readString(csv, StandardCharsets.UTF_8)).startsWith("site_id,name,kind");

        Path other = dir.resolve("sites.txt"); // a name that says nothing: CSV, as without --out on a pipe
        assertThat(cli.run("site", "list", "--out", other.toString()).code()).isZero();
        assertThat(Files.readString(other, StandardCharsets.UTF_8)).startsWith("site_id,name,kind");
    }

    /**
     * A CSV file of Chinese text without a BOM gets a note that Excel shows it garbled and how to add one; with --bom,
     * or text all ASCII, or -q, there is none.
     */
    @Test
    void aCsvFileOfChineseTextWithoutABomGetsANoteForExcel() throws Exception {
        Path csv = dir.resolve("sites.csv");
        CliHarness.Result plain = cli.run("site", "list", "--out", csv.toString());
        assertThat(plain.err())
                .contains("note: " + csv + " holds Chinese (non-ASCII) text and no BOM, which Excel shows garbled: add"
                        + " --bom (or bom=true in chanops.properties) for a file to open in Excel");
        assertThat(cli.run("site", "list", "--out", csv.toString(), "--bom").err())
                .doesNotContain("no BOM");
        assertThat(cli.run("site", "list", "--out", csv.toString(), "-q").err()).isEmpty();
        Path ascii = dir.resolve("orders.csv");
        assertThat(cli.run("replenish", "orders", "--out", ascii.toString()).err())
                .doesNotContain("no BOM");
    }

    @Test
    void aTypedFormatThatContradictsTheNameIsRefusedAndNothingIsWritten() {
        Path xlsx = dir.resolve("sites.xlsx");
        CliHarness.Result r = cli.run("site", "list", "--format", "csv", "--out", xlsx.toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err())
                .contains("--out " + xlsx + " is named as a workbook but --format csv writes CSV: give --format xlsx");
        assertThat(xlsx).doesNotExist();

        assertThat(cli.run("site", "list", "--format", "xlsx", "--out", xlsx.toString())
                        .code())
                .isZero();
        assertThat(cli.run(
                                "site",
                                "list",
                                "--format",
                                "table",
                                "--out",
                                dir.resolve("t.txt").toString())
                        .code())
                .isZero();
    }

    @Test
    void theNameOverridesAFormatDefaultedInTheConfigFile() throws Exception {
        Path config = Files.writeString(dir.resolve("chanops.properties"), "format=json\n");
        Path csv = dir.resolve("sites.csv");
        CliHarness.Result r = cli.run("--config", config.toString(), "site", "list", "--out", csv.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(Files.readString(csv, StandardCharsets.UTF_8)).startsWith("site_id,name,kind");
        Path unnamed = dir.resolve("sites.out");
        assertThat(cli.run("--config", config.toString(), "site", "list", "--out", unnamed.toString())
                        .code())
                .isZero();
        assertThat(Files.readString(unnamed, StandardCharsets.UTF_8)).startsWith("[");
    }

    @Test
    void aCommissionDetailFileIsWrittenAsItsNameSays() throws Exception {
        Path detail = dir.resolve("detail.xlsx");
        Path summary = dir.resolve("summary.csv");
        CliHarness.Result r = cli.run(
                "commission",
                "report",
                "--month",
                "2026-02",
                "--rules",
                TestLedgers.sample("commission-rules.csv").toString(),
                "--out",
                summary.toString(),
                "--detail",
                detail.toString());
        assertThat(r.code()).as(r.toString()).isIn(0, 3);
        assertThat(Files.readAllBytes(detail)).startsWith('P', 'K');
        assertThat(Files.readString(summary, StandardCharsets.UTF_8)).contains(",");
    }
}
