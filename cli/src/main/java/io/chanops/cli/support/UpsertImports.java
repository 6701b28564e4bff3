package io.chanops.cli.support;

import io.chanops.cli.ExitCode;
import io.chanops.cli.RunContext;
import io.chanops.ledger.InputRejectedException;
import io.chanops.ledger.imports.UpsertCounts;
import io.chanops.ledger.text.Named;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * The run of the site and policy imports, which create, update or leave unchanged one ledger row per file row: the
 * import (or its dry run, whose refusal is reported as {@link DryRunRefusals} does), then one line counting what the
 * file did or would do.
 */
public final class UpsertImports {
    private UpsertImports() {}

    /**
     * Runs {@code importer} on {@code file} and prints its line, naming the rows {@code one} or {@code many}; returns
     * the exit code.
     */
    public static int run(
            RunContext ctx, Path file, boolean dryRun, String one, String many, Supplier<UpsertCounts> importer) {
        UpsertCounts r;
        try {
            r = importer.get();
        } catch (InputRejectedException e) {
            if (!dryRun) {
                throw e;
            }
            return DryRunRefusals.report(ctx, file, e);
        }
        String rows = Named.count(r.rows(), one, many);
        if (dryRun) {
            ctx.out()
                    .printf(
                            "dry run: %s in %s %s valid: %d would be created, %d updated, %d unchanged; nothing"
                                    + " written%n",
                            rows,
                            file.getFileName(),
                            r.rows() == 1 ? "is" : "are",
                            r.created(),
                            r.updated(),
                            r.unchanged());
        } else {
            ctx.out()
                    .printf(
                            "imported %s from %s (batch %d): %d created, %d updated, %d unchanged%n",
                            rows, file.getFileName(), r.batchId(), r.created(), r.updated(), r.unchanged());
        }
        return ExitCode.OK;
    }
}
