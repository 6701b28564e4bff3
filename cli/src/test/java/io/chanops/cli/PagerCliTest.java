package io.chanops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Output longer than the screen goes through $PAGER on a terminal, as git does; never with --no-pager or into a pipe.
 */
class PagerCliTest {
    @TempDir
    Path dir;

    CliHarness cli;
    Path paged;

    @BeforeEach
    void setUp() {
        cli = new CliHarness(dir).importSample("site", "sites.csv");
        paged = dir.resolve("paged.txt");
    }

    private Map<String, String> pagerEnv(String lines) {
        return Map.of("PAGER", "cat > '" + paged + "'", "LINES", lines, "PATH", System.getenv("PATH"));
    }

    @Test
    void outputLongerThanTheScreenGoesThroughThePager() throws Exception {
        CliHarness.Result r = cli.terminal(true).env(pagerEnv("5")).run("site", "list");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(Files.readString(paged)).contains("site_id").contains("GZ-WH");
    }

    @Test
    void outputThatFitsTheScreenIsPrintedAsItIs() {
        CliHarness.Result r = cli.terminal(true).env(pagerEnv("500")).run("site", "list");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("GZ-WH");
        assertThat(paged).doesNotExist();
    }

    @Test
    void noPagerPrintsEverythingDirectly() {
        CliHarness.Result r = cli.terminal(true).env(pagerEnv("5")).run("--no-pager", "site", "list");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("site_id").contains("GZ-WH");
        assertThat(paged).doesNotExist();
    }

    @Test
    void neverWhenStandardOutputIsNotATerminal() {
        CliHarness.Result r = cli.terminal(false).env(pagerEnv("5")).run("site", "list");
        assertThat(r.out()).contains("GZ-WH");
        assertThat(paged).doesNotExist();
    }

    @Test
    void anEmptyPagerOrCatTurnsItOff() {
        for (String pager : new String[] {"", "cat"}) {
            CliHarness.Result r =
                    cli.terminal(true).env(Map.of("PAGER", pager, "LINES", "5")).run("site", "list");
            assertThat(r.out()).as("PAGER=%s", pager).contains("GZ-WH");
        }
    }
}
