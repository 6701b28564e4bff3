package io.chanops.cli.catalog;

import picocli.CommandLine.Command;

@Command(name = "catalog", description = "Products: handsets, accessories, SIMs, plans, contracts.",
        subcommands = {CatalogImportCommand.class, CatalogListCommand.class})
public final class CatalogCommand {
}
