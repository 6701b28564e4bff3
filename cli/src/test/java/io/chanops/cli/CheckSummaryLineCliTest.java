package io.chanops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check's summary line (what cron logs and mails) shows the clock to the second, never its nanoseconds. */
class CheckSummaryLineCliTest {
    @TempDir
    Path dir;

    @Test
    void theSummaryLineHasNoFractionOfASecond() {
        CliHarness cli = new CliHarness(dir).at(null);
        assertThat(cli.run("init").code()).isZero();
        CliHarness.Result r = cli.run("replenish", "check");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err()).as(r.toString()).containsPattern("at \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d \\(run ");
    }
}
