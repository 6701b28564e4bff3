package io.chanops.cli.ledger;

import io.chanops.cli.ChanopsCommand;
import io.chanops.cli.ExitCode;
import io.chanops.cli.UserException;
import io.chanops.cli.mixin.OutputOptions;
import io.chanops.cli.support.Listing;
import io.chanops.ledger.Ledger;
import io.chanops.ledger.LedgerCopy;
import io.chanops.ledger.LedgerLocation;
import io.chanops.ledger.text.Named;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "copy",
        footerHeading = "%nExamples:%n",
        footer = {
            "  chanops ledger copy --from chanops.db --to jdbc:postgresql://db/chanops",
            "  chanops ledger copy --from chanops.db --to \"$CHANOPS_DB\" --format json"
        },
        description = "Moves an SQLite ledger into a PostgreSQL database in one transaction: creates the schema there "
                + "(or uses one chanops created), refuses a database that holds rows (exit 4), copies every table, "
                + "then checks each table's row count and checksum and rolls everything back on a difference. "
                + "Prints each table with its rows and checksum. The SQLite ledger is left as it is.")
public final class LedgerCopyCommand extends ChanopsCommand {
    @Option(names = "--from", required = true, paramLabel = "SQLITE_FILE", description = "The SQLite ledger to copy.")
    String from;

    @Option(
            names = "--to",
            required = true,
            paramLabel = "JDBC_URL",
            description = "The PostgreSQL database (jdbc:postgresql://...); its password as for --db.")
    String to;

    @Mixin
    OutputOptions output;

    @Override
    protected int run() {
        LedgerLocation source = ctx().location(from, "--from ");
        if (to.isBlank()) {
            throw UserException.usage("--to is empty: give a jdbc:postgresql: URL");
        }
        LedgerLocation target = ctx().location(to, "--to ");
        if (source.dialect() != Ledger.Dialect.SQLITE) {
            throw UserException.usage("--from " + source.display() + ": give the SQLite ledger file to copy");
        }
        if (target.dialect() != Ledger.Dialect.POSTGRESQL) {
            throw UserException.usage("--to " + target.display() + ": give a jdbc:postgresql: URL");
        }
        List<LedgerCopy.TableCopy> copied = LedgerCopy.copy(source, target, ctx().busyTimeout());
        Listing listing = Listing.of("table", "rows", "checksum");
        long rows = 0;
        for (LedgerCopy.TableCopy table : copied) {
            listing.add(table.table(), table.rows(), table.checksum());
            rows += table.rows();
        }
        output.render(ctx(), listing);
        ctx().info("copied " + Named.count(rows, "row") + " in " + Named.count(copied.size(), "table") + " from "
                + source.display() + " to " + target.display() + "; row counts and checksums verified");
        return ExitCode.OK;
    }
}
