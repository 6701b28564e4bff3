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
 * Coverage-guided fuzzing of the byte reader (the path of reconciliation's bulk files): whatever the bytes, charset,
 * delimiter and read-buffer size, {@link ByteCsv} reads the file or rejects it with {@link InputRejectedException};
 * never another exception, never a hang. Seeds in {@code ByteCsvFuzzTestInputs}; {@code scripts/test/fuzz.sh} fuzzes.
 */
class ByteCsvFuzzTest {
    private static final Charset[] CHARSETS = {
        StandardCharsets.UTF_8, Charset.forName("GB18030"), Charset.forName("GBK"), StandardCharsets.ISO_8859_1
    };
    private static final char[] DELIMITERS = {',', '|', '\t', ';'};

    @RegisterExtension
    static final FuzzFiles FILES = new FuzzFiles();

    /** The first byte picks charset, delimiter and buffer size; the rest is the file. */
    @Timeout(10)
    @FuzzTest(maxDuration = "5s")
    void readsOrRejects(byte[] data) throws IOException {
        int knobs = FuzzFiles.knobs(data);
        Path f = FILES.writeAfterKnobs("fuzz.csv", data);
        int block = (knobs & 0x10) != 0 ? 1 + (knobs >> 5) : 1 << 16;
        FuzzFiles.readsOrRejects(() -> {
            try (ByteCsv csv = ByteCsv.open(f, CHARSETS[knobs & 3], DELIMITERS[(knobs >> 2) & 3], null, block)) {
                csv.warnUnknown(Set.of("a", "b", "amount"), w -> {});
                int a = csv.index("a");
                int amount = csv.index("amount");
                csv.estimatedRecords();
                while (csv.next()) {
                    csv.rejected(p -> p.toString());
                    csv.get(a);
                    csv.get(amount);
                    csv.problem(a, "x").toString();
                    byte[] b = csv.bytes();
                    int from = csv.from(amount);
                    int to = csv.to(amount);
                    ByteCsv.ascii(b, from, to);
                }
            }
        });
    }
}
