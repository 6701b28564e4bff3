package io.chanops.cli.stock;

import picocli.CommandLine.Command;

@Command(
        name = "stock",
        description = "Stock moves and on-hand levels.",
        subcommands = {
            StockImportCommand.class,
            StockAddCommand.class,
            StockShowCommand.class,
            StockSummaryCommand.class
        })
public final class StockCommand {}
