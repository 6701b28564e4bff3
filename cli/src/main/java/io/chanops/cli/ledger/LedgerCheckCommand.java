package io.chanops.cli.ledger;

import io.chanops.cli.ChanopsCommand;
import io.chanops.cli.ExitCode;
import io.chanops.cli.support.ErrorHandler;
import io.chanops.cli.support.Progress;
import io.chanops.ledger.Ledger;
import io.chanops.ledger.Problem;
import io.chanops.ledger.StorageCheck;
import io.chanops.ledger.text.Named;
import io.chanops.replenish.orders.ReceiptAudit;
import io.chanops.replenish.stock.StockAudit;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "check",
        footerHeading = "%nExamples:%n",
        footer = {
            "  chanops ledger check",
            "  chanops ledger check --repair   # set the levels that differ from their moves"
        },
        description = "Check the ledger: the SQLite file's pages and indexes (PRAGMA quick_check), that on hand at"
                + " every position is the fold of its moves, and that each order's received quantity is what its"
                + " receipts booked. Exit 0 when all agree, 3 naming what differs. Reads without the write lock; a"
                + " stock difference is read again under it before it is reported.")
public final class LedgerCheckCommand extends ChanopsCommand {
    /** Positions repaired listed one by one; the count line follows. */
    private static final int LISTED = 20;

    @Option(
            names = "--repair",
            description = "Set each level that differs from its moves' fold (and remove a level without moves), in one"
                    + " transaction. The moves are the record; a damaged file is not repaired: restore a backup.")
    boolean repair;

    @Override
    protected int run() {
        Ledger ledger = ctx().ledger();
        boolean sound = true;
        Optional<List<String>> storage = StorageCheck.problems(ledger);
        if (storage.isEmpty()) {
            out().println("storage: not checked here (PostgreSQL keeps its own: pg_amcheck)");
        } else if (storage.get().isEmpty()) {
            out().println("storage: ok (SQLite quick_check)");
        } else {
            sound = false;
            problems(storage.get().stream()
                    .map(p -> Problem.ofFile("storage", p))
                    .toList());
            ctx().err().println("error: the ledger file is damaged: restore the last backup (chanops ledger restore)");
        }
        StockAudit audit = new StockAudit(ledger);
        StockAudit.Report report;
        try (Progress progress = Progress.start(ctx(), "ledger check", -1, "moves")) {
            report = audit.audit(progress::accept);
        }
        List<StockAudit.Difference> differences = report.differences();
        String read = Named.count(report.positions(), "position") + " at " + Named.count(report.sites(), "site") + ", "
                + Named.count(report.moves(), "move");
        if (differences.isEmpty()) {
            out().println("stock: ok (" + read + "): on hand at each position is the fold of its moves");
        } else if (repair) {
            List<StockAudit.Difference> repaired = audit.repair(differences);
            repaired.stream().limit(LISTED).forEach(d -> out().println("repaired " + d));
            out().println("stock: " + Named.count(repaired.size(), "position") + " set from "
                    + (repaired.size() == 1 ? "its" : "their") + " moves (" + read + ")");
        } else {
            sound = false;
            problems(differences.stream()
                    .map(d -> Problem.ofFile("stock", d.toString()))
                    .toList());
            ctx().err()
                    .println("error: stock: on hand at " + Named.count(differences.size(), "position") + " ("
                            + read + ") not the fold of " + (differences.size() == 1 ? "its" : "their")
                            + " moves: 'chanops ledger check --repair' sets them from their moves");
        }
        ReceiptAudit.Report receipts = new ReceiptAudit(ledger).audit();
        if (receipts.differences().isEmpty()) {
            out().println("orders: ok (" + Named.count(receipts.orders(), "order")
                    + "): each order's received quantity is what its receipts booked");
        } else {
            sound = false;
            problems(receipts.differences().stream()
                    .map(d -> Problem.ofFile("orders", d.toString()))
                    .toList());
            ctx().err()
                    .println("error: orders: "
                            + Named.count(receipts.differences().size(), "order")
                            + " whose received quantity is not what "
                            + (receipts.differences().size() == 1 ? "its" : "their")
                            + " receipts booked: moves deleted or booked twice? Not repaired: check them against the"
                            + " deliveries");
        }
        return sound ? ExitCode.OK : ExitCode.ATTENTION;
    }

    /** Prints what the check found as every command prints its problems (the first 100; {@code -v} all of them). */
    private void problems(List<Problem> found) {
        ErrorHandler.printProblems(ctx().err(), found, "", ctx().verbose(), ctx().colour());
    }
}
