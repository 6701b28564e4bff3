package io.chanops.cli.site;

import picocli.CommandLine.Command;

@Command(
        name = "site",
        description = "Stores and warehouses.",
        subcommands = {SiteImportCommand.class, SiteListCommand.class})
public final class SiteCommand {}
