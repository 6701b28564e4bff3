package io.chanops.replenish.policy;

import io.chanops.ledger.model.MoveKind;
import io.chanops.replenish.stock.StockRepository;
import java.time.LocalDate;
import java.util.function.BiFunction;
import java.util.function.LongConsumer;

/**
 * One position's sales over a tuning window, day by day, and which of those days it spent in stock: what
 * {@code policy tune} learns from (SPEC §5). Fed the position's moves in time order from its first move, so on hand is
 * known on entering the window. A day counts as in stock when on hand was above zero at some moment of it (at its
 * start, or after one of its moves); a day entirely out of stock hides demand and is left out of the estimate.
 */
public final class SalesHistory {
    private final long[] sales;
    private final boolean[] inStock;
    private long onHand;
    private int cursor; // first window day whose in-stock flag still depends on later moves

    /** An empty history of a window of {@code days} days. */
    public SalesHistory(int days) {
        this.sales = new long[days];
        this.inStock = new boolean[days];
    }

    /**
     * Folds one move into the history. {@code day}: days from the window's first day, negative before the window,
     * below the window's length (moves after the window must not be fed).
     */
    public void apply(int day, MoveKind kind, long qty) {
        if (day >= 0) {
            markUntil(day);
            if (onHand > 0) {
                inStock[day] = true;
            }
        }
        onHand = kind.apply(onHand, qty);
        if (day >= 0) {
            if (onHand > 0) {
                inStock[day] = true;
            }
            if (kind == MoveKind.SALE) {
                sales[day] += qty;
            }
        }
    }

    /** On hand after the moves fed so far. */
    public long onHand() {
        return onHand;
    }

    /**
     * Tunes the levels of a policy with review period {@code t} from this history ({@link PolicyTuner}), learning
     * from the days in stock and the days with a sale (a day with a sale was in stock, whatever the recorded on hand
     * says). Null when there is no such day: the policy is then left as it is.
     */
    public PolicyTuner.Tuned tune(int t, PolicyTuner.Settings settings) {
        markUntil(sales.length);
        long[] used = new long[sales.length];
        int n = 0;
        for (int d = 0; d < sales.length; d++) {
            if (inStock[d] || sales[d] > 0) {
                used[n++] = sales[d];
            }
        }
        return PolicyTuner.tune(used, n, t, settings);
    }

    /** Marks window days up to (excluding) day {@code until} with the current on hand. */
    private void markUntil(int until) {
        boolean stocked = onHand > 0;
        for (int d = Math.max(0, cursor); d < until; d++) {
            inStock[d] |= stocked;
        }
        cursor = Math.max(cursor, until);
    }

    /**
     * Streams every move before {@code until} (in time order) from {@code stock} into the histories of a window that
     * starts on {@code from}, for the positions {@code historyOf(site, sku)} returns a history for (null: skip).
     * {@code site}/{@code sku} narrow the scan (null: all). Reports moves read to {@code progress}.
     */
    public static void read(
            StockRepository stock,
            LocalDate from,
            LocalDate until,
            String site,
            String sku,
            BiFunction<String, String, SalesHistory> historyOf,
            LongConsumer progress) {
        long[] n = {0};
        SalesHistory[] current = {null};
        long fromDay = from.toEpochDay();
        String[] currentKey = {null, null};
        stock.forEachMoveBefore(until, site, sku, (s, k, at, kind, qty) -> {
            if (++n[0] % 100_000 == 0 && progress != null) {
                progress.accept(n[0]);
            }
            if (!s.equals(currentKey[0]) || !k.equals(currentKey[1])) {
                currentKey[0] = s;
                currentKey[1] = k;
                current[0] = historyOf.apply(s, k);
            }
            if (current[0] != null) {
                current[0].apply((int) (epochDay(at) - fromDay), kind, qty);
            }
        });
        if (progress != null) {
            progress.accept(n[0]);
        }
    }

    /**
     * The epoch day of a stored date-time {@code YYYY-MM-DD HH:MM:SS}, read from its digits: this runs once per move,
     * and LocalDate.parse was the largest cost of tuning millions of moves.
     */
    static long epochDay(String at) {
        int y = (at.charAt(0) - '0') * 1000
                + (at.charAt(1) - '0') * 100
                + (at.charAt(2) - '0') * 10
                + (at.charAt(3) - '0');
        int m = (at.charAt(5) - '0') * 10 + (at.charAt(6) - '0');
        int d = (at.charAt(8) - '0') * 10 + (at.charAt(9) - '0');
        return LocalDate.of(y, m, d).toEpochDay();
    }
}
