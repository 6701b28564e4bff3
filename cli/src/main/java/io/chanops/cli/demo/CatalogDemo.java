package io.chanops.cli.demo;

import io.chanops.cli.ExitCode;
import java.util.List;

/**
 * Bulk product listing: a partial catalog update previewed (diff, and what --sync would unlist) and applied, a broken
 * file rejected and then imported with --skip-invalid, a product's history, a channel's feed and contract quotes.
 * Nothing here unlists a stocked SKU: later sections use them.
 */
public final class CatalogDemo implements DemoSection {
    @Override
    public List<String> sampleFiles() {
        return List.of("catalog-update.csv", "catalog-broken.csv");
    }

    @Override
    public List<DemoStep> steps() {
        return List.of(
                DemoStep.of(
                        "A bulk catalog update, as a dry run: what would change, field by field",
                        "catalog",
                        "import",
                        "samples/catalog-update.csv",
                        "--dry-run"),
                DemoStep.expecting(
                        ExitCode.ATTENTION,
                        "Taken as the whole catalog (--sync), that partial file would unlist most listed products: "
                                + "refused (dry run)",
                        "catalog",
                        "import",
                        "samples/catalog-update.csv",
                        "--dry-run",
                        "--sync"),
                DemoStep.of("Apply the update", "catalog", "import", "samples/catalog-update.csv"),
                DemoStep.expecting(
                        ExitCode.INPUT_REJECTED,
                        "A catalog file with mistakes: every problem located, nothing written",
                        "catalog",
                        "import",
                        "samples/catalog-broken.csv"),
                DemoStep.expecting(
                        ExitCode.ATTENTION,
                        "Import its valid rows only; the invalid ones go to a rejects file",
                        "catalog",
                        "import",
                        "samples/catalog-broken.csv",
                        "--skip-invalid"),
                DemoStep.of("The history of one product", "catalog", "history", "HS-IP16-128", "--format", "table"),
                DemoStep.of(
                        "Handsets sold on the web",
                        "catalog",
                        "list",
                        "--type",
                        "handset",
                        "--channel",
                        "web",
                        "--format",
                        "table"),
                DemoStep.of(
                        "The web store's feed (a name that looks like a formula is guarded)",
                        "catalog",
                        "feed",
                        "--channel",
                        "web"),
                DemoStep.of(
                        "A contract-handset quote: 129 yuan/month for 24 months, handset bought at 5200.00",
                        "catalog",
                        "quote",
                        "--handset",
                        "HS-IP16-128",
                        "--contract",
                        "CT-5G-129-24",
                        "--purchase-cost",
                        "5200",
                        "--format",
                        "table"),
                DemoStep.of(
                        "99 yuan/month falls in the table's 90-100 gap: the tier below applies, and the quote says so",
                        "catalog",
                        "quote",
                        "--handset",
                        "HS-RN14-128",
                        "--contract",
                        "CT-5G-99-12",
                        "--format",
                        "table"));
    }
}
