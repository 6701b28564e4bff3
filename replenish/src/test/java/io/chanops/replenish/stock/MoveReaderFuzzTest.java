package io.chanops.replenish.stock;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.chanops.ledger.testing.FuzzFiles;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Coverage-guided fuzzing of moves.csv's readers: whatever the bytes, the byte fast path (on one thread and in two
 * halves) and the row-by-row path either read the same moves or reject the file with the same problems; nothing else
 * is thrown, nothing hangs. Seeds in {@code MoveReaderFuzzTestInputs}; {@code scripts/test/fuzz.sh} fuzzes.
 */
class MoveReaderFuzzTest {
    @RegisterExtension
    static final FuzzFiles FILES = new FuzzFiles();

    @Timeout(10)
    @FuzzTest(maxDuration = "5s")
    void bytePathAndRowPathReadOrRejectAlike(byte[] data) throws IOException {
        Path f = FILES.write("moves.csv", data);
        ScanAgreement.agree(f);
    }
}
