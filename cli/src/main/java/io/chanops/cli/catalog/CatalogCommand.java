package io.chanops.cli.catalog;

import picocli.CommandLine.Command;

@Command(
        name = "catalog",
        description = "Products: handsets, accessories, SIMs, plans, contracts; bulk listing, history, feeds, contract "
                + "quotes.",
        subcommands = {
            CatalogImportCommand.class,
            CatalogListCommand.class,
            CatalogHistoryCommand.class,
            CatalogFeedCommand.class,
            CatalogQuoteCommand.class
        })
public final class CatalogCommand {}
