package io.chanops.cli;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What end-to-end tests start from: a fresh, empty ledger in a temporary directory {@link #dir} and the harness
 * {@link #cli} that runs commands on it. Test classes extend it; their own {@code @BeforeEach} runs after this one.
 */
public abstract class OnLedger {
    @TempDir
    protected Path dir;

    protected CliHarness cli;

    @BeforeEach
    void createLedger() {
        cli = new CliHarness(dir);
    }
}
