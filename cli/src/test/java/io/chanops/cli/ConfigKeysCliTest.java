package io.chanops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.ledger.testing.TestLedgers;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A config file sets defaults, never actions (SPEC §3.1): force, out and the like, and unknown keys, are refused. */
class ConfigKeysCliTest {
    @TempDir
    Path dir;

    @Test
    void anOptionThatActsCannotBeDefaultedFromAConfigFile() {
        CliHarness cli = new CliHarness(dir);
        Path moves = TestLedgers.write(dir, "m.csv", "at,site_id,sku,kind,qty,ref");
        for (String line : new String[] {
            "force=true",
            "out=" + dir.resolve("stolen.csv"),
            "chanops.stock.import.force=true",
            "dry-run=true",
            "skip-invalid=true",
            "skip-booked=true",
            "chanops.replenish.cancel.run=7",
            "apply=true",
            "detail=" + dir.resolve("d.csv"),
            "chanops.demo.dir=/srv",
            "now=2026-01-01 00:00",
            "chanops.ledger.check.repair=true",
            "repair=true",
            "chanops.ledger.restore.from=/srv/backup.db",
            "chanops.stock.add.at=2026-01-01 00:00",
            "ref=DN-1",
            "month=2026-02",
            "chanops.replenish.plan.date=2026-03-04",
            "boss=boss.csv"
        }) {
            Path config = TestLedgers.write(dir, "chanops.properties", "format=csv", line);
            String key = line.substring(0, line.indexOf('='));
            CliHarness.Result r = cli.run("--config", config.toString(), "stock", "import", moves.toString());
            assertThat(r.code()).as(line + "\n" + r).isEqualTo(ExitCode.USAGE);
            assertThat(r.err())
                    .startsWith("error: " + config + ": " + key + ": --")
                    .contains("cannot default it");
        }
        assertThat(dir.resolve("stolen.csv")).doesNotExist();
    }

    @Test
    void anUnknownKeyIsRefusedNamingTheFileAndKey() {
        CliHarness cli = new CliHarness(dir);
        for (String line : new String[] {
            "forse=true",
            "chanops.stock.show.nonsense=1",
            "chanops.nocommand.format=csv",
            "FILE=x.csv",
            "tune.display-min.phone=2"
        }) {
            Path config = TestLedgers.write(dir, "c.properties", line);
            CliHarness.Result r = cli.run("--config", config.toString(), "site", "list");
            assertThat(r.code()).as(line + "\n" + r).isEqualTo(ExitCode.USAGE);
            assertThat(r.err())
                    .startsWith("error: " + config + ": " + line.substring(0, line.indexOf('=')) + ": unknown key");
        }
    }

    /** A busy timeout below zero (no wait at all) or above an hour (cron jobs queued unnoticed) is refused. */
    @Test
    void aBusyTimeoutOutsideZeroToAnHourIsRefused() {
        CliHarness cli = new CliHarness(dir);
        for (String value : new String[] {"-1", "99999999999", "NaN", "ten"}) {
            Path config = TestLedgers.write(dir, "c.properties", "busy-timeout=" + value);
            CliHarness.Result r = cli.run("--config", config.toString(), "site", "list");
            assertThat(r.code()).as(value + "\n" + r).isEqualTo(ExitCode.USAGE);
            assertThat(r.err()).contains("busy-timeout=" + value);
        }
        Path zero = TestLedgers.write(dir, "c.properties", "busy-timeout=0");
        assertThat(cli.run("--config", zero.toString(), "site", "list").code()).isZero();
    }

    @Test
    void settingsAndHarmlessDefaultsOfAnyCommandStayAllowed() {
        CliHarness cli = new CliHarness(dir);
        Path config = TestLedgers.write(
                dir,
                "c.properties",
                "busy-timeout=5",
                "emergency.cutoff=11:00",
                "lead.days=2",
                "review.anchor=2026-01-05",
                "tune.display-min=1",
                "tune.display-min.handset=2",
                "subsidy.gap=none",
                "zone=Asia/Shanghai",
                "format=csv",
                "chanops.stock.show.site=GZ-WEB",
                "window=45m",
                "mask=true",
                "bom=false");
        CliHarness.Result r = cli.run("--config", config.toString(), "site", "list");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("site_id,");
    }

    @Test
    void theConfigFilesDbComesAfterChanopsDb() {
        CliHarness cli = new CliHarness(dir);
        Path config = TestLedgers.write(dir, "c.properties", "db=" + dir.resolve("absent.db"));
        int code = CliHarness.runExactly(
                        Map.of("CHANOPS_DB", cli.db().toString()),
                        "--config",
                        config.toString(),
                        "--zone",
                        "Asia/Shanghai",
                        "site",
                        "list")
                .code();
        assertThat(code).isZero();
        assertThat(dir.resolve("absent.db")).doesNotExist();
    }
}
