package io.chanops.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chanops.ledger.InputRejectedException;
import io.chanops.ledger.Ledger;
import io.chanops.ledger.OperationContext;
import io.chanops.ledger.OutputFailedException;
import io.chanops.ledger.testing.TestLedgers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommissionServiceTest {
    private static final YearMonth JAN = YearMonth.of(2026, 1);
    private static final YearMonth FEB = YearMonth.of(2026, 2);
    private static final YearMonth MAR = YearMonth.of(2026, 3);
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 3, 2, 9, 30);

    @TempDir
    Path dir;

    private ReconciledLedger l;

    @BeforeEach
    void setUp() {
        l = new ReconciledLedger(dir);
    }

    private void loadRules(String... lines) {
        Path file = TestLedgers.writeRows(dir, "rules-" + System.nanoTime() + ".csv", Rules.HEADER, lines);
        commission(l.ledger).loadRules(file, StandardCharsets.UTF_8, w -> {});
    }

    private CommissionReport report(YearMonth month) {
        return commission(l.ledger).report(month);
    }

    private long activeSet() {
        return l.ledger.read(h -> new RuleSetRepository(h).requireActive().setId());
    }

    private int count(String table) {
        Integer n = l.ledger.read(h -> h.createQuery("SELECT COUNT(*) FROM " + table)
                .mapTo(Integer.class)
                .one());
        return n;
    }

    private static long net(CommissionReport r) {
        return r.netFen();
    }

    @Test
    void withoutAnyRuleSetTheReportIsRefusedClearly() {
        assertThatThrownBy(() -> report(FEB))
                .isInstanceOf(InputRejectedException.class)
                .hasMessageContaining("no commission rules in the ledger yet");
    }

    @Test
    void aMonthWithNoDataIsEmpty() {
        loadRules("CT,,,contract,,fixed,90.00,,,,180");
        CommissionReport r = report(FEB);
        assertThat(r.lines()).isEmpty();
        assertThat(r.netFen()).isZero();
    }

    @Test
    void onlyLiveConfirmedOrdersCreatedInTheMonthCountOnceWithTheBossNet() {
        loadRules("HS,,,handset,,percent,2,,,,30");
        long r1 = l.run("2026-03-01 10:00:00");
        long r2 = l.run("2026-03-02 10:00:00");
        l.live(r1, "A", "2026-02-03 10:00:00", "GZ-TH-01", "HS-MI15-256", 1, 429_900);
        l.live(
                r2,
                "A",
                "2026-02-03 10:00:00",
                "GZ-TH-01",
                "HS-MI15-256",
                1,
                419_900); // reconciled again: latest run wins
        l.live(r1, "B", "2026-01-31 23:59:59", "GZ-TH-01", "HS-MI15-256", 1, 429_900); // January
        l.live(r1, "C", "2026-03-01 00:00:00", "GZ-TH-01", "HS-MI15-256", 1, 429_900); // March
        l.confirmed(
                r1,
                "D",
                "2026-02-04 10:00:00",
                "GZ-TH-01",
                "HS-MI15-256",
                1,
                429_900,
                "paid",
                false,
                null); // BOSS not live
        CommissionReport r = report(FEB);
        assertThat(r.lines()).singleElement().satisfies(line -> {
            assertThat(line.orderId()).isEqualTo("A");
            assertThat(line.amountFen()).isEqualTo(419_900);
            assertThat(line.commissionFen()).isEqualTo(8_398);
            assertThat(line.channel()).isEqualTo("hall");
            assertThat(line.type()).isEqualTo("handset");
        });
    }

    @Test
    void theChannelComesFromTheSiteInTheLedgerAndUnknownSitesAreNamed() {
        loadRules("HS-P,partner,,handset,,percent,3,,,,30", "HS,,,handset,,percent,1,,,,30");
        long run = l.run("2026-03-02 10:00:00");
        l.live(run, "P", "2026-02-03 10:00:00", "GZ-PY-P1", "HS-MI15-256", 1, 100_000);
        l.live(run, "U", "2026-02-03 11:00:00", "SZ-XX-01", "HS-MI15-256", 1, 100_000);
        CommissionReport r = report(FEB);
        assertThat(r.lines()).extracting(CommissionLine::ruleId).containsExactly("HS-P", "HS");
        assertThat(r.unknownSites()).containsExactly("SZ-XX-01");
    }

    @Test
    void anOrderOfASkuTheCatalogDoesNotKnowMatchesOnlyRulesWithoutATypeAndIsNamed() {
        loadRules("HS,,,handset,,percent,3,,,,30", "ANY,hall,,,,fixed,1.00,,,,");
        long run = l.run("2026-03-02 10:00:00");
        l.live(run, "N", "2026-02-03 10:00:00", "GZ-TH-01", "HS-NEW-2026", 2, 100_000);
        CommissionReport r = report(FEB);
        assertThat(r.lines()).singleElement().satisfies(line -> {
            assertThat(line.ruleId()).isEqualTo("ANY");
            assertThat(line.commissionFen()).isEqualTo(200);
        });
        assertThat(r.unknownSkus()).containsExactly("HS-NEW-2026");
    }

    @Test
    void aCancellationInsideTheWindowIsClawedBackOnceInTheMonthOfTheCancellation() {
        loadRules("CT,,,contract,,fixed,90.00,,,,30");
        long jan = l.run("2026-02-01 09:00:00");
        l.live(jan, "K", "2026-01-20 10:00:00", "GZ-TH-01", "CT-5G-129-24", 1, 12_900);
        assertThat(net(report(JAN))).isEqualTo(9_000);
        long feb = l.run("2026-03-01 09:00:00");
        l.cancelled(feb, "K", "2026-01-20 10:00:00", "GZ-TH-01", "CT-5G-129-24", 1, "2026-02-10 15:00:00");
        CommissionReport february = report(FEB);
        assertThat(february.newClawbacks()).isEqualTo(1);
        assertThat(february.lines()).singleElement().satisfies(line -> {
            assertThat(line.clawback()).isTrue();
            assertThat(line.commissionFen()).isEqualTo(-9_000);
            assertThat(line.explain()).contains("refunded on 2026-02-10, 21 days after the order");
        });
        // January keeps its commission: it was paid; the reversal is February's
        assertThat(net(report(JAN))).isEqualTo(9_000);
        // later runs showing the same cancellation again never book it twice
        long mar = l.run("2026-04-01 09:00:00");
        l.cancelled(mar, "K", "2026-01-20 10:00:00", "GZ-TH-01", "CT-5G-129-24", 1, "2026-02-10 15:00:00");
        CommissionReport again = report(FEB);
        assertThat(again.newClawbacks()).isZero();
        assertThat(again.lines()).hasSize(1);
        assertThat(report(MAR).lines()).isEmpty();
        assertThat(count("commission_clawback")).isEqualTo(1);
    }

    @Test
    void aCancellationOutsideTheWindowLeavesTheCommissionAlone() {
        loadRules("CT,,,contract,,fixed,90.00,,,,20");
        long jan = l.run("2026-02-01 09:00:00");
        l.live(jan, "K", "2026-01-20 10:00:00", "GZ-TH-01", "CT-5G-129-24", 1, 12_900);
        long feb = l.run("2026-03-01 09:00:00");
        l.cancelled(
                feb, "K", "2026-01-20 10:00:00", "GZ-TH-01", "CT-5G-129-24", 1, "2026-02-10 15:00:00"); // 21 days > 20
        assertThat(report(FEB).lines()).isEmpty();
        assertThat(net(report(JAN))).isEqualTo(9_000);
    }

    @Test
    void anOrderCancelledInItsOwnMonthEarnsNothingAndIsNotClawedBack() {
        loadRules("CT,,,contract,,fixed,90.00,,,,30");
        long r1 = l.run("2026-02-15 09:00:00");
        l.live(r1, "K", "2026-02-02 10:00:00", "GZ-TH-01", "CT-5G-129-24", 1, 12_900);
        long r2 = l.run("2026-03-01 09:00:00");
        l.cancelled(r2, "K", "2026-02-02 10:00:00", "GZ-TH-01", "CT-5G-129-24", 1, "2026-02-20 10:00:00");
        assertThat(report(FEB).lines()).isEmpty();
        assertThat(report(MAR).lines()).isEmpty();
    }

    @Test
    void anOrderNeverConfirmedLiveIsNeverClawedBack() {
        loadRules("CT,,,contract,,fixed,90.00,,,,30");
        long r = l.run("2026-03-01 09:00:00");
        l.cancelled(r, "K", "2026-01-20 10:00:00", "GZ-TH-01", "CT-5G-129-24", 1, "2026-02-10 15:00:00");
        assertThat(report(FEB).lines()).isEmpty();
    }

    @Test
    void aReportWhoseFilesCannotBeWrittenCommitsNeitherItsRuleSetNorItsClawbacks() {
        loadRules("CT,,,contract,,fixed,90.00,,,,30");
        long jan = l.run("2026-02-01 09:00:00");
        l.live(jan, "K", "2026-01-20 10:00:00", "GZ-TH-01", "CT-5G-129-24", 1, 12_900);
        long feb = l.run("2026-03-01 09:00:00");
        l.cancelled(feb, "K", "2026-01-20 10:00:00", "GZ-TH-01", "CT-5G-129-24", 1, "2026-02-10 15:00:00");
        Path r2 = TestLedgers.write(dir, "r2.csv", Rules.HEADER, "CT,,,contract,,fixed,100.00,,,,30");
        RuleSetRepository.Validated rules = commission(l.ledger).readRules(r2, StandardCharsets.UTF_8, w -> {});
        assertThatThrownBy(() -> commission(l.ledger).report(FEB, Optional.of(rules), report -> {
                    assertThat(report.ruleSet().setId()).isEqualTo(2);
                    assertThat(report.newClawbacks()).isEqualTo(1);
                    throw new OutputFailedException("out/commission.csv: No space left on device");
                }))
                .isInstanceOf(OutputFailedException.class);
        assertThat(activeSet()).isEqualTo(1);
        assertThat(count("commission_clawback")).isZero();
        assertThatThrownBy(() -> CostService.of(l.ledger, context())
                        .report(FEB, ChannelRates.defaults(), Optional.of(rules), result -> {
                            throw new OutputFailedException("out/cost.csv: No space left on device");
                        }))
                .isInstanceOf(OutputFailedException.class);
        assertThat(activeSet()).isEqualTo(1);

        CommissionService.Outcome done = commission(l.ledger).report(FEB, Optional.of(rules), report -> {});
        assertThat(done.rules())
                .hasValueSatisfying(loaded -> assertThat(loaded.set().setId()).isEqualTo(2));
        assertThat(count("commission_clawback")).isEqualTo(1);
    }

    @Test
    void aNewRuleSetBecomesActiveAndEarlierSetsAreKept() {
        loadRules("CT,,,contract,,fixed,90.00,,,,30");
        loadRules("CT,,,contract,,fixed,100.00,,,,30");
        long run = l.run("2026-03-02 10:00:00");
        l.live(run, "K", "2026-02-02 10:00:00", "GZ-TH-01", "CT-5G-129-24", 2, 25_800);
        CommissionReport r = report(FEB);
        assertThat(r.ruleSet().setId()).isEqualTo(2);
        assertThat(r.netFen()).isEqualTo(20_000);
        assertThat(count("commission_rule")).isEqualTo(2);
    }

    @Test
    void loadingTheActiveFileAgainAddsNoSet() {
        Path file = TestLedgers.write(dir, "rules.csv", Rules.HEADER, "CT,,,contract,,fixed,90.00,,,,30");
        assertThat(commission(l.ledger)
                        .loadRules(file, StandardCharsets.UTF_8, w -> {})
                        .unchanged())
                .isFalse();
        RuleSetRepository.Loaded again = commission(l.ledger).loadRules(file, StandardCharsets.UTF_8, w -> {});
        assertThat(again.unchanged()).isTrue();
        assertThat(again.set().setId()).isEqualTo(1);
        assertThat(again.set().book().rules())
                .singleElement()
                .satisfies(rule -> assertThat(rule.fixedFen()).isEqualTo(9_000));
    }

    @Test
    void rulesReadBackFromTheLedgerEqualTheFile() {
        List<CommissionRule> fromFile = RuleFile.read(
                TestLedgers.sample("commission-rules.csv"),
                StandardCharsets.UTF_8,
                RuleFile.MasterData.none(),
                w -> {});
        commission(l.ledger).loadRules(TestLedgers.sample("commission-rules.csv"), StandardCharsets.UTF_8, w -> {});
        List<CommissionRule> stored = l.ledger.read(
                h -> new RuleSetRepository(h).requireActive().book().rules());
        assertThat(stored).isEqualTo(fromFile);
    }

    @Test
    void transactionsOfADayReadByTwoRunsCountOnceFromTheLatest() {
        loadRules("CT,,,contract,,fixed,90.00,,,,30");
        long r1 = l.run("2026-03-01 09:00:00");
        long r2 = l.run("2026-03-02 09:00:00");
        l.activity(r1, "2026-02-01", "GZ-TH-01", 40);
        l.activity(r2, "2026-02-01", "GZ-TH-01", 42); // the same day again (re-export): latest counts
        l.activity(r1, "2026-02-02", "GZ-TH-01", 10);
        l.activity(r1, "2026-02-02", "GZ-WEB", 30);
        l.activity(r1, "2026-03-01", "GZ-WEB", 99); // March
        l.activity(r1, "2026-02-02", "SZ-XX-01", 5);
        Map<String, Long> txns = l.ledger.read(h -> CostService.transactions(h, FEB));
        assertThat(txns)
                .containsEntry("hall", 52L)
                .containsEntry("e-channel", 30L)
                .containsEntry(null, 5L)
                .hasSize(3);
        CostService.Result result = CostService.of(l.ledger, context()).report(FEB, ChannelRates.defaults());
        assertThat(result.cost().total().transactions()).isEqualTo(87);
    }

    private static OperationContext context() {
        return OperationContext.at(NOW, ZoneId.of("Asia/Shanghai"));
    }

    private static CommissionService commission(Ledger ledger) {
        return new CommissionService(ledger, context());
    }
}
