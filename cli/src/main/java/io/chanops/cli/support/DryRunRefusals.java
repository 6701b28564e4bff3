package io.chanops.cli.support;

import io.chanops.cli.ExitCode;
import io.chanops.cli.RunContext;
import io.chanops.cli.UserException;
import io.chanops.ledger.InputRejectedException;
import io.chanops.ledger.Problem;
import io.chanops.ledger.text.Named;
import java.nio.file.Path;

/**
 * How the dry run of the site, policy and stock imports reports a file the import would refuse (SPEC §3: exit 3 when
 * a dry run found invalid rows): the problems as the import prints them, then one line counting the invalid rows, or
 * saying that the file would be refused as a whole (a missing column, bytes not in its charset), and exit 3. A file
 * imported before has nothing invalid in it: that refusal stays the import's own (exit 4), so a script sees it alike
 * with or without {@code --dry-run}.
 */
public final class DryRunRefusals {
    private DryRunRefusals() {}

    /** Prints {@code rejected}, the refusal of {@code file}, and returns the dry run's exit code. */
    public static int report(RunContext ctx, Path file, InputRejectedException rejected) {
        ErrorHandler.printRejection(ctx.err(), rejected, ctx.verbose(), ctx.colour());
        if (rejected.isImportedBefore()) {
            throw UserException.inputRejected(
                    "dry run: the import of " + file.getFileName() + " would be refused (already imported)");
        }
        long rows = rejected.isUnreadable()
                ? 0 // reading stopped at the first line not in the charset: the file, not its rows
                : rejected.problems().stream()
                        .filter(p -> p.line() > 1) // the header's problems (line 1) are the file's, not a row's
                        .map(Problem::line)
                        .distinct()
                        .count();
        ctx.out()
                .printf(
                        rows > 0
                                ? "dry run: %s has %s; nothing written%n"
                                : "dry run: %s would be refused; nothing written%n",
                        file.getFileName(),
                        Named.count(rows, "invalid row"));
        return ExitCode.ATTENTION;
    }
}
