package io.chanops.finance;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.chanops.ledger.InputRejectedException;
import io.chanops.ledger.testing.FuzzFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Coverage-guided fuzzing of the commission rule parser: whatever the bytes, {@link RuleFile#read} gives the rules or
 * rejects the file with {@link InputRejectedException}; never another exception, never a hang. Seeds in
 * {@code RuleFileFuzzTestInputs}; {@code scripts/test/fuzz.sh} fuzzes.
 */
class RuleFileFuzzTest {
    private static final RuleFile.MasterData MASTER =
            new RuleFile.MasterData(Map.of("S1", "hall", "S2", "partner"), Map.of("H1", "handset", "C1", "contract"));

    @RegisterExtension
    static final FuzzFiles FILES = new FuzzFiles();

    @Timeout(10)
    @FuzzTest(maxDuration = "5s")
    void readsOrRejects(byte[] data) throws IOException {
        Path f = FILES.write("rules.csv", data);
        FuzzFiles.readsOrRejects(() -> {
            for (CommissionRule r : RuleFile.read(f, StandardCharsets.UTF_8, MASTER, w -> {})) {
                r.validityText();
                r.scope();
            }
        });
    }
}
