package io.chanops.ledger.testing;

import io.chanops.ledger.InputRejectedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The folder a fuzz test writes the fuzzer's bytes into: made before the class's first input, deleted after its last.
 * A fuzz test registers it as {@code @RegisterExtension static final FuzzFiles FILES = new FuzzFiles();}.
 */
public final class FuzzFiles implements BeforeAllCallback, AfterAllCallback {
    private Path dir;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        dir = Files.createTempDirectory("chanops-fuzz");
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        TestLedgers.deleteTree(dir);
    }

    /** Writes all the bytes to {@code name} in the folder. */
    public Path write(String name, byte[] data) throws IOException {
        return Files.write(dir.resolve(name), data);
    }

    /** Writes all but the first byte (the one {@link #knobs} reads) to {@code name} in the folder. */
    public Path writeAfterKnobs(String name, byte[] data) throws IOException {
        return write(name, data.length > 0 ? Arrays.copyOfRange(data, 1, data.length) : data);
    }

    /** The first byte, 0 to 255 (0 when there is none): it picks what the test varies (charset, delimiter...). */
    public static int knobs(byte[] data) {
        return data.length > 0 ? data[0] & 0xff : 0;
    }

    /**
     * Runs one read of fuzzed input: rejecting it with {@link InputRejectedException} is a correct outcome; any
     * other exception fails the test.
     */
    public static void readsOrRejects(Read read) throws IOException {
        try {
            read.run();
        } catch (InputRejectedException expected) {
            // a rejected file is a correct outcome
        }
    }

    /** A read of the fuzzed file. */
    @FunctionalInterface
    public interface Read {
        void run() throws IOException;
    }
}
