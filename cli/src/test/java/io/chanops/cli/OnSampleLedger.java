package io.chanops.cli;

import org.junit.jupiter.api.BeforeEach;

/** {@link OnLedger} with the sample sites and catalog imported: where most end-to-end tests start. */
public abstract class OnSampleLedger extends OnLedger {
    @BeforeEach
    void importSampleSitesAndCatalog() {
        cli.withSampleSitesAndCatalog();
    }
}
