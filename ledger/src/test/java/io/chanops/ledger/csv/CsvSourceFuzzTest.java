package io.chanops.ledger.csv;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.chanops.ledger.InputRejectedException;
import io.chanops.ledger.testing.FuzzFiles;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Coverage-guided fuzzing of the generic reader: whatever the bytes, {@link CsvSource} reads the file (every row
 * checked against the shared rules) or rejects it with {@link InputRejectedException}; never another exception, never
 * a hang. A normal build replays the seeds in {@code CsvSourceFuzzTestInputs}; {@code scripts/test/fuzz.sh} fuzzes.
 */
class CsvSourceFuzzTest {
    @RegisterExtension
    static final FuzzFiles FILES = new FuzzFiles();

    /** The first byte picks the charset; the rest is the file. */
    @Timeout(10)
    @FuzzTest(maxDuration = "5s")
    void readsOrRejects(byte[] data) throws IOException {
        Charset charset = (FuzzFiles.knobs(data) & 1) == 1 ? Charset.forName("GB18030") : StandardCharsets.UTF_8;
        Path f = FILES.writeAfterKnobs("fuzz.csv", data);
        FuzzFiles.readsOrRejects(() -> {
            try (CsvSource csv = CsvSource.open(f, charset)) {
                csv.warnUnknown(Set.of("a", "b", "qty"), w -> {});
                csv.hasColumn("a");
                for (CsvRow row : csv) {
                    row.rejected(p -> p.toString());
                    row.get("a");
                    row.get("qty");
                    if (row.isEmptyLine()) {
                        throw new AssertionError("a row of empty cells reached the reader: " + row);
                    }
                    Cells.whole(row.get("qty"), Cells.MAX_QUANTITY);
                }
            }
        });
    }
}
