package io.chanops.cli.catalog;

import io.chanops.cli.ChanopsCommand;
import io.chanops.cli.ExitCode;
import io.chanops.cli.mixin.InputFileOptions;
import io.chanops.ledger.master.CatalogImport;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "import", description = "Import catalog.csv (sku,type,name,brand,price,status,channels,monthly_fee,months); upsert by SKU.")
public final class CatalogImportCommand extends ChanopsCommand {
    @Parameters(paramLabel = "FILE", description = "catalog.csv")
    Path file;

    @Mixin
    InputFileOptions input;

    @Override
    protected int run() {
        CatalogImport.Result r = CatalogImport.importFile(ctx().ledger(), file, input.charset(), input.force(), ctx().now(), ctx()::warn);
        out().printf("imported %d products from %s (batch %d): %d created, %d updated, %d unchanged%n",
                r.rows(), file.getFileName(), r.batchId(), r.created(), r.updated(), r.unchanged());
        return ExitCode.OK;
    }
}
