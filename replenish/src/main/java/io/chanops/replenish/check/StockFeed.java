package io.chanops.replenish.check;

import io.chanops.ledger.Ledger;
import io.chanops.ledger.imports.ImportBatches;
import io.chanops.ledger.text.Named;
import io.chanops.ledger.time.LocalTimes;
import io.chanops.replenish.stock.MoveImport;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * How fresh the ledger's stock is: when stock moves were last imported (a file or {@code stock add}). A check whose
 * moves feed stopped still runs and exits 0 on days-old stock, which a cron job would report as "all well", and tuning
 * takes the days since for days without sales; {@link #warning} says so instead. A check dated well before the last
 * import ({@code --now} in the past) works on today's levels, not on those of its date: {@link #pastRun}.
 */
public final class StockFeed {
    /** Imports older than this make the stock stale: a daily feed that missed a day and then some. */
    static final Duration STALE_AFTER = Duration.ofDays(2);

    /**
     * How far after now the last import may be (clocks of two machines, an import booked with a later --now) before a
     * run at {@code now} is taken for a replay of the past on today's stock.
     */
    static final Duration AHEAD_OF_NOW = Duration.ofDays(1);

    private final Ledger ledger;

    public StockFeed(Ledger ledger) {
        this.ledger = ledger;
    }

    /**
     * A warning when no moves were ever imported or the last import is more than {@link #STALE_AFTER} before
     * {@code now}, ending with {@code consequence} (what the caller's work made of old stock); empty otherwise.
     */
    public Optional<String> warning(LocalDateTime now, String consequence) {
        Optional<LocalDateTime> last = ledger.read(h -> ImportBatches.latest(h, MoveImport.KIND));
        if (last.isEmpty()) {
            return Optional.of("no stock moves were ever imported: every position counts as empty (import them with "
                    + "'stock import')");
        }
        Duration age = Duration.between(last.get(), now);
        if (age.compareTo(STALE_AFTER) <= 0) {
            return Optional.empty();
        }
        return Optional.of("stock was last imported at " + LocalTimes.format(last.get()) + ", "
                + Named.count(age.toDays(), "day") + " before now (" + LocalTimes.format(now) + "): " + consequence
                + "; is the moves feed running?");
    }

    /**
     * A warning when {@code now} is more than {@link #AHEAD_OF_NOW} before the last import: a check of the past (with
     * {@code --now}) runs on today's levels, which hold the moves imported since. Tuning is not concerned: it reads
     * the moves of its window by their dates.
     */
    public Optional<String> pastRun(LocalDateTime now) {
        return ledger.read(h -> ImportBatches.latest(h, MoveImport.KIND))
                .filter(last -> now.plus(AHEAD_OF_NOW).isBefore(last))
                .map(last -> "now (" + LocalTimes.format(now) + ") is before the last stock import ("
                        + LocalTimes.format(last) + "): the levels include the moves imported since, so this is not the"
                        + " stock as it was then; is --now right?");
    }
}
