package io.chanops.cli;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What most end-to-end tests start from: a fresh ledger in a temporary directory {@link #dir}, holding the sample
 * sites and catalog, and the harness {@link #cli} that runs commands on it. Test classes extend it.
 */
public abstract class OnSampleLedger {
    @TempDir
    protected Path dir;

    protected CliHarness cli;

    @BeforeEach
    void createSampleLedger() {
        cli = new CliHarness(dir).withSampleSitesAndCatalog();
    }
}
