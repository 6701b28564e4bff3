package io.chanops.cli.mixin;

import picocli.CommandLine.Option;

/** {@code --dry-run} of an import that runs in full and is rolled back (sites, policies). */
public final class ImportDryRunOption {
    @Option(
            names = "--dry-run",
            description = "Check the file and say what the import would create and update, with its warnings; write"
                    + " nothing.")
    boolean dryRun;

    public boolean on() {
        return dryRun;
    }
}
