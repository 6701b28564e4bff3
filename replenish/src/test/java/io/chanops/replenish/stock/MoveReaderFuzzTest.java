package io.chanops.replenish.stock;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.chanops.ledger.InputRejectedException;
import io.chanops.ledger.Problem;
import io.chanops.ledger.model.ProductType;
import io.chanops.ledger.testing.FuzzFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Coverage-guided fuzzing of moves.csv's readers: whatever the bytes, the byte fast path (on one thread and in two
 * halves) and the row-by-row path either read the same moves or reject the file with the same problems; nothing else
 * is thrown, nothing hangs. Seeds in {@code MoveReaderFuzzTestInputs}; {@code scripts/test/fuzz.sh} fuzzes.
 */
class MoveReaderFuzzTest {
    private static final Set<String> SITES = Set.of("S1", "S2", "WH", "店1");
    private static final Map<String, ProductType> PRODUCTS =
            Map.of("H1", ProductType.HANDSET, "A1", ProductType.ACCESSORY, "C1", ProductType.CONTRACT);

    @RegisterExtension
    static final FuzzFiles FILES = new FuzzFiles();

    @Timeout(10)
    @FuzzTest(maxDuration = "5s")
    void bytePathAndRowPathReadOrRejectAlike(byte[] data) throws IOException {
        Path f = FILES.write("moves.csv", data);
        String rows = outcome(f, false, Integer.MAX_VALUE);
        assertThat(outcome(f, true, Integer.MAX_VALUE)).isEqualTo(rows);
        assertThat(outcome(f, true, 1)).isEqualTo(rows);
    }

    private static String outcome(Path file, boolean scanBytes, int parallelBytes) {
        try {
            Moves moves = MoveReader.read(
                    file, StandardCharsets.UTF_8, SITES, PRODUCTS, w -> {}, null, scanBytes, parallelBytes);
            StringBuilder s = new StringBuilder("moves:\n");
            for (int r = 0; r < moves.size(); r++) {
                s.append(moves.line(r))
                        .append(' ')
                        .append(moves.positionOf(r))
                        .append(' ')
                        .append(Moves.atText(moves.at(r)))
                        .append(' ')
                        .append(moves.kind(r))
                        .append(' ')
                        .append(moves.qty(r))
                        .append(' ')
                        .append(moves.ref(r))
                        .append('\n');
            }
            return s.toString();
        } catch (InputRejectedException e) {
            return "rejected:\n"
                    + String.join(
                            "\n", e.problems().stream().map(Problem::toString).toList());
        }
    }
}
