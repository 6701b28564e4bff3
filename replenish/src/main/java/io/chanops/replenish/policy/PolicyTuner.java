package io.chanops.replenish.policy;

/**
 * Derives (R, S, L) from daily sales (SPEC §5), pure maths.
 *
 * <p>Normal formula: with daily mean mu and standard deviation sigma over the in-stock days of the window, z the
 * standard normal quantile of the service level, E the emergency lead (1 day) and T = t + lead:
 * {@code L = ceil(mu*E + z*sigma*sqrt(E))}, {@code R = ceil(mu*T + z*sigma*sqrt(T))},
 * {@code S = max(R + 1, ceil(R + mu*t))}.
 *
 * <p>Slow sellers: when the expected demand over the review horizon is small (mu*T &lt; {@value #SLOW_DEMAND}) and the
 * sales are not over-dispersed (variance &lt;= {@value #DISPERSION} x mean, as Poisson demand has variance = mean),
 * L and R are Poisson quantiles instead: the smallest k with P(demand over the horizon &lt;= k) &gt;= service level.
 * Demand of a slow seller is a small count; the normal curve is symmetric, can go below zero, and its sigma from a
 * handful of sales is mostly noise, so it over- or under-stocks by whole units — expensive ones for handsets. The
 * Poisson quantile meets the service level exactly with the fewest units. Over-dispersed (lumpy) sellers keep the
 * normal formula, whose sigma captures the extra variance.
 *
 * <p>No sales in the window: L = 0, R = the display minimum, S = max(display minimum, 1) (S must be &gt; 0). R is
 * never below the display minimum (a hall keeps its demo unit).
 */
public final class PolicyTuner {
    public static final double SLOW_DEMAND = 10.0;
    public static final double DISPERSION = 1.5;
    public static final int EMERGENCY_LEAD_DAYS = 1;
    /** The longest lead time a tuning or simulation takes: a year (a larger one is a slip, and would overflow). */
    public static final int MAX_LEAD_DAYS = 365;
    /** The longest window of sales a tuning or simulation learns from: ten years. */
    public static final int MAX_HISTORY_DAYS = 3660;

    private static final double EPS = 1e-9;

    public enum Method {
        NORMAL("normal"),
        POISSON("poisson"),
        NO_SALES("no-sales");

        private final String code;

        Method(String code) {
            this.code = code;
        }

        @Override
        public String toString() {
            return code;
        }
    }

    /** Tuning knobs: service level in (0,1), lead days of a regular order, display minimum for this SKU. */
    public record Settings(double serviceLevel, int leadDays, long displayMin) {
        public Settings {
            if (!(serviceLevel > 0 && serviceLevel < 1)) {
                throw new IllegalArgumentException(
                        "service level must be between 0 and 1 (exclusive), got " + serviceLevel);
            }
            if (leadDays < 0 || leadDays > MAX_LEAD_DAYS) {
                throw new IllegalArgumentException("lead days must be between 0 and " + MAX_LEAD_DAYS);
            }
        }
    }

    /** The result, with the statistics behind it. */
    public record Tuned(Policy policy, int days, double mu, double sigma, double z, Method method) {}

    private PolicyTuner() {}

    /**
     * Tunes one position from its sales on the days it was in stock. Returns null when there is no such day: a
     * position out of stock all window long tells nothing about its demand, so its policy is left as it is.
     */
    public static Tuned tune(long[] dailySales, int days, int t, Settings settings) {
        if (days <= 0) {
            return null;
        }
        double sum = 0;
        for (int i = 0; i < days; i++) {
            sum += dailySales[i];
        }
        double mu = sum / days;
        double ss = 0;
        for (int i = 0; i < days; i++) {
            double d = dailySales[i] - mu;
            ss += d * d;
        }
        double variance = days > 1 ? ss / (days - 1) : 0;
        double sigma = Math.sqrt(variance);
        double z = NormalQuantile.of(settings.serviceLevel());
        if (sum == 0) {
            long r = settings.displayMin();
            return new Tuned(new Policy(t, r, Math.max(r, 1), 0), days, 0, 0, z, Method.NO_SALES);
        }
        int horizon = t + settings.leadDays();
        long l;
        long r;
        Method method;
        if (mu * horizon < SLOW_DEMAND && variance <= DISPERSION * mu) {
            method = Method.POISSON;
            l = poissonQuantile(mu * EMERGENCY_LEAD_DAYS, settings.serviceLevel());
            r = poissonQuantile(mu * horizon, settings.serviceLevel());
        } else {
            method = Method.NORMAL;
            l = ceil(mu * EMERGENCY_LEAD_DAYS + z * sigma * Math.sqrt(EMERGENCY_LEAD_DAYS));
            r = ceil(mu * horizon + z * sigma * Math.sqrt(horizon));
        }
        r = Math.max(r, settings.displayMin());
        l = Math.max(0, Math.min(l, r));
        long s = Math.max(r + 1, ceil(r + mu * t));
        return new Tuned(new Policy(t, r, s, l), days, mu, sigma, z, method);
    }

    /** Rounds up, forgiving floating-point dust (2.0000000001 is 2). */
    static long ceil(double x) {
        return (long) Math.ceil(x - EPS);
    }

    /** Smallest k with P(Poisson(lambda) <= k) >= p. */
    public static long poissonQuantile(double lambda, double p) {
        if (lambda <= 0) {
            return 0;
        }
        double pmf = Math.exp(-lambda);
        double cdf = pmf;
        long k = 0;
        while (cdf < p - EPS && k < 100_000) {
            k++;
            pmf *= lambda / k;
            cdf += pmf;
        }
        return k;
    }
}
