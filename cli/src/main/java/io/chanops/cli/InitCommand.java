package io.chanops.cli;

import io.chanops.ledger.Ledger;
import picocli.CommandLine.Command;

@Command(name = "init", footerHeading = "%nExamples:%n", footer = {"  chanops init --db chanops.db", "  chanops init --db jdbc:postgresql://db.example/chanops"},
        description = "Create the ledger, or upgrade its schema (every command does this on first use).")
public final class InitCommand extends ChanopsCommand {
    @Override
    protected int run() {
        Ledger ledger = Ledger.openValidated(ctx().ledgerLocation(), ctx().busyTimeout());
        out().println("ledger ready: " + ledger.location() + " (" + ledger.dialect().name().toLowerCase(java.util.Locale.ROOT) + ")");
        return ExitCode.OK;
    }
}
