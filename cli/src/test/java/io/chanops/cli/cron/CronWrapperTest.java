package io.chanops.cli.cron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/cron/chanops-cron as cron runs it on a fresh host: under {@code env -i} (no PATH, no HOME) with only the
 * variables crontab.sample sets. The wrapper runs beside a stand-in for scripts/chanops (prints a table, exits as
 * told), so what is tested is the wrapper's own work: the log directory, the log, the mail and the exit code.
 */
class CronWrapperTest {
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    Path wrapper;
    Path bash;

    @BeforeEach
    void install() throws IOException {
        bash = Files.isExecutable(Path.of("/bin/bash")) ? Path.of("/bin/bash") : Path.of("/usr/bin/bash");
        assumeTrue(Files.isExecutable(bash), "bash is needed to run the cron wrapper");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/env")), "env is needed to run the wrapper under env -i");
        Path cron = Files.createDirectories(dir.resolve("chanops/scripts/cron"));
        wrapper = Files.copy(REPO.resolve("scripts/cron/chanops-cron"), cron.resolve("chanops-cron"));
        Path launcher = cron.getParent().resolve("chanops");
        Files.writeString(launcher, """
                #!/usr/bin/env bash
                echo "args: $*"
                echo "order_id            site_id   sku          kind       qty"
                echo "RO-20260302-000001  GZ-TH-01  HS-IP16-128  emergency    9"
                echo "checked 155 positions at 2026-03-02 09:30:00: 1 emergency raised" >&2
                if [ -n "${STAND_IN_WARN:-}" ]; then
                  echo "warning: ${STAND_IN_WARNING:-no stock imported since 2026-02-27 (3 days): is the moves feed running?}" >&2
                fi
                exit "${STAND_IN_EXIT:-0}"
                """);
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwx------"));
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwx------"));
    }

    private record Run(int code, String out, String err) {}

    /** Runs the wrapper under {@code env -i} with only {@code vars}. */
    private Run run(List<String> vars, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("/usr/bin/env", "-i"));
        command.addAll(vars);
        command.add(bash.toString());
        command.add(wrapper.toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().clear();
        Process p = pb.start();
        p.getOutputStream().close();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(
                p.exitValue(),
                new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void aQuietRunCreatesTheLogDirectoryLogsAndMailsNothing() throws Exception {
        Path logs = dir.resolve("var/log/chanops");
        Run r = run(
                List.of("CHANOPS_DB=" + dir.resolve("chanops.db"), "CHANOPS_LOG_DIR=" + logs),
                "review",
                "replenish",
                "check",
                "--format",
                "table");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).as("cron mails nothing when all is well").isEmpty();
        assertThat(r.err()).isEmpty();
        String log = Files.readString(logs.resolve("review.log"));
        assertThat(log)
                .containsPattern("=== \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d review: chanops replenish check "
                        + "--format table -> exit 0")
                .contains("args: --no-color replenish check --format table")
                .contains("RO-20260302-000001  GZ-TH-01");
    }

    /**
     * A job that ran (exit 0) but warned, such as a check on stock a stopped feed left days old, mails its warning lines
     * (and only them); {@code CHANOPS_CRON_WARNINGS=log} keeps them in the log alone.
     */
    @Test
    void aRunThatWarnedMailsItsWarnings() throws Exception {
        Path logs = dir.resolve("logs");
        Run r = run(
                List.of("CHANOPS_DB=" + dir.resolve("chanops.db"), "CHANOPS_LOG_DIR=" + logs, "STAND_IN_WARN=1"),
                "review",
                "replenish",
                "check");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out().lines().toList())
                .hasSize(2)
                .satisfies(lines -> assertThat(lines.get(0))
                        .matches("chanops review: exit 0 with 1 warning\\(s\\) at [0-9: -]+; log: "
                                + Pattern.quote(logs.resolve("review.log").toString())))
                .satisfies(lines -> assertThat(lines.get(1))
                        .isEqualTo("warning: no stock imported since 2026-02-27 (3 days): is the moves feed running?"));
        Run quiet = run(
                List.of(
                        "CHANOPS_DB=" + dir.resolve("chanops.db"),
                        "CHANOPS_LOG_DIR=" + logs,
                        "STAND_IN_WARN=1",
                        "CHANOPS_CRON_WARNINGS=log"),
                "review",
                "replenish",
                "check");
        assertThat(quiet.out()).isEmpty();
        assertThat(Files.readString(logs.resolve("review.log")))
                .contains("warning: no stock imported since 2026-02-27");
    }

    /**
     * {@code CHANOPS_CRON_WARNINGS=daily}: a warning is mailed once, the same warning again (a number in it moved) is
     * only logged, another warning is mailed at once, and after a run without warnings the first one is new again.
     */
    @Test
    void dailyMailsTheSameWarningsOnceAndNewOnesAtOnce() throws Exception {
        Path logs = dir.resolve("logs");
        List<String> daily = List.of(
                "CHANOPS_DB=" + dir.resolve("chanops.db"),
                "CHANOPS_LOG_DIR=" + logs,
                "CHANOPS_CRON_WARNINGS=daily",
                "STAND_IN_WARN=1");
        String stale = "warning: no stock imported since 2026-02-27 (3 days): is the moves feed running?";
        assertThat(run(daily, "emergency", "replenish", "check").out())
                .as("first")
                .contains(stale);
        assertThat(run(daily, "emergency", "replenish", "check").out())
                .as("the same again")
                .isEmpty();
        List<String> moved = new ArrayList<>(daily);
        moved.add("STAND_IN_WARNING=no stock imported since 2026-02-27 (4 days): is the moves feed running?");
        assertThat(run(moved, "emergency", "replenish", "check").out())
                .as("a number moved")
                .isEmpty();
        List<String> other = new ArrayList<>(daily);
        other.add("STAND_IN_WARNING=on hand went below zero at 1 position");
        assertThat(run(other, "emergency", "replenish", "check").out())
                .as("another warning")
                .contains("warning: on hand went below zero at 1 position");
        assertThat(run(other, "review", "replenish", "check").out())
                .as("another job's warnings are its own")
                .contains("warning: on hand went below zero at 1 position");
        List<String> quiet = List.of(
                "CHANOPS_DB=" + dir.resolve("chanops.db"), "CHANOPS_LOG_DIR=" + logs, "CHANOPS_CRON_WARNINGS=daily");
        assertThat(run(quiet, "emergency", "replenish", "check").out()).isEmpty();
        assertThat(run(other, "emergency", "replenish", "check").out())
                .as("after a run without warnings")
                .contains("warning: on hand went below zero at 1 position");
        assertThat(Files.readString(logs.resolve("emergency.log")).split("\n=== "))
                .as("every run logged, its warnings too")
                .hasSize(6)
                .filteredOn(run -> run.contains("warning: "))
                .hasSize(5);
    }

    @Test
    void anEmergencyIsMailedAsTheTableWithItsExitCode() throws Exception {
        Path logs = dir.resolve("logs");
        Run r = run(
                List.of("CHANOPS_DB=" + dir.resolve("chanops.db"), "CHANOPS_LOG_DIR=" + logs, "STAND_IN_EXIT=3"),
                "emergency",
                "replenish",
                "check",
                "--emergency-only",
                "--format",
                "table");
        assertThat(r.code()).as(r.toString()).isEqualTo(3);
        assertThat(r.out())
                .containsPattern("chanops emergency: exit 3 \\(needs attention\\) at [0-9: -]+; log: "
                        + logs.resolve("emergency.log"))
                .contains("order_id            site_id")
                .contains("checked 155 positions at 2026-03-02 09:30:00: 1 emergency raised")
                .doesNotContain("RO-20260302-000001,GZ-TH-01");
    }

    @Test
    void aLogDirectoryThatCannotBeMadeIsOneLineSayingHowAndExit6() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("file"), "x");
        Run r = run(
                List.of("CHANOPS_DB=" + dir.resolve("chanops.db"), "CHANOPS_LOG_DIR=" + notADirectory.resolve("logs")),
                "review",
                "replenish",
                "check");
        assertThat(r.code()).isEqualTo(6);
        assertThat(r.err().lines().toList())
                .singleElement()
                .satisfies(l -> assertThat(l)
                        .startsWith("chanops-cron: cannot create the log directory")
                        .contains("sudo install -d -o ")
                        .contains("or set CHANOPS_LOG_DIR"));
    }

    @Test
    void withoutALogDirectoryTheLogsGoUnderHome() throws Exception {
        Run r = run(List.of("CHANOPS_DB=" + dir.resolve("chanops.db"), "HOME=" + dir), "review", "ledger", "info");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(dir.resolve(".local/state/chanops/review.log")).exists();
    }

    @Test
    void theSampleCrontabAsksForTablesAndTheLogrotateSampleRotatesItsLogDirectory() throws IOException {
        String crontab = Files.readString(REPO.resolve("scripts/cron/crontab.sample"));
        assertThat(crontab.lines().filter(l -> l.contains("chanops-cron ") && !l.startsWith("#")))
                .isNotEmpty()
                .allMatch(l -> l.contains("--format table"));
        assertThat(crontab).contains("CHANOPS_LOG_DIR=/var/log/chanops");
        assertThat(Files.readString(REPO.resolve("scripts/cron/chanops.logrotate")))
                .contains("/var/log/chanops/*.log");
    }
}
