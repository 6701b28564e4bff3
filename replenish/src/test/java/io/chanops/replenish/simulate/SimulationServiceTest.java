package io.chanops.replenish.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chanops.ledger.InputRejectedException;
import io.chanops.ledger.Ledger;
import io.chanops.ledger.OperationContext;
import io.chanops.ledger.model.Position;
import io.chanops.ledger.model.ProductType;
import io.chanops.ledger.testing.TestLedgers;
import io.chanops.replenish.check.ScenarioLedger;
import io.chanops.replenish.policy.Policy;
import io.chanops.replenish.policy.PolicyRecord;
import io.chanops.replenish.policy.PolicyService;
import io.chanops.replenish.policy.ReviewCycle;
import io.chanops.replenish.policy.TuneService;
import io.chanops.replenish.stock.MoveImport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulation on a real ledger: what it reads in bulk, the candidates it builds, and that it writes nothing. */
class SimulationServiceTest {
    private static final LocalDateTime SETUP = LocalDateTime.of(2026, 1, 20, 8, 0);
    private static final LocalDate FROM = LocalDate.of(2026, 2, 16);
    private static final LocalDate TO = LocalDate.of(2026, 2, 22);
    private static final Map<ProductType, Long> DISPLAY = Map.of(ProductType.HANDSET, 1L);
    private static final Position ST1_PHONE = new Position("ST-1", "PHONE");
    private static final Position ST1_CASE = new Position("ST-1", "CASE");
    private static final Position ST2_CASE = new Position("ST-2", "CASE");

    @TempDir
    Path dir;

    Ledger ledger;

    @BeforeEach
    void setUp() {
        ledger = new ScenarioLedger(dir, SETUP).ledger;
        List<String> moves = new ArrayList<>(List.of(
                "at,site_id,sku,kind,qty,ref",
                "2026-01-19 08:00,ST-1,PHONE,count,20,INV-1",
                "2026-01-19 08:00,ST-1,CASE,count,9,INV-1",
                "2026-01-19 08:00,WH,PHONE,count,100,INV-1",
                // the same minute: a receipt then a count (the count wins) and a count then a receipt (both count)
                "2026-02-10 09:00,ST-1,PHONE,receipt,5,GRN-1",
                "2026-02-10 09:00,ST-1,PHONE,count,7,INV-2",
                "2026-02-10 09:00,ST-1,CASE,count,4,INV-2",
                "2026-02-10 09:00,ST-1,CASE,receipt,6,GRN-2",
                // ST-2 CASE never counted: receipts, a transfer out and a negative adjustment
                "2026-02-01 10:00,ST-2,CASE,receipt,3,GRN-3",
                "2026-02-12 10:00,ST-2,CASE,transfer_out,2,TO-1",
                "2026-02-13 10:00,ST-2,CASE,adjust,-4,ADJ-1",
                // sales around the window's edges: the day before, its first second, its last second, the day after
                "2026-02-15 23:59:59,ST-1,CASE,sale,1,",
                "2026-02-16 00:00:00,ST-1,CASE,sale,2,",
                "2026-02-16 15:00,ST-1,CASE,sale,1,",
                "2026-02-22 23:59:59,ST-1,CASE,sale,3,",
                "2026-02-23 00:00:00,ST-1,CASE,sale,4,"));
        // ST-1 PHONE: one sale a day from 01-20 to 02-20 (its history and the window)
        for (LocalDate d = LocalDate.of(2026, 1, 20); !d.isAfter(LocalDate.of(2026, 2, 20)); d = d.plusDays(1)) {
            moves.add(d + " 12:00,ST-1,PHONE,sale,1,");
        }
        new MoveImport(ledger, OperationContext.at(LocalDateTime.of(2026, 2, 24, 8, 0), ledger.zone()))
                .importFile(
                        TestLedgers.write(dir, "moves.csv", moves.toArray(String[]::new)),
                        StandardCharsets.UTF_8,
                        false,
                        w -> {},
                        null,
                        null);
        policy("ST-1", "PHONE", 7, 3, 8, 1);
        policy("ST-1", "CASE", 7, 2, 6, 0);
        policy("ST-2", "CASE", 5, 1, 4, 0);
    }

    /** An unlocked policy (policy set locks new levels unless told not to). */
    private void policy(String site, String sku, int t, long r, long s, long l) {
        PolicyService.of(ledger, TestLedgers.at(SETUP))
                .set(new PolicyService.Change(site, sku, t, r, s, l, false, "test", null));
    }

    private SimulationService.Request request(LocalDate from, LocalDate to, Path policies, List<ServiceLevel> levels) {
        return new SimulationService.Request(
                from,
                to,
                null,
                null,
                policies,
                StandardCharsets.UTF_8,
                levels,
                28,
                2,
                ReviewCycle.DEFAULT_ANCHOR,
                DISPLAY,
                true);
    }

    private SimulationService.Recorded read(SimulationService.Request r) {
        return ledger.read(h -> SimulationService.of(ledger).read(r, null));
    }

    private static RecordedPosition position(SimulationService.Recorded recorded, Position p) {
        return recorded.positions().stream()
                .filter(x -> x.position().equals(p))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void positionsAreTheStorePositionsWithAPolicyInOrder() {
        SimulationService.Recorded all = read(request(FROM, TO, null, List.of()));
        assertThat(all.positions())
                .extracting(RecordedPosition::position)
                .containsExactly(ST1_CASE, ST1_PHONE, ST2_CASE);
        assertThat(all.positions().get(1).current()).isEqualTo(new Policy(7, 3, 8, 1));
        SimulationService.Request onlyCase = new SimulationService.Request(
                FROM,
                TO,
                null,
                "CASE",
                null,
                StandardCharsets.UTF_8,
                List.of(),
                28,
                2,
                ReviewCycle.DEFAULT_ANCHOR,
                DISPLAY,
                true);
        assertThat(read(onlyCase).positions())
                .extracting(RecordedPosition::position)
                .containsExactly(ST1_CASE, ST2_CASE);
    }

    @Test
    void openingStockIsTheLedgersFoldOfEveryMoveBeforeFrom() {
        // after every move: the ledger's own on hand
        SimulationService.Recorded later =
                read(request(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 1), null, List.of()));
        Map<Position, Long> levels = new HashMap<>();
        ledger.read(h -> h.createQuery("SELECT site_id, sku, on_hand FROM stock_level")
                .map((rs, c) -> levels.put(new Position(rs.getString(1), rs.getString(2)), rs.getLong(3)))
                .list());
        for (RecordedPosition p : later.positions()) {
            assertThat(p.onHandAtStart()).as(p.position().toString()).isEqualTo(levels.get(p.position()));
        }
        // at the start of FROM: as policy tune's ordered fold sees it
        SimulationService.Recorded atFrom = read(request(FROM, TO, null, List.of(new ServiceLevel("0.95", 0.95))));
        for (int i = 0; i < atFrom.positions().size(); i++) {
            assertThat(atFrom.positions().get(i).onHandAtStart())
                    .isEqualTo(atFrom.histories().get(i).onHand());
        }
        // 7 counted (the receipt of the same minute came first), then a sale a day on 02-10..02-15
        assertThat(position(atFrom, ST1_PHONE).onHandAtStart()).isEqualTo(1);
        // 4 counted, then 6 received in the same minute, then 1 sold the day before
        assertThat(position(atFrom, ST1_CASE).onHandAtStart()).isEqualTo(9);
        // never counted: 3 - 2 - 4
        assertThat(position(atFrom, ST2_CASE).onHandAtStart()).isEqualTo(-3);
    }

    @Test
    void salesOfTheWindowAreGroupedByDayFromTheFirstSecondToTheLast() {
        SimulationService.Recorded r = read(request(FROM, TO, null, List.of()));
        assertThat(position(r, ST1_CASE).demand(7)).containsExactly(3, 0, 0, 0, 0, 0, 3);
        assertThat(position(r, ST1_PHONE).demand(7)).containsExactly(1, 1, 1, 1, 1, 0, 0);
        assertThat(position(r, ST2_CASE).demand(7)).containsExactly(0, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void serviceLevelCandidatesAreTheLevelsPolicyTuneSetsOnFromIgnoringLocks() {
        PolicyService.of(ledger, TestLedgers.at(SETUP))
                .set(new PolicyService.Change("ST-1", "PHONE", null, null, null, null, true, "keep", null));
        List<PolicyRecord> before =
                PolicyService.of(ledger, TestLedgers.at(SETUP)).list(null, null);
        List<ServiceLevel> levels = ServiceLevel.parseList("0.90,0.98");
        SimulationService.Request r = request(FROM, TO, null, levels);
        List<Candidate> tuned = SimulationService.tuned(read(r), r);
        assertThat(tuned).extracting(Candidate::name).containsExactly("sl=0.90", "sl=0.98");
        PolicyService.of(ledger, TestLedgers.at(SETUP))
                .set(new PolicyService.Change("ST-1", "PHONE", null, null, null, null, false, null, null));
        List<Position> order = List.of(ST1_CASE, ST1_PHONE, ST2_CASE);
        for (int k = 0; k < levels.size(); k++) {
            TuneService.Report report = TuneService.of(ledger, TestLedgers.at(FROM.atStartOfDay()))
                    .tune(new TuneService.Options(28, levels.get(k).value(), 2, null, null, true, DISPLAY), true, null);
            for (int i = 0; i < order.size(); i++) {
                Position p = order.get(i);
                TuneService.Row row = report.rows().stream()
                        .filter(x -> x.siteId().equals(p.siteId()) && x.sku().equals(p.sku()))
                        .findFirst()
                        .orElseThrow();
                Policy expected = row.tuned() != null ? row.tuned() : row.old();
                assertThat(tuned.get(k).policies().get(i))
                        .as(levels.get(k) + " " + p)
                        .isEqualTo(expected);
            }
        }
        // ST-1 PHONE sold one a day: tuned, though it was locked
        assertThat(tuned.get(1).policies().get(1)).isNotEqualTo(new Policy(7, 3, 8, 1));
        assertThat(before.stream().map(PolicyRecord::policy).toList())
                .as("nothing written")
                .isEqualTo(PolicyService.of(ledger, TestLedgers.at(SETUP)).list(null, null).stream()
                        .map(PolicyRecord::policy)
                        .toList());
    }

    /**
     * A window without a single sale (a year typed wrong) is simulated, with a warning that its figures say nothing.
     */
    @Test
    void aWindowWithoutSalesIsWarnedOf() {
        List<String> warnings = new ArrayList<>();
        SimulationReport report = SimulationService.of(ledger)
                .simulate(request(FROM.minusYears(1), TO.minusYears(1), null, List.of()), warnings::add, null);
        assertThat(report.candidates().get(0).total().demand()).isZero();
        assertThat(warnings)
                .containsExactly("no sales from 2025-02-16 to 2025-02-22 at the 3 positions simulated: the simulation"
                        + " replays the ledger's own sales, so its figures say nothing (a year typed wrong, or the"
                        + " moves of that time not imported?)");
        warnings.clear();
        SimulationService.of(ledger).simulate(request(FROM, TO, null, List.of()), warnings::add, null);
        assertThat(warnings).as("a window with sales").isEmpty();
    }

    @Test
    void aPoliciesFileReplacesTheLevelsOfItsPositionsOnly() {
        Path file = TestLedgers.write(
                dir,
                "next-week.csv",
                "site_id,sku,t_days,R,S,L,locked",
                "ST-1,PHONE,7,5,12,2,false",
                "ST-2,PHONE,7,1,2,0,false"); // no current policy: not simulated
        List<String> warnings = new ArrayList<>();
        SimulationReport report = SimulationService.of(ledger)
                .simulate(request(FROM, TO, file, List.of(new ServiceLevel("0.95", 0.95))), warnings::add, null);
        assertThat(report.candidates())
                .extracting(SimulationReport.Result::candidate)
                .containsExactly("current", "next-week", "sl=0.95");
        assertThat(warnings).containsExactly("1 position(s) of next-week.csv have no current policy: not simulated");
        SimulationReport.Result current = report.candidates().get(0);
        SimulationReport.Result next = report.candidates().get(1);
        assertThat(next.total().positions()).isEqualTo(3);
        assertThat(next.positions().get(0)).isEqualTo(current.positions().get(0)); // ST-1 CASE kept its levels
        assertThat(next.positions().get(2)).isEqualTo(current.positions().get(2)); // ST-2 CASE too
        assertThat(next.positions().get(1)).isNotEqualTo(current.positions().get(1));
        assertThat(report.days()).isEqualTo(7);
    }

    @Test
    void aBadPoliciesFileIsRejectedWithItsLines() {
        Path file = TestLedgers.write(
                dir,
                "bad.csv",
                "site_id,sku,t_days,R,S,L,locked",
                "ST-1,PHONE,7,5,4,2,false",
                "WH,PHONE,7,1,2,0,false");
        assertThatThrownBy(
                        () -> SimulationService.of(ledger).simulate(request(FROM, TO, file, List.of()), w -> {}, null))
                .isInstanceOfSatisfying(
                        InputRejectedException.class,
                        e -> assertThat(e.problems().toString())
                                .contains("bad.csv:2: R: R (5) must be <= S (4)")
                                .contains("bad.csv:3:"));
    }

    @Test
    void aCandidateIsNamedAfterItsFile() {
        assertThat(SimulationService.candidateName(Path.of("/tmp/policies.csv")))
                .isEqualTo("policies");
        assertThat(SimulationService.candidateName(Path.of("q2.levels.csv"))).isEqualTo("q2.levels");
        assertThat(SimulationService.candidateName(Path.of("levels"))).isEqualTo("levels");
        assertThat(SimulationService.candidateName(Path.of("current.csv"))).isEqualTo("current.csv");
    }

    @Test
    void serviceLevelListsAreCheckedItemByItem() {
        assertThat(ServiceLevel.parseList("0.90, 0.95,.98"))
                .extracting(ServiceLevel::candidateName)
                .containsExactly("sl=0.90", "sl=0.95", "sl=.98");
        assertThatThrownBy(() -> ServiceLevel.parseList("0.9,1"))
                .hasMessageContaining("service level 1 is not between 0 and 1");
        assertThatThrownBy(() -> ServiceLevel.parseList("0.9,,0.95"))
                .hasMessageContaining("'' is not a decimal number");
        assertThatThrownBy(() -> ServiceLevel.parseList("0.9,0.90")).hasMessageContaining("0.90 is listed twice");
        assertThatThrownBy(() -> ServiceLevel.parseList("95%")).hasMessageContaining("'95%' is not a decimal number");
        assertThatThrownBy(() -> ServiceLevel.parseList("0.9,97.5"))
                .hasMessage("service level 97.5 is not between 0 and 1 (exclusive), e.g. 0.95 (97.5 reads as a percent:"
                        + " did you mean 0.975?)");
        assertThatThrownBy(() -> ServiceLevel.parseList("1.5"))
                .as("not a percent anyone sets")
                .hasMessage("service level 1.5 is not between 0 and 1 (exclusive), e.g. 0.95");
    }
}
