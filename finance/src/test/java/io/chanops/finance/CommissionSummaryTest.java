package io.chanops.finance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class CommissionSummaryTest {
    private static CommissionLine line(
            String site, String channel, String rule, long units, long amount, long commission, boolean clawback) {
        return new CommissionLine(
                "o",
                LocalDate.of(2026, 2, 1),
                site,
                channel,
                "SKU",
                "handset",
                rule,
                Basis.FIXED,
                units,
                amount,
                commission,
                "",
                clawback);
    }

    @Test
    void rowsSplitCommissionAndClawbackAndNetIsTheirSum() {
        List<CommissionLine> lines = List.of(
                line("GZ-TH-01", "hall", "A", 2, 1000, 300, false),
                line("GZ-TH-01", "hall", "A", 1, 500, 100, false),
                line("GZ-TH-01", "hall", "A", 1, 700, -250, true),
                line("GZ-PY-P1", "partner", null, 1, 900, 0, false));
        List<CommissionSummary.Row> rows = CommissionSummary.rows(lines, CommissionSummary.GroupBy.SITE);
        assertThat(rows)
                .containsExactly(
                        new CommissionSummary.Row("GZ-PY-P1", 1, 1, 900, 0, 0),
                        new CommissionSummary.Row("GZ-TH-01", 2, 3, 1500, 400, -250));
        assertThat(rows.get(1).netFen()).isEqualTo(150);
        assertThat(CommissionSummary.rows(lines, CommissionSummary.GroupBy.RULE))
                .extracting(CommissionSummary.Row::key)
                .containsExactly("(no rule)", "A");
        assertThat(CommissionSummary.total(rows)).isEqualTo(new CommissionSummary.Row("TOTAL", 3, 4, 2400, 400, -250));
    }

    @Property(tries = 200)
    void theTotalRowIsTheSumOfTheRowsAndOfTheDetail(
            @ForAll @IntRange(min = 0, max = 40) int n,
            @ForAll @LongRange(min = -100_000, max = 10_000_000) long seed) {
        Random random = new Random(seed);
        List<CommissionLine> lines = new ArrayList<>();
        String[] sites = {"A", "B", "C"};
        for (int i = 0; i < n; i++) {
            boolean clawback = random.nextInt(5) == 0;
            long commission = random.nextInt(100_000);
            lines.add(line(
                    sites[random.nextInt(3)],
                    random.nextBoolean() ? "hall" : null,
                    random.nextBoolean() ? "R" : null,
                    1 + random.nextInt(5),
                    random.nextInt(1_000_000),
                    clawback ? -commission : commission,
                    clawback));
        }
        for (CommissionSummary.GroupBy by : CommissionSummary.GroupBy.values()) {
            List<CommissionSummary.Row> rows = CommissionSummary.rows(lines, by);
            CommissionSummary.Row total = CommissionSummary.total(rows);
            assertThat(total.netFen())
                    .isEqualTo(lines.stream()
                            .mapToLong(CommissionLine::commissionFen)
                            .sum());
            assertThat(total.orders())
                    .isEqualTo(lines.stream().filter(l -> !l.clawback()).count());
            assertThat(rows.stream().mapToLong(CommissionSummary.Row::netFen).sum())
                    .isEqualTo(total.netFen());
        }
    }
}
