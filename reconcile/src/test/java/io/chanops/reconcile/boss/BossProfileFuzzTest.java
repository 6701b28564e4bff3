package io.chanops.reconcile.boss;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.chanops.ledger.InputRejectedException;
import io.chanops.ledger.testing.FuzzFiles;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Coverage-guided fuzzing of the BOSS profile parser: whatever the bytes, {@link BossProfile#load} gives a profile or
 * rejects the file with {@link InputRejectedException}; never another exception, never a hang. Seeds in
 * {@code BossProfileFuzzTestInputs}; {@code scripts/test/fuzz.sh} fuzzes.
 */
class BossProfileFuzzTest {
    @RegisterExtension
    static final FuzzFiles FILES = new FuzzFiles();

    @Timeout(10)
    @FuzzTest(maxDuration = "5s")
    void loadsOrRejects(byte[] data) throws IOException {
        Path f = FILES.write("profile.properties", data);
        FuzzFiles.readsOrRejects(() -> {
            BossProfile p = BossProfile.load(f);
            p.allNames();
            p.dateTime().parse("20260301101500");
        });
    }
}
