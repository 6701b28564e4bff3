package io.chanops.cli.ledger;

import picocli.CommandLine.Command;

@Command(
        name = "ledger",
        description =
                "The ledger itself: where it is, its time zone and schema; backing it up and restoring it; copying it"
                        + " to PostgreSQL.",
        subcommands = {
            LedgerInfoCommand.class,
            LedgerCheckCommand.class,
            LedgerCopyCommand.class,
            LedgerBackupCommand.class,
            LedgerRestoreCommand.class
        })
public final class LedgerCommand {}
