package io.chanops.finance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * A month counted by kind of sale (what the reports read from the ledger) adds up to what its lines add up to: the
 * summary by site, channel and rule, the net and the commission per channel, for percent, fixed and tiered rules.
 */
class CommissionMonthTest {
    private static final RuleBook BOOK = Rules.book(
            "HS-BASE,,,handset,,percent,1.5,,2026-01-01,,30",
            "HS-PARTNER,partner,,handset,,percent,3,,2026-01-01,,30",
            "HS-SITE,,GZ-TH-P2,handset,,percent,3.5,,2026-02-01,2026-02-14,30",
            "CT-BASE-FEB,,,contract,,fixed,90.00,,2026-02-01,,180",
            "SIM-BASE,,,sim,,tiered,,1-20:10.00;21-60:12.00;61-:15.00,,,60");
    private static final String[][] SITES = {
        {"GZ-TH-01", "hall"}, {"GZ-TH-P2", "partner"}, {"GZ-WEB", "e-channel"}, {"SZ-XX-01", null}
    };
    private static final String[][] SKUS = {
        {"HS-MI15-256", "handset"}, {"CT-5G-129-24", "contract"}, {"SIM-STD", "sim"}, {"NEW-1", null}
    };

    @Property(tries = 300)
    void theMonthByKindAddsUpToItsLines(@ForAll long seed, @ForAll @IntRange(min = 0, max = 300) int orders) {
        Random random = new Random(seed);
        List<Sale> sales = new ArrayList<>();
        for (int i = 0; i < orders; i++) {
            String[] site = SITES[random.nextInt(SITES.length)];
            String[] sku = SKUS[random.nextInt(SKUS.length)];
            sales.add(new Sale(
                    "O" + i,
                    LocalDate.of(2026, 2, 1 + random.nextInt(28)).atTime(random.nextInt(24), 0),
                    site[0],
                    site[1],
                    sku[0],
                    sku[1],
                    1 + random.nextInt(3),
                    100L * (1 + random.nextInt(4)) + random.nextInt(3)));
        }
        // the same sales, counted by kind as the ledger counts them
        Map<List<Object>, long[]> byKind = new LinkedHashMap<>();
        for (Sale s : sales) {
            long[] n = byKind.computeIfAbsent(
                    List.of(s.siteId(), s.sku(), s.orderDate(), s.amountFen()), k -> new long[2]);
            n[0]++;
            n[1] += s.units();
        }
        List<SaleGroup> groups = new ArrayList<>();
        Map<String, Sale> first = new HashMap<>();
        sales.forEach(s -> first.putIfAbsent(s.siteId() + s.sku() + s.orderDate() + s.amountFen(), s));
        byKind.forEach((k, n) -> {
            Sale s = first.get("" + k.get(0) + k.get(1) + k.get(2) + k.get(3));
            groups.add(new SaleGroup(
                    s.siteId(), s.channel(), s.sku(), s.type(), s.orderDate(), s.amountFen(), n[0], n[1]));
        });
        List<CommissionLine> clawbacks = List.of(new CommissionLine(
                "J",
                LocalDate.of(2026, 1, 9),
                "GZ-TH-01",
                "hall",
                "CT-5G-129-24",
                "contract",
                "CT-BASE-FEB",
                Basis.FIXED,
                1,
                12_900,
                -9_000,
                "clawback",
                true));
        CommissionMonth month = new CommissionMonth(
                YearMonth.of(2026, 2),
                new RuleSetRepository.RuleSet(1, "rules.csv", "", BOOK),
                groups,
                CommissionCalculator.Month.of(groups, BOOK),
                clawbacks,
                0,
                l -> {});

        List<CommissionLine> lines = new ArrayList<>(CommissionCalculator.compute(sales, BOOK));
        lines.addAll(clawbacks);
        for (CommissionSummary.GroupBy by : CommissionSummary.GroupBy.values()) {
            assertThat(month.summary(by)).as(by.toString()).isEqualTo(CommissionSummary.rows(lines, by));
        }
        assertThat(month.netFen())
                .isEqualTo(
                        lines.stream().mapToLong(CommissionLine::commissionFen).sum());
        Map<String, Long> byChannel = new HashMap<>();
        lines.forEach(l -> byChannel.merge(l.channel(), l.commissionFen(), Long::sum));
        assertThat(month.commissionByChannel()).isEqualTo(byChannel);
        assertThat(month.unmatchedOrders())
                .isEqualTo(lines.stream()
                        .filter(l -> !l.clawback() && l.ruleId() == null)
                        .count());
        // lines of single sales under the month counted by kind are the lines of the month
        CommissionCalculator.Month byKindRules = CommissionCalculator.Month.of(groups, BOOK);
        assertThat(sales.stream().map(byKindRules::line).toList())
                .containsExactlyInAnyOrderElementsOf(CommissionCalculator.compute(sales, BOOK));
    }
}
