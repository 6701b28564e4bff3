package io.chanops.cli.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.cli.CliHarness;
import io.chanops.cli.ExitCode;
import io.chanops.ledger.testing.TestLedgers;
import java.nio.file.Path;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One time zone per ledger (SPEC §3.1): a ledger initialised in Asia/Shanghai judges the 11:00 emergency cutoff and
 * "today" in Shanghai time on a machine whose zone is UTC, as the sample crontab (CRON_TZ=Asia/Shanghai) expects.
 */
class LedgerZoneCliTest {
    @TempDir
    Path dir;

    private TimeZone machine;

    @BeforeEach
    void machineInUtc() {
        machine = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
    }

    @AfterEach
    void restore() {
        TimeZone.setDefault(machine);
    }

    /** A Shanghai ledger whose store ST-1 has 1 CASE on hand, below its emergency point L = 2. */
    private CliHarness shanghaiLedgerWithAnEmergency() {
        CliHarness cli = new CliHarness(dir);
        cli.importRows(
                "site",
                "WH,Warehouse,warehouse,GZ,,,23.1,113.4,06:00,22:00",
                "ST-1,Store 1,store,GZ,WH,hall,23.2,113.3,09:00,21:00");
        cli.importRows("catalog", "CASE,accessory,Case,Brand,49.00,listed,hall,,");
        cli.at("2026-02-23 08:30");
        cli.importRows("stock", "2026-02-23 08:00,WH,CASE,count,100,INV-1", "2026-02-23 08:00,ST-1,CASE,count,1,INV-1");
        cli.importRows("policy", "ST-1,CASE,7,4,10,2,false");
        return cli.zone(null);
    }

    @Test
    void theCutoffIsJudgedInTheLedgersZoneNotTheMachines() {
        CliHarness cli = shanghaiLedgerWithAnEmergency();
        // 03:30 UTC is 11:30 in Shanghai: past the 11:00 cutoff there, so due tomorrow (in UTC it would be 03:30, due
        // today)
        CliHarness.Result r =
                cli.at("2026-03-02T03:30Z").run("replenish", "check", "--emergency-only", "--format", "csv");
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.ATTENTION);
        assertThat(r.out()).contains("ST-1,CASE,emergency,raised,9,9,2026-03-03,WH");
        assertThat(cli.run("replenish", "orders", "--format", "csv").out())
                .contains(",2026-03-02 11:30:00,2026-03-03,WH");
    }

    @Test
    void beforeTheCutoffInShanghaiAnEmergencyIsDueTheSameShanghaiDay() {
        CliHarness cli = shanghaiLedgerWithAnEmergency();
        // 2026-03-01 23:30 UTC is 2026-03-02 07:30 in Shanghai: raised on 03-02, due the same day (in UTC: raised
        // 03-01)
        CliHarness.Result r =
                cli.at("2026-03-01T23:30Z").run("replenish", "check", "--emergency-only", "--format", "csv");
        assertThat(r.out())
                .as(r.toString())
                .contains("RO-20260302-000001,ST-1,CASE,emergency,raised,9,9,2026-03-02,WH");
    }

    @Test
    void aZoneThatDiffersFromTheLedgersIsRefusedNamingBoth() throws Exception {
        CliHarness cli = new CliHarness(dir);
        CliHarness.Result r = cli.zone("Europe/London").run("stock", "show");
        assertThat(r.code()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err())
                .contains("--zone Europe/London differs from the time zone of ledger " + cli.db() + ", Asia/Shanghai");
        Path config = TestLedgers.write(dir, "chanops.properties", "zone=UTC");
        CliHarness.Result fromConfig = cli.zone(null).run("--config", config.toString(), "stock", "show");
        assertThat(fromConfig.code()).isEqualTo(ExitCode.USAGE);
        assertThat(fromConfig.err())
                .contains(config + ": zone=UTC differs from the time zone of ledger")
                .contains("Asia/Shanghai");
        assertThat(cli.zone("Asia/Chongqing").run("stock", "show").code())
                .as("another name of the same zone")
                .isZero();
        assertThat(cli.zone("Europe/London").run("init").code())
                .as("init cannot change it either")
                .isEqualTo(ExitCode.USAGE);
    }

    @Test
    void initWithoutZoneRecordsAndPrintsTheSystemsZone() {
        TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
        CliHarness.Result r =
                CliHarness.withoutLedger(dir.resolve("ny.db")).zone(null).run("init");
        assertThat(r.out())
                .as(r.toString())
                .contains("; time zone America/New_York (the system's; give --zone to choose another");
        CliHarness.Result info =
                CliHarness.withoutLedger(dir.resolve("ny.db")).zone(null).run("ledger", "info", "--format", "csv");
        assertThat(info.out()).contains("zone,America/New_York");
    }

    @Test
    void aLedgerFromBeforeZonesTakesTheZoneGivenAtItsFirstOpenAndSaysSoOnce() {
        Path db = dir.resolve("old.db");
        TestLedgers.sqliteAtVersion(db, "8");
        CliHarness cli = CliHarness.withoutLedger(db);
        CliHarness.Result first = cli.run("stock", "show");
        assertThat(first.code()).as(first.toString()).isZero();
        assertThat(first.err())
                .contains("warning: ledger " + db + " had no time zone recorded; recorded Asia/Shanghai");
        CliHarness.Result second = cli.run("stock", "show");
        assertThat(second.err()).doesNotContain("time zone");
        assertThat(cli.zone(null).run("ledger", "info", "--format", "csv").out())
                .contains("zone,Asia/Shanghai");
    }

    /**
     * A --now the clocks skipped in the ledger's zone (daylight saving's spring gap) is refused, not moved an hour;
     * the times either side of the gap are taken.
     */
    @Test
    void aNowTheClocksSkippedIsRefused() {
        CliHarness cli = CliHarness.withoutLedger(dir.resolve("ny.db")).zone("America/New_York");
        assertThat(cli.run("init").code()).isZero();
        CliHarness.Result gap = cli.at("2026-03-08 02:30").run("replenish", "check", "--dry-run");
        assertThat(gap.code()).as(gap.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(gap.err())
                .contains("--now 2026-03-08 02:30 does not exist in America/New_York: the clocks went forward past"
                        + " it; give a time before or after the change");
        assertThat(cli.at("2026-03-08 01:59")
                        .run("replenish", "check", "--dry-run")
                        .code())
                .isZero();
        assertThat(cli.at("2026-03-08 03:00")
                        .run("replenish", "check", "--dry-run")
                        .code())
                .isZero();
    }
}
