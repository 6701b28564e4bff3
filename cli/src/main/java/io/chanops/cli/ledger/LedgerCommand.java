package io.chanops.cli.ledger;

import picocli.CommandLine.Command;

@Command(
        name = "ledger",
        description = "The ledger itself: where it is, its time zone and schema; copying it to PostgreSQL.",
        subcommands = {LedgerInfoCommand.class, LedgerCopyCommand.class, LedgerBackupCommand.class})
public final class LedgerCommand {}
