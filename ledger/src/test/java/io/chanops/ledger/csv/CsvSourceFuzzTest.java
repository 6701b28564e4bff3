package io.chanops.ledger.csv;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.chanops.ledger.InputRejectedException;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of the generic reader: whatever the bytes, {@link CsvSource} reads the file (every row
 * checked against the shared rules) or rejects it with {@link InputRejectedException}; never another exception, never
 * a hang. A normal build replays the seeds in {@code CsvSourceFuzzTestInputs}; {@code scripts/test/fuzz.sh} fuzzes.
 */
class CsvSourceFuzzTest {
    private static Path dir;

    @BeforeAll
    static void tempDir() throws IOException {
        dir = Files.createTempDirectory("chanops-fuzz");
    }

    @AfterAll
    static void removeTempDir() throws IOException {
        io.chanops.ledger.testing.TestLedgers.deleteTree(dir);
    }

    /** The first byte picks the charset; the rest is the file. */
    @Timeout(10)
    @FuzzTest(maxDuration = "5s")
    void readsOrRejects(byte[] data) throws IOException {
        Charset charset = data.length > 0 && (data[0] & 1) == 1 ? Charset.forName("GB18030") : StandardCharsets.UTF_8;
        Path f = dir.resolve("fuzz.csv");
        Files.write(f, data.length > 0 ? java.util.Arrays.copyOfRange(data, 1, data.length) : data);
        try (CsvSource csv = CsvSource.open(f, charset)) {
            csv.warnUnknown(Set.of("a", "b", "qty"), w -> {});
            csv.hasColumn("a");
            for (CsvRow row : csv) {
                row.rejected(p -> p.toString());
                row.get("a");
                row.get("qty");
                row.isEmptyLine();
                Cells.whole(row.get("qty"), Cells.MAX_QUANTITY);
            }
        } catch (InputRejectedException expected) {
            // a rejected file is a correct outcome
        }
    }
}
