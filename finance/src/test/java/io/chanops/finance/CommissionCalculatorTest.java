package io.chanops.finance;

import static io.chanops.finance.Rules.sale;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommissionCalculatorTest {
    private static final RuleBook BOOK = Rules.book(
            "HS-BASE,,,handset,,percent,1.5,,2026-01-01,,30",
            "HS-PARTNER,partner,,handset,,percent,3,,2026-01-01,,30",
            "HS-SITE,,GZ-TH-P2,handset,,percent,3.5,,2026-02-01,2026-02-28,30",
            "HS-IP-PARTNER,partner,,,HS-IP16P-256,percent,1.2,,2026-01-01,,30",
            "CT-BASE,,,contract,,fixed,80.00,,2026-01-01,2026-01-31,180",
            "CT-BASE-FEB,,,contract,,fixed,90.00,,2026-02-01,,180",
            "SIM-BASE,,,sim,,tiered,,1-100:10.00;101-300:12.00;301-:15.00,,,60",
            "ANY,,,,,fixed,1.00,,,,");

    private static CommissionLine only(Sale s) {
        return CommissionCalculator.compute(List.of(s), BOOK).get(0);
    }

    /** The rule of order "o" sold at {@code at}. */
    private static String ruleOf(
            String at, String site, String channel, String sku, String type, long units, long amountFen) {
        return only(sale("o", at, site, channel, sku, type, units, amountFen)).ruleId();
    }

    @Test
    void percentIsOfTheAmountRoundedHalfUpPerLine() {
        // 1.5% of 1199.30 = 17.9895 -> 17.99
        CommissionLine l =
                only(sale("o1", "2026-02-03 10:00", "GZ-TH-01", "hall", "HS-RN14-128", "handset", 1, 119930));
        assertThat(l.ruleId()).isEqualTo("HS-BASE");
        assertThat(l.commissionFen()).isEqualTo(1799);
        assertThat(l.explain()).contains("1.5% of 1199.30 = 17.99");
        // 1.5% of 0.30 = 0.0045 -> 0.00; of 0.70 = 0.0105 -> 0.01
        assertThat(only(sale("o2", "2026-02-03 10:00", "GZ-TH-01", "hall", "X", "handset", 1, 30))
                        .commissionFen())
                .isZero();
        assertThat(only(sale("o3", "2026-02-03 10:00", "GZ-TH-01", "hall", "X", "handset", 1, 70))
                        .commissionFen())
                .isEqualTo(1);
    }

    @Test
    void fixedIsPerUnit() {
        CommissionLine l = only(sale("o1", "2026-02-03 10:00", "GZ-TH-01", "hall", "CT-5G-129-24", "contract", 3, 0));
        assertThat(l.ruleId()).isEqualTo("CT-BASE-FEB");
        assertThat(l.commissionFen()).isEqualTo(27000);
        assertThat(l.explain()).startsWith("3 x 90.00 per unit");
    }

    /** Which rule of {@link #BOOK} an order of one line gets, and why (the case's name). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            channel beats any                                  | 2026-02-10 10:00 | GZ-PY-P1 | partner | HS-MI15-256  | handset   | 1 | 429900 | HS-PARTNER
            site beats channel                                 | 2026-02-10 10:00 | GZ-TH-P2 | partner | HS-MI15-256  | handset   | 1 | 429900 | HS-SITE
            sku beats type even at a site with its own rule    | 2026-02-10 10:00 | GZ-TH-P2 | partner | HS-IP16P-256 | handset   | 1 | 899900 | HS-IP-PARTNER
            a rule with no conditions catches the rest         | 2026-02-10 10:00 | GZ-TH-01 | hall    | AC-FILM-01   | accessory | 2 | 7800   | ANY
            validity dates are inclusive: the end of CT-BASE   | 2026-01-31 23:59 | GZ-TH-01 | hall    | CT-5G-129-24 | contract  | 1 | 0      | CT-BASE
            validity dates are inclusive: CT-BASE-FEB begins   | 2026-02-01 00:00 | GZ-TH-01 | hall    | CT-5G-129-24 | contract  | 1 | 0      | CT-BASE-FEB
            the last day of the site override (2026-02-28)     | 2026-02-28 21:00 | GZ-TH-P2 | partner | HS-MI15-256  | handset   | 1 | 100    | HS-SITE
            after the site override the channel rule again     | 2026-03-01 09:00 | GZ-TH-P2 | partner | HS-MI15-256  | handset   | 1 | 100    | HS-PARTNER
            """)
    void theMostSpecificRuleValidThatDayApplies(
            String why,
            String at,
            String site,
            String channel,
            String sku,
            String type,
            long units,
            long amountFen,
            String rule) {
        assertThat(ruleOf(at, site, channel, sku, type, units, amountFen)).isEqualTo(rule);
    }

    @Test
    void anOrderAtAnUnknownSiteMatchesOnlyRulesWithoutChannelAndSite() {
        CommissionLine l = only(sale("o", "2026-02-10 10:00", "GZ-XX-99", null, "HS-MI15-256", "handset", 1, 429900));
        assertThat(l.ruleId()).isEqualTo("HS-BASE");
        RuleBook placeOnly = Rules.book("P,partner,,,,fixed,1.00,,,,");
        assertThat(CommissionCalculator.compute(
                                List.of(sale("o", "2026-02-10 10:00", "GZ-XX-99", null, "S", "sim", 1, 0)), placeOnly)
                        .get(0))
                .satisfies(u -> {
                    assertThat(u.ruleId()).isNull();
                    assertThat(u.commissionFen()).isZero();
                    assertThat(u.explain()).contains("not in the ledger");
                });
    }

    private static List<Sale> sims(String site, int orders, int unitsEach) {
        List<Sale> sales = new ArrayList<>();
        for (int i = 0; i < orders; i++) {
            sales.add(sale(
                    site + "-" + i,
                    "2026-02-0" + (1 + i % 9) + " 10:00",
                    site,
                    "hall",
                    "SIM-STD",
                    "sim",
                    unitsEach,
                    1000L * unitsEach));
        }
        return sales;
    }

    @Test
    void tierAt100UnitsPaysTheFirstBandForAll() {
        List<CommissionLine> lines = CommissionCalculator.compute(sims("GZ-TH-01", 100, 1), BOOK);
        assertThat(lines).allSatisfy(l -> assertThat(l.commissionFen()).isEqualTo(1000));
        assertThat(lines.stream().mapToLong(CommissionLine::commissionFen).sum())
                .isEqualTo(100_000);
    }

    @Test
    void tierAt101UnitsPaysTheSecondBandForAllUnitsOfTheMonth() {
        List<CommissionLine> lines = CommissionCalculator.compute(sims("GZ-TH-01", 101, 1), BOOK);
        assertThat(lines).allSatisfy(l -> assertThat(l.commissionFen()).isEqualTo(1200));
        assertThat(lines.get(0).explain()).contains("tier 101-300 reached by 101 units of rule SIM-BASE at GZ-TH-01");
        assertThat(CommissionCalculator.compute(sims("GZ-TH-01", 301, 1), BOOK))
                .allSatisfy(l -> assertThat(l.commissionFen()).isEqualTo(1500));
    }

    @Test
    void tiersCountUnitsPerSiteNotAcrossSites() {
        List<Sale> sales = new ArrayList<>(sims("GZ-TH-01", 60, 1));
        sales.addAll(sims("GZ-TH-02", 60, 1));
        assertThat(CommissionCalculator.compute(sales, BOOK))
                .allSatisfy(l -> assertThat(l.commissionFen()).isEqualTo(1000));
    }

    @Test
    void tiersCountUnitsNotOrders() {
        // 34 orders of 3 units = 102 units: second band
        assertThat(CommissionCalculator.compute(sims("GZ-TH-01", 34, 3), BOOK))
                .allSatisfy(l -> assertThat(l.commissionFen()).isEqualTo(3600));
    }
}
