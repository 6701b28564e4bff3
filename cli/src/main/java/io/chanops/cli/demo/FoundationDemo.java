package io.chanops.cli.demo;

import io.chanops.cli.ExitCode;
import java.util.List;

/** Master data and stock: sites, catalog, 8 weeks of moves, a broken file rejected, stock levels. */
public final class FoundationDemo implements DemoSection {
    @Override
    public List<String> sampleFiles() {
        return List.of("sites.csv", "catalog.csv", "moves.csv", "moves-broken.csv");
    }

    @Override
    public List<DemoStep> steps() {
        return List.of(
                DemoStep.of(
                        "Create the ledger (only init creates one; it records the time zone, here Asia/Shanghai)",
                        "init"),
                DemoStep.of("Import the city's warehouse and stores", "site", "import", "samples/sites.csv"),
                DemoStep.of("Import the catalog", "catalog", "import", "samples/catalog.csv"),
                DemoStep.expecting(
                        ExitCode.INPUT_REJECTED,
                        "A file with mistakes is rejected as a whole, every problem located",
                        "stock",
                        "import",
                        "samples/moves-broken.csv"),
                DemoStep.of("Import 8 weeks of stock moves", "stock", "import", "samples/moves.csv"),
                DemoStep.expecting(
                        ExitCode.INPUT_REJECTED,
                        "Importing the same file again is refused",
                        "stock",
                        "import",
                        "samples/moves.csv"),
                DemoStep.of("Stock of one store", "stock", "show", "--site", "GZ-TH-01", "--format", "table"));
    }
}
