package io.chanops.replenish.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.ledger.model.ProductType;
import io.chanops.ledger.testing.TestLedgers;
import io.chanops.replenish.policy.Policy;
import io.chanops.replenish.policy.PolicyRecord;
import io.chanops.replenish.policy.PolicyRepository;
import io.chanops.replenish.policy.PolicyService;
import io.chanops.replenish.policy.PolicyTuner;
import io.chanops.replenish.policy.TuneService;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TuneServiceTest {
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 3, 2, 9, 30);
    private static final Map<ProductType, Long> DISPLAY = Map.of(ProductType.HANDSET, 1L);

    @TempDir
    Path dir;

    ScenarioLedger s;

    @BeforeEach
    void setUp() {
        s = new ScenarioLedger(dir);
        // ST-1 PHONE: 1 sale a day 02-02..02-11, out of stock 02-12..02-20, restocked 02-21, 1 sale a day 02-21..03-01
        List<String> moves = new ArrayList<>();
        moves.add("2026-02-01 08:00,ST-1,PHONE,count,10,");
        for (LocalDate d = LocalDate.of(2026, 2, 2); d.isBefore(LocalDate.of(2026, 3, 2)); d = d.plusDays(1)) {
            if (d.isAfter(LocalDate.of(2026, 2, 11)) && d.isBefore(LocalDate.of(2026, 2, 21))) {
                continue;
            }
            if (d.equals(LocalDate.of(2026, 2, 21))) {
                moves.add(d + " 08:00,ST-1,PHONE,receipt,10,GRN-1");
            }
            moves.add(d + " 12:00,ST-1,PHONE,sale,1,");
        }
        moves.add("2026-02-01 08:00,ST-1,CASE,count,5,");
        moves.add("2026-02-01 08:00,ST-2,CASE,count,5,");
        moves.add("2026-03-02 09:00,ST-2,PHONE,count,3,"); // only today: no history yet
        s.moves(LocalDateTime.of(2026, 3, 2, 9, 0), moves.toArray(String[]::new));
    }

    private TuneService.Report tune(String site, boolean dryRun) {
        return TuneService.of(s.ledger, TestLedgers.at(NOW))
                .tune(new TuneService.Options(28, 0.95, 2, site, null, dryRun, DISPLAY), true, null);
    }

    private Optional<PolicyRecord> find(String site, String sku) {
        return s.ledger.read(h -> h.attach(PolicyRepository.class).find(site, sku));
    }

    private TuneService.Row row(TuneService.Report r, String site, String sku) {
        return r.rows().stream()
                .filter(x -> x.siteId().equals(site) && x.sku().equals(sku))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void daysEntirelyOutOfStockAreLeftOut() {
        TuneService.Report r = tune(null, false);
        assertThat(r.from()).isEqualTo(LocalDate.of(2026, 2, 2));
        assertThat(r.to()).isEqualTo(LocalDate.of(2026, 3, 1));
        TuneService.Row phone = row(r, "ST-1", "PHONE");
        assertThat(phone.stats().days()).isEqualTo(19); // 28 days - 9 out of stock
        assertThat(phone.stats().mu()).isEqualTo(1.0);
        assertThat(phone.stats().method()).isEqualTo(PolicyTuner.Method.POISSON);
        // Poisson(9): P(<=13) = 0.926, P(<=14) = 0.959 -> R 14; Poisson(1): P(<=3) = 0.981 -> L 3; S = max(15, 14 + 7)
        assertThat(phone.tuned()).isEqualTo(new Policy(7, 14, 21, 3));
        assertThat(phone.status()).isEqualTo(TuneService.Status.NEW);
        PolicyRecord stored = find("ST-1", "PHONE").orElseThrow();
        assertThat(stored.policy()).isEqualTo(new Policy(7, 14, 21, 3));
        assertThat(stored.source()).isEqualTo("tuned");
        assertThat(stored.tuneDays()).isEqualTo(19);
        assertThat(stored.tuneFrom()).isEqualTo("2026-02-02");
    }

    @Test
    void noSalesGivesTheDisplayMinimumAndNoHistoryLeavesThePositionAlone() {
        TuneService.Report r = tune(null, false);
        assertThat(row(r, "ST-1", "CASE").tuned()).isEqualTo(new Policy(7, 0, 1, 0));
        assertThat(row(r, "ST-2", "PHONE").status()).isEqualTo(TuneService.Status.NO_DATA);
        assertThat(find("ST-2", "PHONE")).isEmpty();
    }

    @Test
    void lockedPositionsAreNeverChangedUntilTheLockExpires() {
        s.policy("ST-1", "PHONE", 7, 2, 3, 1); // manual: locked, no end
        PolicyService.of(s.ledger, TestLedgers.at(ScenarioLedger.SETUP))
                .set(new PolicyService.Change(
                        "ST-1", "CASE", null, 2L, 4L, 1L, null, "promo", LocalDate.of(2026, 3, 1)));
        TuneService.Report r = tune("ST-1", false);
        assertThat(row(r, "ST-1", "PHONE").status()).isEqualTo(TuneService.Status.LOCKED);
        assertThat(find("ST-1", "PHONE").orElseThrow().policy()).isEqualTo(new Policy(7, 2, 3, 1));
        // the CASE lock ended yesterday: tuning may change it again
        assertThat(row(r, "ST-1", "CASE").status()).isEqualTo(TuneService.Status.CHANGED);
        assertThat(find("ST-1", "CASE").orElseThrow().source()).isEqualTo("tuned");
    }

    @Test
    void dryRunWritesNothing() {
        TuneService.Report r = tune(null, true);
        assertThat(r.count(TuneService.Status.NEW)).isEqualTo(3);
        long n = s.ledger.read(h ->
                h.createQuery("SELECT COUNT(*) FROM policy").mapTo(Long.class).one());
        assertThat(n).isZero();
    }
}
