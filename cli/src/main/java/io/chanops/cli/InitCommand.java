package io.chanops.cli;

import io.chanops.ledger.Ledger;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;

@Command(
        name = "init",
        description = {
            "Create the ledger (the only command that does), or upgrade an existing ledger's schema.",
            "A new ledger records its time zone: --zone, else config 'zone', else the system's. Every command then "
                    + "reads and writes local dates and times in that zone."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  chanops init --db chanops.db --zone Asia/Shanghai",
            "  chanops init --db jdbc:postgresql://db.example/chanops --zone Asia/Shanghai",
            "  chanops init            (upgrades ./chanops.db after installing a new chanops)"
        })
public final class InitCommand extends ChanopsCommand {
    @Override
    protected int run() {
        Optional<ZoneId> asked = ctx().requestedZone();
        Ledger ledger =
                Ledger.init(ctx().ledgerLocation(), ctx().busyTimeout(), asked.orElseGet(ZoneId::systemDefault));
        ctx().requireLedgerZone(ledger);
        Ledger.Opening opening = ledger.opening();
        String where =
                "ledger " + ledger.location() + " (" + ledger.dialect().name().toLowerCase(Locale.ROOT);
        String zone = "; time zone " + ledger.zone().getId();
        if (opening.zoneRecorded() && asked.isEmpty()) {
            zone += " (the system's; give --zone to choose another when creating a ledger)";
        }
        if (opening.created()) {
            out().println("created " + where + ", schema version " + opening.toVersion() + ")" + zone);
        } else if (opening.upgraded()) {
            out().println("upgraded " + where + ") from schema version " + opening.fromVersion() + " to "
                    + opening.toVersion() + zone);
        } else {
            out().println(where + ") is up to date, schema version " + opening.toVersion() + zone);
        }
        if (opening.zoneRecorded() && !opening.created()) {
            out().println("recorded time zone " + ledger.zone().getId() + ": the ledger had none");
        }
        return ExitCode.OK;
    }
}
