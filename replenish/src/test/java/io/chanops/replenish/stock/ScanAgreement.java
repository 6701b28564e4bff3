package io.chanops.replenish.stock;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.ledger.InputRejectedException;
import io.chanops.ledger.Problem;
import io.chanops.ledger.model.ProductType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/**
 * The differential check of moves.csv's readers that the property and fuzz tests share: the byte scan on one thread
 * and in two halves reads exactly what the row-by-row reading through CsvSource reads (the same moves in the same
 * order, sorted alike), or rejects the file with the same problems in the same words and order.
 */
final class ScanAgreement {
    static final Set<String> SITES = Set.of("S1", "S2", "WH", "店1");
    static final Map<String, ProductType> PRODUCTS =
            Map.of("H1", ProductType.HANDSET, "A1", ProductType.ACCESSORY, "C1", ProductType.CONTRACT);

    private ScanAgreement() {}

    /** Asserts that the three ways of reading {@code file} agree; returns what the row-by-row reading made of it. */
    static String agree(Path file) {
        String reference = outcome(file, new MoveReader.Scan(false, Integer.MAX_VALUE));
        assertThat(outcome(file, new MoveReader.Scan(true, Integer.MAX_VALUE))).isEqualTo(reference);
        assertThat(outcome(file, new MoveReader.Scan(true, 1))).isEqualTo(reference); // always in two halves
        return reference;
    }

    /** The moves read, one line each, then their writing order; or the problems. */
    private static String outcome(Path file, MoveReader.Scan scan) {
        try {
            Moves moves = MoveReader.read(file, StandardCharsets.UTF_8, SITES, PRODUCTS, w -> {}, null, scan);
            StringBuilder s = new StringBuilder("moves:\n");
            String[] rows = new String[moves.size()];
            for (int r = 0; r < moves.size(); r++) {
                rows[r] = describe(moves, r);
                s.append(rows[r]).append('\n');
            }
            Moves.Order order = moves.order();
            s.append("order: ").append(Arrays.toString(order.rows())).append(Arrays.toString(order.start()));
            // sorted in place: row i is the order's i-th row, the runs are the same, and the order is 0..n-1
            Moves.Order sorted = moves.sortIntoWritingOrder();
            assertThat(sorted.start()).containsExactly(order.start());
            for (int i = 0; i < moves.size(); i++) {
                assertThat(sorted.rows()[i]).isEqualTo(i);
                assertThat(describe(moves, i)).isEqualTo(rows[order.rows()[i]]);
            }
            return s.toString();
        } catch (InputRejectedException e) {
            return "rejected:\n"
                    + String.join(
                            "\n", e.problems().stream().map(Problem::toString).toList());
        }
    }

    private static String describe(Moves moves, int r) {
        return moves.line(r) + " " + moves.positionOf(r) + " " + Moves.atText(moves.at(r)) + " " + moves.kind(r) + " "
                + moves.qty(r) + " " + moves.ref(r);
    }
}
