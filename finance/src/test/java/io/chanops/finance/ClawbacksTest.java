package io.chanops.finance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class ClawbacksTest {
    private static final RuleBook BOOK = Rules.book("CT,,,contract,,fixed,90.00,,,,30", "NONE,,,sim,,fixed,5.00,,,,");
    private static final CommissionLine PAID = contractLine(9000, "1 x 90.00 per unit");

    /**
     * Order o1 of 2026-01-20, one CT-5G-129-24 contract at GZ-TH-01 (hall) under rule CT, paid {@code commissionFen}.
     */
    private static CommissionLine contractLine(long commissionFen, String explain) {
        return new CommissionLine(
                "o1",
                LocalDate.of(2026, 1, 20),
                "GZ-TH-01",
                "hall",
                "CT-5G-129-24",
                "contract",
                "CT",
                Basis.FIXED,
                1,
                0,
                commissionFen,
                explain,
                false);
    }

    private static Cancellation cancelledOn(String day) {
        return new Cancellation("o1", LocalDate.parse(day), "refunded", 7);
    }

    @Test
    void aCancellationInsideTheWindowReversesTheCommissionInItsOwnMonth() {
        Cancellation c = cancelledOn("2026-02-19"); // 30 days after the order: still inside
        CommissionLine back =
                Clawbacks.of(PAID, BOOK.rule("CT").orElseThrow(), c).orElseThrow();
        assertThat(back.commissionFen()).isEqualTo(-9000);
        assertThat(back.clawback()).isTrue();
        assertThat(back.units()).isEqualTo(1);
        assertThat(back.explain())
                .startsWith("clawback: order of 2026-01-20 refunded on 2026-02-19, 30 days after the order")
                .contains("reverses 90.00 paid for 2026-01")
                .contains("reconcile run 7");
        assertThat(Clawbacks.bookedIn(c)).isEqualTo(YearMonth.of(2026, 2));
    }

    @Test
    void aCancellationOutsideTheWindowLeavesTheCommission() {
        assertThat(Clawbacks.of(PAID, BOOK.rule("CT").orElseThrow(), cancelledOn("2026-02-20")))
                .isEmpty();
    }

    @Test
    void aRuleWithoutClawbackDaysNeverClawsBack() {
        assertThat(Clawbacks.of(PAID, BOOK.rule("NONE").orElseThrow(), cancelledOn("2026-02-01")))
                .isEmpty();
    }

    @Test
    void aCancellationInTheOrdersOwnMonthVoidsTheOrderInsteadOfClawingBack() {
        Sale sale = Rules.sale("o1", "2026-01-20 10:00", "GZ-TH-01", "hall", "CT-5G-129-24", "contract", 1, 0);
        assertThat(Clawbacks.voidsOwnMonth(sale, cancelledOn("2026-01-31"))).isTrue();
        assertThat(Clawbacks.voidsOwnMonth(sale, cancelledOn("2026-02-01"))).isFalse();
        assertThat(Clawbacks.of(PAID, BOOK.rule("CT").orElseThrow(), cancelledOn("2026-01-31")))
                .isEmpty();
    }

    @Test
    void nothingPaidNothingClawedBack() {
        CommissionLine zero = contractLine(0, "");
        assertThat(Clawbacks.of(zero, BOOK.rule("CT").orElseThrow(), cancelledOn("2026-02-01")))
                .isEmpty();
    }
}
