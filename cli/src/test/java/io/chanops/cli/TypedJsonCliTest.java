package io.chanops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.ledger.testing.TestLedgers;
import org.junit.jupiter.api.Test;

/** JSON values are typed: numbers and booleans unquoted, amounts with two decimals, ids as text (issue 15, item 4e). */
class TypedJsonCliTest extends OnSampleLedger {
    @Test
    void policyListHasBooleanAndNumberValues() {
        CliHarness.Result imported =
                cli.run("policy", "import", TestLedgers.sample("policies.csv").toString());
        assertThat(imported.code()).as(imported.toString()).isZero();
        CliHarness.Result r =
                cli.run("policy", "list", "--site", "GZ-SS-01", "--sku", "SIM-DATA-30", "--format", "json");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out())
                .contains("\"site_id\" : \"GZ-SS-01\"")
                .contains("\"t_days\" : 7")
                .contains("\"R\" : 10")
                .contains("\"locked\" : true")
                .doesNotContain("\"true\"");
    }

    @Test
    void commissionRulesHaveNumericClawbackDays() {
        assertThat(cli.run(
                                "commission",
                                "report",
                                "--month",
                                "2026-02",
                                "--rules",
                                TestLedgers.sample("commission-rules.csv").toString())
                        .code())
                .isZero();
        CliHarness.Result r = cli.run("commission", "rules", "--format", "json");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out())
                .contains("\"rule_id\" : \"HS-BASE\"")
                .contains("\"clawback_days\" : 30")
                .contains("\"rate\" : 1.5")
                .doesNotContain("\"clawback_days\" : \"")
                .doesNotContain("\"rate\" : \"");
        CliHarness.Result history = cli.run("commission", "rules", "--history", "--format", "json");
        assertThat(history.out()).contains("\"active\" : true").contains("\"set_id\" : 1");
    }

    @Test
    void ledgerInfoValuesKeepTheirTypesItemByItem() {
        CliHarness.Result r = cli.run("ledger", "info", "--format", "json");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out())
                .contains("\"value\" : \"Asia/Shanghai\"")
                .containsPattern("\"item\" : \"schema_version\",\\s+\"value\" : [0-9]+\\s")
                .containsPattern("\"item\" : \"rows.site\",\\s+\"value\" : 13\\s");
        // the CSV is as before: text
        assertThat(cli.run("ledger", "info", "--format", "csv").out()).contains("rows.site,13\r\n");
    }

    @Test
    void amountsHaveTwoDecimals() {
        CliHarness.Result r = cli.run("catalog", "list", "--format", "json");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).containsPattern("\"price\" : [0-9]+\\.[0-9]{2},");
    }
}
