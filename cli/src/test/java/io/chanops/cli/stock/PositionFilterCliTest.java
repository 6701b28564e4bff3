package io.chanops.cli.stock;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.cli.CliHarness;
import io.chanops.cli.OnLedger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --site} and {@code --sku} of the commands over positions: a site or SKU the ledger does not know is refused
 * (exit 4, naming the option), where it used to list nothing; a known one limits the output to it. Store ST-1 and
 * ST-2 hold PHONE and CASE, each with a policy.
 */
class PositionFilterCliTest extends OnLedger {
    @BeforeEach
    void setUp() {
        cli.importRows(
                "site",
                "WH,Warehouse,warehouse,GZ,,,23.1,113.4,06:00,22:00",
                "ST-1,Store 1,store,GZ,WH,hall,23.2,113.3,09:00,21:00",
                "ST-2,Store 2,store,GZ,WH,hall,23.3,113.2,09:00,21:00");
        cli.importRows(
                "catalog",
                "PHONE,handset,Phone,Brand,1999.00,listed,hall|partner,,",
                "CASE,accessory,Case,Brand,19.00,listed,hall|partner,,");
        cli.importRows(
                "stock",
                "2026-02-23 08:00,ST-1,PHONE,count,3,INV-1",
                "2026-02-23 08:00,ST-1,CASE,count,9,INV-1",
                "2026-02-23 08:00,ST-2,PHONE,count,1,INV-1",
                "2026-02-23 08:00,ST-2,CASE,count,9,INV-1");
        cli.importRows(
                "policy",
                "ST-1,PHONE,7,5,12,2,false",
                "ST-1,CASE,7,5,12,2,false",
                "ST-2,PHONE,7,5,12,2,false",
                "ST-2,CASE,7,5,12,2,false");
        cli.at("2026-03-02 09:30");
    }

    /** The command, with what it needs besides the filter. */
    private static List<String> command(String name) {
        return switch (name) {
            case "stock show", "policy list", "replenish orders" -> List.of(name.split(" "));
            case "policy tune" -> List.of("policy", "tune", "--dry-run");
            case "policy simulate" ->
                List.of("policy", "simulate", "--from", "2026-02-24", "--to", "2026-03-01", "--by", "position");
            default -> throw new IllegalArgumentException(name);
        };
    }

    private CliHarness.Result run(String name, String... filter) {
        List<String> args = new ArrayList<>(command(name));
        args.addAll(List.of(filter));
        args.addAll(List.of("--format", "csv"));
        return cli.run(args);
    }

    @ParameterizedTest
    @ValueSource(strings = {"stock show", "policy list", "policy tune", "policy simulate", "replenish orders"})
    void anUnknownSiteOrSkuIsRefusedNamingTheOption(String name) {
        CliHarness.Result r = run(name, "--site", "ST-9", "--sku", "PHONE");
        assertThat(r.code()).as(r.toString()).isEqualTo(4);
        assertThat(r.err())
                .contains("error: " + name + ": --site: unknown site 'ST-9' ('chanops site list' shows the sites)")
                .doesNotContain("--sku:");
        assertThat(r.out()).isEmpty();

        r = run(name, "--site", "ST-1", "--sku", "PHONEE");
        assertThat(r.code()).as(r.toString()).isEqualTo(4);
        assertThat(r.err()).contains("error: " + name + ": --sku: unknown SKU 'PHONEE' (did you mean 'PHONE'?)");

        r = run(name, "--sku", "BAG");
        assertThat(r.code()).as(r.toString()).isEqualTo(4);
        assertThat(r.err())
                .contains("error: " + name + ": --sku: unknown SKU 'BAG' ('chanops catalog list' shows the products)");
    }

    /** The policy commands run over stores: a warehouse is refused, where they would list, tune or simulate nothing. */
    @ParameterizedTest
    @ValueSource(strings = {"policy list", "policy tune", "policy simulate"})
    void aWarehouseIsRefusedByThePolicyCommands(String name) {
        CliHarness.Result r = run(name, "--site", "WH");
        assertThat(r.code()).as(r.toString()).isEqualTo(4);
        assertThat(r.err())
                .contains("error: " + name + ": --site: 'WH' is a warehouse; policies apply to stores (a warehouse's"
                        + " stock is shared out by 'chanops replenish rebalance')");
        assertThat(r.out()).isEmpty();
        assertThat(run("stock show", "--site", "WH").code())
                .as("a warehouse's stock is listed")
                .isZero();
    }

    /** The store summary refuses a warehouse, naming where its stock is; explain says why a warehouse has no policy. */
    @Test
    void aWarehouseIsRefusedByTheStoreSummaryAndExplainedAsHavingNoPolicy() {
        CliHarness.Result summary = cli.run("stock", "summary", "--site", "WH");
        assertThat(summary.code()).as(summary.toString()).isEqualTo(4);
        assertThat(summary.err())
                .contains("error: stock summary: --site: 'WH' is a warehouse; the summary is of stores (a warehouse's"
                        + " stock: stock show --site WH)");
        CliHarness.Result explain = cli.run("replenish", "explain", "--site", "WH", "--sku", "PHONE");
        assertThat(explain.out())
                .contains("none: the check ignores this position ('WH' is a warehouse; policies apply to stores");
        CliHarness.Result exclusive =
                cli.run("policy", "set", "--site", "ST-1", "--sku", "PHONE", "--lock", "--unlock");
        assertThat(exclusive.err()).as("one prefix").startsWith("error: --lock, --unlock are mutually exclusive");
    }

    /** A site typed in another case, or a slip away from one known site, is named; one as close to two is not. */
    @Test
    void aMistypedSiteNamesTheOneItMostLikelyMeant() {
        assertThat(run("stock show", "--site", "st-1").err()).contains("unknown site 'st-1' (did you mean 'ST-1'?)");
        assertThat(run("stock show", "--site", "ST1").err()).contains("unknown site 'ST1' (did you mean 'ST-1'?)");
        assertThat(run("stock show", "--site", "ST-3").err())
                .contains("unknown site 'ST-3' ('chanops site list' shows the sites)");
    }

    @Test
    void aMovesFileWithAMistypedSiteOrSkuNamesTheOnesMeant() throws Exception {
        Path moves = Files.writeString(
                dir.resolve("typos.csv"),
                "at,site_id,sku,kind,qty,ref\n2026-03-01 10:00,st-2,PHONE,sale,1,\n2026-03-01 10:00,ST-2,PHOEN,sale,1,\n");
        CliHarness.Result r = cli.run("stock", "import", moves.toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(4);
        assertThat(r.err())
                .contains("typos.csv:2: site_id: unknown site 'st-2' (did you mean 'ST-2'?)")
                .contains("typos.csv:3: sku: unknown SKU 'PHOEN' (did you mean 'PHONE'?)");
    }

    /** Ids of digits a spreadsheet took for numbers lose their leading zeros: the padded ids are named. */
    @Test
    void aMovesFileWhoseIdsLostTheirLeadingZerosNamesThePaddedOnes() throws Exception {
        cli.importRows("site", "0101,Store 101,store,GZ,WH,hall,23.2,113.3,09:00,21:00");
        cli.importRows("catalog", "00012345,handset,Phone 2,Brand,999.00,listed,hall,,");
        Path moves = Files.writeString(
                dir.resolve("opened-in-a-spreadsheet.csv"),
                "at,site_id,sku,kind,qty,ref\n2026-03-01 10:00,101,12345,receipt,1,R-1\n");
        CliHarness.Result r = cli.run("stock", "import", moves.toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(4);
        String why = "? its leading zeros are missing, as when a spreadsheet takes an id for a number)";
        assertThat(r.err())
                .contains("opened-in-a-spreadsheet.csv:2: site_id: unknown site '101' (did you mean '0101'" + why)
                .contains("opened-in-a-spreadsheet.csv:2: sku: unknown SKU '12345' (did you mean '00012345'" + why);
    }

    @ParameterizedTest
    @ValueSource(strings = {"stock show", "policy list", "policy tune", "policy simulate"})
    void aKnownSiteLimitsTheOutputToIt(String name) {
        CliHarness.Result r = run(name, "--site", "ST-2", "--sku", "PHONE");
        assertThat(r.code()).as(r.toString()).isIn(0, 3);
        assertThat(r.out()).contains("ST-2").doesNotContain("ST-1").doesNotContain("CASE");
    }

    @Test
    void stockSummaryRefusesAnUnknownSite() {
        CliHarness.Result r = cli.run("stock", "summary", "--site", "ST-9");
        assertThat(r.code()).as(r.toString()).isEqualTo(4);
        assertThat(r.err()).contains("error: stock summary: --site: unknown site 'ST-9'");
        assertThat(cli.run("stock", "summary", "--site", "ST-2", "--format", "csv")
                        .out())
                .contains("ST-2")
                .doesNotContain("ST-1");
    }
}
