package io.chanops.cli.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.ledger.WorkProgress.Phase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Progress on a fake terminal: phases appear with their labels and totals; short work leaves nothing. */
class ProgressTest {
    private final StringWriter screen = new StringWriter();

    private Progress progress(Duration quiet) {
        return new Progress(new PrintWriter(screen, true), false, "stock import", -1, "rows", quiet);
    }

    @Test
    void workUnderTheQuietPeriodDrawsNothing() {
        try (Progress p = progress(Progress.QUIET)) {
            p.phase(Phase.READING, "moves.csv", 5_000_000);
            p.accept(2_500_000);
            p.phase(Phase.CHECKING, "", -1);
            p.phase(Phase.WRITING, "", -1);
            p.phase(Phase.COMMITTING, "", -1);
        }
        assertThat(screen.toString()).isEmpty();
    }

    @Test
    void longWorkShowsEachPhaseWithItsLabelAndABarWithTheFileSize() throws Exception {
        try (Progress p = progress(Duration.ZERO)) {
            p.phase(Phase.READING, "moves.csv", 50_000_000);
            p.accept(25_000_000);
            Thread.sleep(700);
            p.phase(Phase.WRITING, "", -1);
            Thread.sleep(500);
            p.phase(Phase.COMMITTING, "", -1);
            Thread.sleep(500);
        }
        String drawn = screen.toString();
        assertThat(drawn)
                .contains("reading moves.csv")
                .contains("/50 MB")
                .contains("writing…")
                .contains("committing…")
                .doesNotContain("?");
        // the line is erased at the end: the last thing written returns to the start of a blank line
        assertThat(drawn).endsWith("\r");
    }

    @Test
    void nothingAtAllWhenStandardErrorIsNotATerminal() {
        try (Progress p = new Progress(null, false, "stock import", -1, "rows", Duration.ZERO)) {
            p.phase(Phase.READING, "moves.csv", 10);
            p.accept(5);
        }
        assertThat(screen.toString()).isEmpty();
    }
}
