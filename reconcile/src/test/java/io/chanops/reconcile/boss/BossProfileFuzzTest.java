package io.chanops.reconcile.boss;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.chanops.ledger.InputRejectedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of the BOSS profile parser: whatever the bytes, {@link BossProfile#load} gives a profile or
 * rejects the file with {@link InputRejectedException}; never another exception, never a hang. Seeds in
 * {@code BossProfileFuzzTestInputs}; {@code scripts/test/fuzz.sh} fuzzes.
 */
class BossProfileFuzzTest {
    private static Path dir;

    @BeforeAll
    static void tempDir() throws IOException {
        dir = Files.createTempDirectory("chanops-fuzz");
    }

    @AfterAll
    static void removeTempDir() throws IOException {
        io.chanops.ledger.testing.TestLedgers.deleteTree(dir);
    }

    @Timeout(10)
    @FuzzTest(maxDuration = "5s")
    void loadsOrRejects(byte[] data) throws IOException {
        Path f = Files.write(dir.resolve("profile.properties"), data);
        try {
            BossProfile p = BossProfile.load(f);
            p.allNames();
            p.dateTime().parse("20260301101500");
        } catch (InputRejectedException expected) {
            // a rejected profile is a correct outcome
        }
    }
}
