package io.chanops.replenish.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class PolicyTunerTest {
    private static final PolicyTuner.Settings SETTINGS = new PolicyTuner.Settings(0.95, 2, 0);

    /** The tuning of 28 in-stock days with one sale of {@code qty} on day {@code day}, reviewed every 7 days. */
    private static PolicyTuner.Tuned oneSaleIn28Days(int day, long qty) {
        long[] sales = new long[28];
        sales[day] = qty;
        return PolicyTuner.tune(sales, 28, 7, SETTINGS);
    }

    @Test
    void fastSellerFollowsTheNormalFormulaOfTheSpec() {
        // 10 days alternating 4 and 6: mu 5, sample sigma sqrt(10*1/9) = 1.0541; z(0.95) = 1.6449; T = 7 + 2 = 9
        long[] sales = {4, 6, 4, 6, 4, 6, 4, 6, 4, 6};
        PolicyTuner.Tuned t = PolicyTuner.tune(sales, sales.length, 7, SETTINGS);
        assertThat(t.method()).isEqualTo(PolicyTuner.Method.NORMAL);
        assertThat(t.mu()).isEqualTo(5.0);
        assertThat(t.sigma()).isCloseTo(1.0541, within(1e-4));
        // L = ceil(5 + 1.6449*1.0541) = ceil(6.734) = 7; R = ceil(45 + 1.6449*1.0541*3) = ceil(50.20) = 51
        // S = max(52, ceil(51 + 35)) = 86
        assertThat(t.policy()).isEqualTo(new Policy(7, 51, 86, 7));
    }

    @Test
    void slowSellerUsesPoissonQuantiles() {
        // 1 sale in 28 days: mu = 1/28, variance = mu (Poisson-like). R = Poisson quantile at mu*9 = 0.32: P(0)=0.725,
        // P(<=1)=0.958 -> 1; L at mu*1 = 0.036: P(0)=0.965 -> 0; S = max(2, ceil(1 + 0.25)) = 2
        PolicyTuner.Tuned t = oneSaleIn28Days(3, 1);
        assertThat(t.method()).isEqualTo(PolicyTuner.Method.POISSON);
        assertThat(t.policy()).isEqualTo(new Policy(7, 1, 2, 0));
    }

    @Test
    void lumpySlowSellerKeepsTheNormalFormula() {
        // one sale of 6 in 28 days: variance far above the mean
        PolicyTuner.Tuned t = oneSaleIn28Days(10, 6);
        assertThat(t.method()).isEqualTo(PolicyTuner.Method.NORMAL);
    }

    @Test
    void noSalesGivesLZeroAndTheDisplayMinimum() {
        assertThat(PolicyTuner.tune(new long[28], 28, 7, new PolicyTuner.Settings(0.95, 2, 1))
                        .policy())
                .isEqualTo(new Policy(7, 1, 1, 0));
        // display minimum 0 still needs S > 0
        assertThat(PolicyTuner.tune(new long[28], 28, 7, SETTINGS).policy()).isEqualTo(new Policy(7, 0, 1, 0));
    }

    @Test
    void noInStockDayMeansNoEstimate() {
        assertThat(PolicyTuner.tune(new long[0], 0, 7, SETTINGS)).isNull();
    }

    @Test
    void storedDateTimesReadAsEpochDays() {
        assertThat(SalesHistory.epochDay("2026-03-02 09:30:00"))
                .isEqualTo(LocalDate.of(2026, 3, 2).toEpochDay());
        assertThat(SalesHistory.epochDay("2024-02-29 23:59:59"))
                .isEqualTo(LocalDate.of(2024, 2, 29).toEpochDay());
    }

    @Test
    void poissonQuantiles() {
        assertThat(PolicyTuner.poissonQuantile(2.0, 0.95)).isEqualTo(5);
        assertThat(PolicyTuner.poissonQuantile(0.0, 0.95)).isZero();
        assertThat(PolicyTuner.poissonQuantile(0.5, 0.5)).isZero();
    }

    @Test
    void normalQuantiles() {
        assertThat(NormalQuantile.of(0.95)).isCloseTo(1.6448536, within(1e-6));
        assertThat(NormalQuantile.of(0.5)).isCloseTo(0.0, within(1e-8));
        assertThat(NormalQuantile.of(0.99)).isCloseTo(2.3263479, within(1e-6));
        assertThat(NormalQuantile.of(0.01)).isCloseTo(-2.3263479, within(1e-6));
    }

    @Property
    void tunedLevelsAlwaysFormAValidPolicy(
            @ForAll @Size(min = 1, max = 60) long[] raw, @ForAll @IntRange(min = 1, max = 30) int t) {
        long[] sales = Arrays.stream(raw).map(v -> Math.floorMod(v, 40)).toArray();
        PolicyTuner.Tuned tuned = PolicyTuner.tune(sales, sales.length, t, SETTINGS);
        Policy p = tuned.policy();
        assertThat(p.l()).isBetween(0L, p.r());
        assertThat(p.r()).isLessThan(p.s());
    }
}
