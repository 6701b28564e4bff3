package io.chanops.replenish.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chanops.ledger.InputRejectedException;
import io.chanops.ledger.Ledger;
import io.chanops.ledger.imports.UpsertCounts;
import io.chanops.ledger.testing.TestLedgers;
import io.chanops.replenish.check.ScenarioLedger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyServiceTest {
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 3, 2, 9, 30);

    @TempDir
    Path dir;

    Ledger ledger;
    PolicyService policies;

    @BeforeEach
    void setUp() {
        ledger = TestLedgers.fresh(dir);
        Path sites = TestLedgers.write(
                dir,
                "sites.csv",
                "site_id,name,kind,city,warehouse,channel,lat,lon,opens,closes",
                "WH,Warehouse,warehouse,GZ,,,,,06:00,22:00",
                "ST-1,Store,store,GZ,WH,hall,,,09:00,21:00");
        Path catalog = TestLedgers.write(
                dir,
                "catalog.csv",
                "sku,type,name,brand,price,status,channels,monthly_fee,months",
                "PHONE,handset,Phone,B,1999.00,listed,hall,,",
                "PLAN,plan,Plan,B,0,listed,hall,,");
        ScenarioLedger.importMasterData(ledger, sites, catalog, NOW);
        policies = PolicyService.of(ledger, TestLedgers.at(NOW));
    }

    @Test
    void manualValuesRecordWhoWhyAndUntilAndLock() {
        PolicyRecord p = policies.set(new PolicyService.Change(
                "ST-1", "PHONE", null, 4L, 9L, null, null, "launch week", LocalDate.of(2026, 3, 15)));
        assertThat(p.policy()).isEqualTo(new Policy(7, 4, 9, 0));
        assertThat(p.locked()).isTrue();
        assertThat(p.lockedUntil()).isEqualTo("2026-03-15");
        assertThat(p.source()).isEqualTo("manual");
        assertThat(p.reason()).isEqualTo("launch week");
        assertThat(p.setBy()).isNotBlank();
        PolicyRecord unlocked =
                policies.set(new PolicyService.Change("ST-1", "PHONE", null, null, null, null, false, null, null));
        assertThat(unlocked.locked()).isFalse();
        assertThat(unlocked.policy()).isEqualTo(new Policy(7, 4, 9, 0));
    }

    /**
     * A lock until a day already over is refused, nothing set (the values it was meant to keep would be tuned away at
     * the next run); until today (the lock ends tonight) passes quietly.
     */
    @Test
    void aLockUntilADayAlreadyOverIsRefusedAndSetsNothing() {
        List<String> warnings = new ArrayList<>();
        List<PolicyRecord> before = policies.list(null, null);
        assertThatThrownBy(() -> policies.set(
                        new PolicyService.Change(
                                "ST-1", "PHONE", null, 4L, 9L, null, null, "typo", LocalDate.of(2025, 3, 15)),
                        warnings::add))
                .isInstanceOf(InputRejectedException.class)
                .hasMessage("policy set --site ST-1 --sku PHONE: --until 2025-03-15 is before today (2026-03-02): a"
                        + " lock already over keeps nothing from tuning (a year typed wrong?); nothing set");
        assertThat(policies.list(null, null)).isEqualTo(before);
        PolicyRecord today = policies.set(
                new PolicyService.Change("ST-1", "PHONE", null, 4L, 9L, null, null, "today only", NOW.toLocalDate()),
                warnings::add);
        assertThat(today.lockedUntil()).isEqualTo("2026-03-02");
        assertThat(warnings).isEmpty();
    }

    /**
     * A lock ending more than a year ahead (2062 typed for 2026) keeps tuning away for decades: recorded with a warning,
     * by hand or from a file (on its line); a lock for the season passes quietly.
     */
    @Test
    void aLockEndingMoreThanAYearAheadIsRecordedWithAWarning() {
        List<String> warnings = new ArrayList<>();
        PolicyRecord far = policies.set(
                new PolicyService.Change("ST-1", "PHONE", null, 4L, 9L, null, null, "typo", LocalDate.of(2062, 3, 15)),
                warnings::add);
        assertThat(far.lockedUntil()).isEqualTo("2062-03-15");
        assertThat(warnings)
                .containsExactly("policy set --site ST-1 --sku PHONE: --until 2062-03-15 is more than a year after"
                        + " today (2026-03-02): tuning leaves these values alone until then (a year typed wrong?)");
        warnings.clear();
        policies.set(
                new PolicyService.Change(
                        "ST-1", "PHONE", null, 4L, 9L, null, null, "season", LocalDate.of(2026, 9, 30)),
                warnings::add);
        assertThat(warnings).isEmpty();

        Path file = TestLedgers.write(
                dir, "locks.csv", "site_id,sku,t_days,R,S,L,locked,locked_until", "ST-1,PHONE,7,4,9,0,true,2062-03-15");
        policies.importFile(file, StandardCharsets.UTF_8, false, warnings::add);
        assertThat(warnings)
                .containsExactly(file + ":2: locked_until: ST-1/PHONE: 2062-03-15 is more than a year after today"
                        + " (2026-03-02): tuning leaves these values alone until then (a year typed wrong?); imported as"
                        + " given");
    }

    /**
     * A file's lock ending before today (2025 typed for 2026) is imported with a warning on its line, as given (a
     * listing keeps locks that have ended); the same ended lock imported back from the ledger's listing passes quietly.
     */
    @Test
    void aFilesLockAlreadyOverIsImportedWithAWarningUnlessTheLedgerHasIt() {
        List<String> warnings = new ArrayList<>();
        Path file = TestLedgers.write(
                dir, "ended.csv", "site_id,sku,t_days,R,S,L,locked,locked_until", "ST-1,PHONE,7,4,9,0,true,2025-03-15");
        policies.importFile(file, StandardCharsets.UTF_8, false, warnings::add);
        assertThat(warnings)
                .containsExactly(file + ":2: locked_until: ST-1/PHONE: 2025-03-15 is before today (2026-03-02): the"
                        + " lock is already over, and the next tuning may change these levels (a year typed wrong?);"
                        + " imported as given");
        assertThat(policies.find("ST-1", "PHONE").orElseThrow().lockedUntil()).isEqualTo("2025-03-15");

        warnings.clear();
        Path again = TestLedgers.write(
                dir,
                "listing.csv",
                "site_id,sku,t_days,R,S,L,locked,locked_until",
                "ST-1,PHONE,7,4,9,2,true,2025-03-15");
        policies.importFile(again, StandardCharsets.UTF_8, false, warnings::add);
        assertThat(warnings).isEmpty();
    }

    /** A level set by hand to 5 times the one before or more, or a fifth or less, is set with a warning. */
    @Test
    void aLevelTypedWithADigitTooManyOrTooFewIsSetWithAWarning() {
        List<String> warnings = new ArrayList<>();
        policies.set(new PolicyService.Change("ST-1", "PHONE", null, 20L, 40L, 5L, null, "first", null));
        PolicyRecord p = policies.set(
                new PolicyService.Change("ST-1", "PHONE", null, null, 400L, null, null, "typo", null), warnings::add);
        assertThat(p.policy().s()).isEqualTo(400);
        assertThat(warnings)
                .containsExactly("policy set --site ST-1 --sku PHONE: S 400 is 10 times the S before (40): set as"
                        + " given; check it (a digit typed twice or left out?)");
        warnings.clear();
        policies.set(new PolicyService.Change("ST-1", "PHONE", null, 2L, 40L, 1L, null, "typo", null), warnings::add);
        assertThat(warnings)
                .containsExactly(
                        "policy set --site ST-1 --sku PHONE: S 40 is 1/10 of the S before (400): set as"
                                + " given; check it (a digit typed twice or left out?)",
                        "policy set --site ST-1 --sku PHONE: R 2 is 1/10 of the R before (20): set as given; check it"
                                + " (a digit typed twice or left out?)");
        warnings.clear();
        policies.set(
                new PolicyService.Change("ST-1", "PHONE", null, 6L, 60L, 0L, null, "a larger launch", null),
                warnings::add);
        assertThat(warnings)
                .as("three times R, one and a half times S: no warning")
                .isEmpty();
    }

    /** A policy file's level 5 times the position's one before, or a fifth, is imported with a warning on its line. */
    @Test
    void anImportedLevelFiveTimesTheOneBeforeIsWarnedOfOnItsLine() {
        Path first =
                TestLedgers.write(dir, "first.csv", "site_id,sku,t_days,R,S,L,locked", "ST-1,PHONE,7,20,40,5,false");
        policies.importFile(first, StandardCharsets.UTF_8, false, w -> {});
        Path typo =
                TestLedgers.write(dir, "typo.csv", "site_id,sku,t_days,R,S,L,locked", "ST-1,PHONE,7,20,400,5,false");
        List<String> warnings = new ArrayList<>();
        policies.importFile(typo, StandardCharsets.UTF_8, false, warnings::add);
        assertThat(warnings)
                .containsExactly(typo + ":2: S: ST-1/PHONE: S 400 is 10 times the S before (40): imported as given;"
                        + " check it (a digit typed twice or left out?)");
        assertThat(policies.find("ST-1", "PHONE").orElseThrow().policy().s()).isEqualTo(400);
    }

    /**
     * A file's {@code reason} column is recorded when it gives a reason other than the policy's; a cell equal to the
     * policy's reason (an edited listing's untouched cell) or empty gives none: the file's name is the reason of a
     * change, and a row that changes nothing else is left as it is.
     */
    @Test
    void aRowsReasonIsRecordedWhenItGivesANewOne() {
        UpsertCounts created = importWithReasons("launch.csv", "ST-1,PHONE,7,4,9,0,true,,launch week");
        assertThat(created.created()).isEqualTo(1);
        assertThat(policies.find("ST-1", "PHONE").orElseThrow().reason()).isEqualTo("launch week");

        UpsertCounts same = importWithReasons("same.csv", "ST-1,PHONE,7,4,9,0,true,,launch week", true);
        assertThat(same.unchanged()).as("the same levels and reason").isEqualTo(1);

        UpsertCounts edited = importWithReasons("edited.csv", "ST-1,PHONE,7,4,12,0,true,,launch week");
        assertThat(edited.updated()).isEqualTo(1);
        PolicyRecord afterEdit = policies.find("ST-1", "PHONE").orElseThrow();
        assertThat(afterEdit.policy().s()).isEqualTo(12);
        assertThat(afterEdit.reason())
                .as("the reason cell left as listed is not the reason of this change")
                .isEqualTo("import edited.csv (batch " + edited.batchId() + ")");

        UpsertCounts reworded = importWithReasons("reworded.csv", "ST-1,PHONE,7,4,12,0,true,,\"spring promo, GZ\"");
        assertThat(reworded.updated()).as("only the reason changes").isEqualTo(1);
        PolicyRecord afterReword = policies.find("ST-1", "PHONE").orElseThrow();
        assertThat(afterReword.reason()).isEqualTo("spring promo, GZ");
        assertThat(afterReword.source()).isEqualTo("import");

        UpsertCounts blank = importWithReasons("blank.csv", "ST-1,PHONE,7,4,12,0,true,,");
        assertThat(blank.unchanged()).as("an empty reason gives none").isEqualTo(1);
        assertThat(policies.find("ST-1", "PHONE").orElseThrow().reason()).isEqualTo("spring promo, GZ");
    }

    private UpsertCounts importWithReasons(String name, String row) {
        return importWithReasons(name, row, false);
    }

    /** One row under the header of a listing's file columns and {@code reason}. */
    private UpsertCounts importWithReasons(String name, String row, boolean force) {
        Path file = TestLedgers.write(dir, name, "site_id,sku,t_days,R,S,L,locked,locked_until,reason", row);
        return policies.importFile(file, StandardCharsets.UTF_8, force, w -> {});
    }

    @Test
    void invalidLevelsAreRejectedWithEveryReason() {
        assertThatThrownBy(
                        () -> policies.set(new PolicyService.Change("ST-1", "PHONE", 0, 5L, 4L, 6L, null, null, null)))
                .isInstanceOf(InputRejectedException.class)
                .hasMessageContaining("t must be at least 1")
                .hasMessageContaining("L (6) must be <= R (5)")
                .hasMessageContaining("R (5) must be <= S (4)");
        assertThatThrownBy(() -> policies.set(new PolicyService.Change("WH", "PHONE", 7, 1L, 2L, 0L, null, null, null)))
                .isInstanceOf(InputRejectedException.class);
        assertThatThrownBy(
                        () -> policies.set(new PolicyService.Change("ST-1", "PLAN", 7, 1L, 2L, 0L, null, null, null)))
                .isInstanceOf(InputRejectedException.class);
    }

    /** A reason holds what a policies.csv reason cell may: a listing of it imports back. */
    @Test
    void aReasonWithAControlCharacterIsRefusedAndSetsNothing() {
        assertThatThrownBy(() -> policies.set(
                        new PolicyService.Change("ST-1", "PHONE", 7, 5L, 9L, 1L, null, "launch\npromo", null)))
                .isInstanceOf(InputRejectedException.class)
                .hasMessageContaining("--reason contains the control character \\x0a at character 7");
        assertThat(policies.list(null, null)).isEmpty();
    }

    @Test
    void importValidatesEveryRowBeforeWriting() {
        Path bad = TestLedgers.write(
                dir,
                "policies.csv",
                "site_id,sku,t_days,R,S,L,locked",
                "ST-1,PHONE,7,5,4,1,false",
                "WH,PHONE,7,1,2,0,false",
                "ST-1,PHONE,x,1,2,0,maybe",
                "ST-1,PHONE,7,1,2,0,");
        assertThatThrownBy(() -> policies.importFile(bad, StandardCharsets.UTF_8, false, w -> {}))
                .isInstanceOfSatisfying(
                        InputRejectedException.class,
                        e -> assertThat(e.problems())
                                .extracting(p -> p.toString().replace(dir + "/", ""))
                                .contains(
                                        "policies.csv:2: R: R (5) must be <= S (4)",
                                        "policies.csv:3: site_id: 'WH' is a warehouse; " + PolicyFile.STORES_ONLY,
                                        "policies.csv:4: t_days: 'x' is not a whole number",
                                        "policies.csv:4: locked: 'maybe' is not true or false",
                                        "policies.csv:5: locked: is empty: true (never tuned) or false"));
        assertThat(policies.list(null, null)).isEmpty();
        Path good = TestLedgers.write(dir, "good.csv", "site_id,sku,t_days,R,S,L,locked", "ST-1,PHONE,14,3,8,1,true");
        UpsertCounts r = policies.importFile(good, StandardCharsets.UTF_8, false, w -> {});
        assertThat(r.created()).isEqualTo(1);
        PolicyRecord p = policies.list(null, null).get(0);
        assertThat(p.policy()).isEqualTo(new Policy(14, 3, 8, 1));
        assertThat(p.locked()).isTrue();
        assertThat(p.source()).isEqualTo("import");
        assertThatThrownBy(() -> policies.importFile(good, StandardCharsets.UTF_8, false, w -> {}))
                .isInstanceOf(InputRejectedException.class)
                .hasMessageContaining("already imported");
    }
}
