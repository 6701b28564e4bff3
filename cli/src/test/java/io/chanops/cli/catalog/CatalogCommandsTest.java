package io.chanops.cli.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.cli.CliHarness.Result;
import io.chanops.cli.OnLedger;
import io.chanops.ledger.testing.TestLedgers;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogCommandsTest extends OnLedger {
    private static final String HEADER = "sku,type,name,brand,price,status,channels,monthly_fee,months";

    private Path catalog() {
        return TestLedgers.sample("catalog.csv");
    }

    private Result ok(String... args) {
        Result r = cli.run(args);
        assertThat(r.code()).as(r.toString()).isZero();
        return r;
    }

    @Test
    void importPrintsCountsAndADryRunShowsTheDiffAndWritesNothing() {
        Result first = ok("catalog", "import", catalog().toString());
        assertThat(first.out())
                .contains("imported 20 products from catalog.csv (batch 1): 20 created, 0 updated, 0 unchanged");
        Path update = TestLedgers.write(
                dir,
                "update.csv",
                HEADER,
                "HS-IP16-128,handset,iPhone 16 128GB,Apple,5799.00,listed,web|wap|app|hall|partner,,",
                "HS-NEW-1,handset,New Phone,Acme,999.00,draft,,,");
        Result dry = ok("catalog", "import", update.toString(), "--dry-run");
        assertThat(dry.out())
                .contains("updated  HS-IP16-128  line 2: price: 5999.00 -> 5799.00")
                .contains("created  HS-NEW-1     line 3: handset, New Phone, Acme, 999.00, draft")
                .contains("dry run: update.csv: 2 rows; would create 1, update 1, unlist 0; 0 unchanged; nothing "
                        + "written");
        Result list = ok("catalog", "list", "--format", "csv", "--search", "HS-IP16-128");
        assertThat(list.out()).contains("HS-IP16-128,handset,iPhone 16 128GB,Apple,5999.00,");
        assertThat(ok("catalog", "list", "--search", "HS-NEW").out().lines()).hasSize(1);
    }

    /** Imports {@code row} as first.csv; returns typo.csv, holding {@code changed}, for the test to import. */
    private Path importedThenChanged(String row, String changed) {
        ok("catalog", "import", TestLedgers.write(dir, "first.csv", HEADER, row).toString());
        return TestLedgers.write(dir, "typo.csv", HEADER, changed);
    }

    /** A price typed with a digit too many is imported as given, with a warning that names the line and the factor. */
    @Test
    void aPriceTenTimesThePriceBeforeIsImportedWithAWarning() {
        Path typo = importedThenChanged(
                "A1,handset,Phone,,1999.00,listed,web,,", "A1,handset,Phone,,19990.00,listed,web,,");
        Result dry = cli.run("catalog", "import", typo.toString(), "--dry-run");
        Result real = cli.run("catalog", "import", typo.toString());
        assertThat(real.code()).as(real.toString()).isZero();
        String warning = "warning: typo.csv:2: price: A1 1999.00 -> 19990.00, 10 times the price before: check it";
        assertThat(dry.err()).contains(warning);
        assertThat(real.err()).contains(warning);
        assertThat(ok("catalog", "list", "--format", "csv").out()).contains("A1,handset,Phone,,19990.00,");
    }

    /** A contract's monthly fee typed with a digit too many is warned of as a price is. */
    @Test
    void aMonthlyFeeTenTimesTheOneBeforeIsImportedWithAWarning() {
        Path typo = importedThenChanged(
                "CT-1,contract,Plan,,0,listed,hall,129.00,24", "CT-1,contract,Plan,,0,listed,hall,1290.00,24");
        Result real = cli.run("catalog", "import", typo.toString());
        assertThat(real.code()).as(real.toString()).isZero();
        assertThat(real.err())
                .contains("warning: typo.csv:2: monthly_fee: CT-1 129.00 -> 1290.00, 10 times the monthly fee before:"
                        + " check it");
    }

    /**
     * A --sync that would unlist more than half of the listed products is refused (a dry run says so, exit 3), nothing
     * written; --max-unlist N lets it unlist up to N, and refuses more; --max-unlist P% up to P% of the listed ones.
     */
    @Test
    void aSyncThatWouldUnlistMostOfTheCatalogIsRefusedUnlessAllowed() {
        ok("catalog", "import", TestLedgers.sample("catalog.csv").toString());
        String update = TestLedgers.sample("catalog-update.csv").toString();
        String refusal = "error: " + update + ": --sync would unlist 14 of the 19 listed products: is the file the"
                + " whole catalog? (a truncated export, or one kind of product only, takes the rest off sale); if it"
                + " is, --max-unlist 14 lets it";
        Result dry = cli.run("catalog", "import", update, "--sync", "--dry-run");
        assertThat(dry.code()).as(dry.toString()).isEqualTo(3);
        assertThat(dry.err()).contains(refusal);
        Result real = cli.run("catalog", "import", update, "--sync");
        assertThat(real.code()).as(real.toString()).isEqualTo(4);
        assertThat(real.err()).contains(refusal);
        assertThat(ok("catalog", "list", "--status", "listed", "--format", "csv")
                        .out()
                        .lines())
                .hasSize(20);
        Result capped = cli.run("catalog", "import", update, "--sync", "--max-unlist", "13");
        assertThat(capped.code()).isEqualTo(4);
        assertThat(capped.err())
                .contains(update + ": --sync would unlist 14 of the 19 listed products, more than --max-unlist 13");
        // a percentage of the listed products, rounded down: 70% of 19 is 13
        Result cappedShare = cli.run("catalog", "import", update, "--sync", "--max-unlist", "70%");
        assertThat(cappedShare.code()).as(cappedShare.toString()).isEqualTo(4);
        assertThat(cappedShare.err())
                .contains(update + ": --sync would unlist 14 of the 19 listed products, more than --max-unlist 70% (13"
                        + " products)");
        for (String wrong : List.of("-1", "101%", "5 %x", "half")) {
            Result r = cli.run("catalog", "import", update, "--sync", "--max-unlist", wrong);
            assertThat(r.code()).as(wrong).isEqualTo(2);
            assertThat(r.err())
                    .as(wrong)
                    .contains("'" + wrong + "' is not a number of products (like 25) or a percentage of the listed"
                            + " ones from 0% to 100% (like 5%)");
        }
        Result allowed = cli.run("catalog", "import", update, "--sync", "--max-unlist", "74%");
        assertThat(allowed.code()).as(allowed.toString()).isZero();
        assertThat(allowed.out()).contains("14 unlisted (not in the file)");
        assertThat(cli.run("catalog", "import", update, "--max-unlist", "3", "--force")
                        .code())
                .isEqualTo(2);
    }

    @Test
    void aDryRunWithInvalidRowsExitsThreeAndAnImportOfThemFour() {
        Path bad = TestLedgers.write(dir, "bad.csv", HEADER, "A1,handset,Phone,,0,listed,web,,");
        Result dry = cli.run("catalog", "import", bad.toString(), "--dry-run");
        assertThat(dry.code()).isEqualTo(3);
        assertThat(dry.err()).contains("bad.csv:2: price: must be greater than 0 for a handset");
        Result real = cli.run("catalog", "import", bad.toString());
        assertThat(real.code()).isEqualTo(4);
        assertThat(real.err()).contains("bad.csv:2: price:").contains("error: input rejected");
        Path noColumn = TestLedgers.write(dir, "nocol.csv", "sku,type,name", "A1,handset,Phone");
        assertThat(cli.run("catalog", "import", noColumn.toString(), "--dry-run")
                        .code())
                .isEqualTo(3);
        assertThat(ok("catalog", "list", "--format", "csv").out().lines()).hasSize(1);
    }

    @Test
    void skipInvalidExitsThreeAndNamesTheRejectsFile() throws IOException {
        Path f = TestLedgers.write(
                dir, "mixed.csv", HEADER, "A1,handset,Phone,,10.00,listed,web,,", "A2,handset,Phone,,10.00,sold,web,,");
        Result r = cli.run("catalog", "import", f.toString(), "--skip-invalid");
        assertThat(r.code()).as(r.toString()).isEqualTo(3);
        assertThat(r.out())
                .contains("1 created")
                .contains("1 row rejected (1 problem), listed in " + f + ".rejects.csv");
        assertThat(Files.readString(Path.of(f + ".rejects.csv")))
                .contains("3,status,bad_status,\"'sold' is not listed, unlisted or draft\"");
    }

    @Test
    void anExportedCatalogImportsBackUnchangedIncludingFormulaLikeNames() throws IOException {
        Path tricky = TestLedgers.write(
                dir,
                "tricky.csv",
                HEADER,
                "AC-F1,accessory,=SUM(A1:A9),Acme,9.90,listed,web,,",
                "AC-F2,accessory,-5G 手机壳,+Brand,19.00,listed,hall|web,,",
                "AC-F3,accessory,\"@home, \"\"quoted\"\"\",,5.00,draft,,,",
                "CT-F4,contract,合约 99,中国移动,0,listed,app,99.00,12");
        ok("catalog", "import", catalog().toString());
        ok("catalog", "import", tricky.toString());
        Path export = dir.resolve("export.csv");
        ok("catalog", "list", "--format", "csv", "--out", export.toString());
        String text = Files.readString(export);
        assertThat(text)
                .contains("AC-F1,accessory,'=SUM(A1:A9),Acme,9.90,listed,web,,")
                .contains("'-5G 手机壳,'+Brand,");
        Result again = ok("catalog", "import", export.toString());
        assertThat(again.out()).contains("0 created, 0 updated, 24 unchanged");
        Result list = ok("catalog", "list", "--format", "json", "--search", "AC-F1");
        assertThat(list.out()).contains("\"name\" : \"=SUM(A1:A9)\"");
    }

    @Test
    void syncUnlistsWhatTheFileDoesNotNameAndHistoryShowsIt() {
        ok("catalog", "import", catalog().toString());
        Path only = TestLedgers.write(
                dir,
                "only.csv",
                HEADER,
                "HS-IP16-128,handset,iPhone 16 128GB,Apple,5999.00,listed,web|wap|app|hall|partner,,");
        Result r = ok("catalog", "import", only.toString(), "--sync", "--max-unlist", "18", "-v");
        assertThat(r.out())
                .contains("0 created, 0 updated, 1 unchanged, 18 unlisted (not in the file)")
                .contains("unlisted HS-IP16P-256");
        Result history = ok("catalog", "history", "HS-IP16P-256", "--format", "csv");
        assertThat(history.out())
                .contains("2026-03-02 09:30:00,2,only.csv," + System.getProperty("user.name")
                        + ",HS-IP16P-256,unlisted,status,listed,unlisted");
        Result byBatch = ok("catalog", "history", "--batch", "2", "--format", "csv");
        assertThat(byBatch.out().lines().skip(1))
                .hasSize(18)
                .allMatch(l -> l.contains(",unlisted,status,listed,unlisted"));
        assertThat(cli.run("catalog", "history").code()).isEqualTo(2);
        assertThat(ok("catalog", "list", "--status", "listed", "--format", "csv")
                        .out()
                        .lines())
                .hasSize(2);
        assertThat(cli.run("catalog", "history", "NOPE").code()).isEqualTo(4);
        assertThat(cli.run("catalog", "history", "hs-ip16p-256").err())
                .contains("no product hs-ip16p-256 in the catalog (did you mean 'HS-IP16P-256'?)");
        // a batch that is not there, or not a catalog import, is refused rather than shown as changing nothing
        Result missing = cli.run("catalog", "history", "--batch", "99");
        assertThat(missing.code()).isEqualTo(4);
        assertThat(missing.err()).startsWith("error: catalog history: --batch 99: no import batch 99 (");
        cli.importRows("site", "WH,Warehouse,warehouse,GZ,,,23.1,113.4,06:00,22:00");
        assertThat(cli.run("catalog", "history", "--batch", "3").err())
                .startsWith("error: catalog history: --batch 3: batch 3 imported sites.csv (sites), not a catalog");
    }

    @Test
    void listFiltersByTypeStatusChannelAndBrand() {
        ok("catalog", "import", catalog().toString());
        assertThat(ok("catalog", "list", "--type", "contract", "--format", "csv")
                        .out()
                        .lines())
                .hasSize(4);
        assertThat(ok("catalog", "list", "--channel", "partner", "--type", "accessory", "--format", "csv")
                        .out()
                        .lines()
                        .skip(1))
                .allMatch(l -> l.contains("partner"))
                .hasSize(3);
        assertThat(ok("catalog", "list", "--brand", "apple", "--format", "csv")
                        .out()
                        .lines())
                .hasSize(5);
        assertThat(ok("catalog", "list", "--status", "unlisted", "--format", "csv")
                        .out())
                .contains("SIM-IOT");
        assertThat(cli.run("catalog", "list", "--channel", "tmall").code()).isEqualTo(2);
        // a brand no product has is refused, not listed as none; one of the catalog's brands with no match is empty
        Result typo = cli.run("catalog", "list", "--brand", "Appel");
        assertThat(typo.code()).isEqualTo(4);
        assertThat(typo.err())
                .startsWith("error: catalog list: --brand: no product has the brand 'Appel' (did you mean 'Apple'?)");
        assertThat(cli.run("catalog", "list", "--brand", "Nokia").err())
                .contains("no product has the brand 'Nokia' (the catalog's brands: Apple, ");
        assertThat(ok("catalog", "list", "--brand", "apple", "--type", "sim", "--format", "csv")
                        .out()
                        .lines())
                .hasSize(1);
    }

    @Test
    void feedHasTheListedProductsOfOneChannelWithGuardedNames() throws IOException {
        ok("catalog", "import", catalog().toString());
        Path extra = TestLedgers.write(
                dir,
                "extra.csv",
                HEADER,
                "AC-F1,accessory,=cmd|' /C calc'!A0,Acme,9.90,listed,partner,,",
                "AC-F2,accessory,Draft case,Acme,9.90,draft,partner,,");
        ok("catalog", "import", extra.toString());
        Result feed = ok("catalog", "feed", "--channel", "partner");
        assertThat(feed.out().lines().findFirst()).contains("sku,name,brand,type,price,monthly_fee,months");
        assertThat(feed.out())
                .contains("AC-F1,'=cmd|' /C calc'!A0,Acme,accessory,9.90,,")
                .doesNotContain("AC-F2")
                .doesNotContain("SIM-IOT,")
                .doesNotContain("CT-5G-299-36");
        Path out = dir.resolve("feed.csv");
        ok("catalog", "feed", "--channel", "web", "--out", out.toString(), "--bom");
        byte[] bytes = Files.readAllBytes(out);
        assertThat(bytes[0] & 0xff).isEqualTo(0xEF);
        assertThat(new String(bytes, StandardCharsets.UTF_8))
                .contains("CT-5G-299-36,5G 合约 299元/月 36个月,中国移动,contract,0.00,299.00,36");
    }

    /**
     * {@code catalog quote} of HS-IP16-128 on CT-5G-129-24, with {@code --config config} unless null, then {@code
     * more}.
     */
    private static String[] quote(Path config, String... more) {
        List<String> args = new ArrayList<>();
        if (config != null) {
            args.addAll(List.of("--config", config.toString()));
        }
        args.addAll(List.of("catalog", "quote", "--handset", "HS-IP16-128", "--contract", "CT-5G-129-24"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void quoteComputesCommitmentSubsidyAndPriceToPay() {
        ok("catalog", "import", catalog().toString());
        Result q = ok(quote(null, "--purchase-cost", "5200", "--format", "csv"));
        assertThat(q.out())
                .contains("commitment,3096.00")
                .contains("rate_percent,40.00")
                .contains("subsidy,1238.40")
                .contains("to_pay,4760.60")
                .contains("subsidy_rate_percent,23.82")
                .contains("net_outlay,439.40");
        assertThat(cli.run("catalog", "quote", "--handset", "CT-5G-129-24", "--contract", "CT-5G-129-24")
                        .code())
                .isEqualTo(2);
        assertThat(cli.run("catalog", "quote", "--handset", "HS-NOPE", "--contract", "CT-5G-129-24")
                        .code())
                .isEqualTo(4);
        assertThat(cli.run("catalog", "quote", "--handset", "HS-IP16-128", "--contract", "CT-5G-129-25")
                        .err())
                .contains("no product CT-5G-129-25 in the catalog")
                .doesNotContain("did you mean"); // another number: a product not imported yet, not a slip
        assertThat(cli.run("catalog", "quote", "--handset", "HS-IP16-128", "--contract", "CT-5G-129-42")
                        .err())
                .contains("no product CT-5G-129-42 in the catalog (did you mean 'CT-5G-129-24'?)"); // two swapped
        assertThat(cli.run("catalog", "quote", "--handset", "HS-IP16-128", "--contract", "CT5G12924")
                        .err())
                .contains("no product CT5G12924 in the catalog (did you mean 'CT-5G-129-24'?)");
    }

    @Test
    void quoteTakesItsTableFromConfig() throws IOException {
        ok("catalog", "import", catalog().toString());
        Path config = Files.writeString(dir.resolve("chanops.properties"), "subsidy.tiers=0-100:10;100-:20\n");
        Result q = ok(quote(config, "--format", "csv"));
        assertThat(q.out()).contains("rate_percent,20.00").contains("subsidy,619.20");
        Files.writeString(config, "subsidy.tiers=0-100:10;50-200:20\n");
        Result bad = cli.run(quote(config));
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("subsidy.tiers").contains("overlaps");
    }

    @Test
    void aGb18030CatalogImportsWithCharset() {
        Path gb = TestLedgers.write(
                dir, "gb.csv", Charset.forName("GB18030"), HEADER, "AC-GB,accessory,钢化膜,品胜,39.00,listed,hall,,");
        assertThat(cli.run("catalog", "import", gb.toString()).code()).isEqualTo(4);
        ok("catalog", "import", gb.toString(), "--charset", "GB18030");
        assertThat(ok("catalog", "list", "--format", "csv").out()).contains("AC-GB,accessory,钢化膜,品胜,39.00");
    }
}
