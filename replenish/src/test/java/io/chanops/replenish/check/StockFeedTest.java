package io.chanops.replenish.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StockFeedTest {
    private static final String CHECK = "this check ran on stock not updated since";

    @TempDir
    Path dir;

    @Test
    void aLedgerWithoutAnyMovesImportedIsNamed() {
        ScenarioLedger s = new ScenarioLedger(dir);
        assertThat(new StockFeed(s.ledger).warning(ScenarioLedger.SETUP, "this check ran on old stock"))
                .hasValueSatisfying(w -> assertThat(w).startsWith("no stock moves were ever imported"));
    }

    /** When the ledger's one import of moves was made. */
    private static final LocalDateTime IMPORTED = LocalDateTime.of(2026, 3, 2, 8, 0);

    /** A scenario ledger with one count imported at {@link #IMPORTED}. */
    private ScenarioLedger importedOnce() {
        ScenarioLedger s = new ScenarioLedger(dir);
        s.moves(IMPORTED, "2026-03-02 07:00,ST-1,PHONE,count,3,");
        return s;
    }

    @Test
    void movesImportedUpToTwoDaysAgoAreFreshAndOlderOnesAreNamedWithTheirAge() {
        ScenarioLedger s = importedOnce();
        LocalDateTime imported = IMPORTED;
        StockFeed feed = new StockFeed(s.ledger);
        assertThat(feed.warning(imported.plusHours(1), CHECK)).isEmpty();
        assertThat(feed.warning(imported.plusDays(2), CHECK)).isEmpty();
        assertThat(feed.warning(imported.plusDays(2).plusMinutes(1), CHECK))
                .contains("stock was last imported at 2026-03-02 08:00:00, 2 days before now (2026-03-04 08:01:00): "
                        + "this check ran on stock not updated since; is the moves feed running?");
        // the latest import counts, whatever the time of its moves
        s.moves(imported.plusDays(5), "2026-03-01 07:00,ST-1,PHONE,sale,1,");
        assertThat(feed.warning(imported.plusDays(6), CHECK)).isEmpty();
    }

    /** A run dated more than a day before the last import (a replay with --now) works on today's levels: named. */
    @Test
    void aRunDatedWellBeforeTheLastImportIsNamed() {
        StockFeed feed = new StockFeed(importedOnce().ledger);
        assertThat(feed.pastRun(IMPORTED.minusHours(23))).isEmpty();
        assertThat(feed.pastRun(IMPORTED.plusDays(3))).isEmpty();
        assertThat(feed.pastRun(LocalDateTime.of(2025, 3, 2, 9, 30)))
                .contains(
                        "now (2025-03-02 09:30:00) is before the last stock import (2026-03-02 08:00:00): the levels"
                                + " include the moves imported since, so this is not the stock as it was then; is --now right?");
    }
}
