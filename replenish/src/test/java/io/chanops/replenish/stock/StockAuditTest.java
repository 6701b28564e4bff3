package io.chanops.replenish.stock;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.ledger.Ledger;
import io.chanops.ledger.OperationContext;
import io.chanops.ledger.model.Position;
import io.chanops.ledger.testing.TestLedgers;
import io.chanops.replenish.check.ScenarioLedger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ledger check}'s stock audit: every level an import wrote is the fold of its moves; a level changed, removed or
 * added by other means is found, named with both figures, and set from the moves by a repair.
 */
class StockAuditTest {
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 3, 30, 9, 30);

    @TempDir
    Path dir;

    Ledger ledger;

    @BeforeEach
    void importedMoves() {
        ledger = TestLedgers.fresh(dir);
        ScenarioLedger.importMasterData(
                ledger,
                TestLedgers.write(dir, "sites.csv", RandomMoves.SITES),
                TestLedgers.write(dir, "catalog.csv", RandomMoves.CATALOG),
                NOW);
        Path moves = TestLedgers.write(dir, "moves.csv", RandomMoves.lines(7, 2_000, "R-%d", ""));
        new MoveImport(ledger, OperationContext.at(NOW, ledger.zone()))
                .importFile(moves, StandardCharsets.UTF_8, false, w -> {}, null, null);
    }

    private void sql(String statement) {
        ledger.write(h -> h.execute(statement));
    }

    @Test
    void theLevelsAnImportWroteAreTheFoldOfTheirMoves() {
        List<Long> progress = new ArrayList<>();
        StockAudit.Report report = new StockAudit(ledger).audit(progress::add);
        assertThat(report.differences()).isEmpty();
        assertThat(report.sites()).isEqualTo(2);
        assertThat(report.positions()).isEqualTo(4);
        assertThat(report.moves()).isEqualTo(2_000);
        assertThat(progress).last().isEqualTo(2_000L);
    }

    @Test
    void aLevelChangedRemovedOrAddedByOtherMeansIsFoundAndRepairedFromTheMoves() {
        long s1h1 = onHand("S1", "H1");
        long s2a1 = onHand("S2", "A1");
        sql("UPDATE stock_level SET on_hand = on_hand + 5 WHERE site_id = 'S1' AND sku = 'H1'");
        sql("DELETE FROM stock_level WHERE site_id = 'S2' AND sku = 'A1'");
        sql("INSERT INTO stock_level (site_id, sku, on_hand, last_move_at, last_move_id)"
                + " VALUES ('WH', 'A1', 7, '2026-03-01 00:00:00', 1)");

        StockAudit audit = new StockAudit(ledger);
        List<StockAudit.Difference> found = audit.audit(n -> {}).differences();
        assertThat(found)
                .containsExactly(
                        new StockAudit.Difference(new Position("S1", "H1"), s1h1 + 5, s1h1),
                        new StockAudit.Difference(new Position("S2", "A1"), null, s2a1),
                        new StockAudit.Difference(new Position("WH", "A1"), 7L, null));
        assertThat(found.get(0).toString())
                .isEqualTo("S1/H1: on hand " + (s1h1 + 5) + " in stock_level, " + s1h1 + " by its moves");
        assertThat(found.get(2).toString()).isEqualTo("WH/A1: on hand 7 in stock_level, but no moves");

        assertThat(audit.repair(found)).isEqualTo(found);
        assertThat(audit.audit(n -> {}).differences()).isEmpty();
        assertThat(onHand("S1", "H1")).isEqualTo(s1h1);
        assertThat(onHand("S2", "A1")).isEqualTo(s2a1);
        assertThat(audit.repair(found)).as("nothing left to repair").isEmpty();
    }

    private long onHand(String site, String sku) {
        return ledger.read(h -> h.createQuery("SELECT on_hand FROM stock_level WHERE site_id = :site AND sku = :sku")
                .bind("site", site)
                .bind("sku", sku)
                .mapTo(Long.class)
                .one());
    }
}
