package io.chanops.cli.ledger;

import picocli.CommandLine.Command;

@Command(
        name = "ledger",
        description = "The ledger itself: where it is, its time zone and schema.",
        subcommands = {LedgerInfoCommand.class})
public final class LedgerCommand {}
