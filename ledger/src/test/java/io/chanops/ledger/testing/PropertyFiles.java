package io.chanops.ledger.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folder a jqwik property writes its files into (jqwik properties cannot use {@code @TempDir}): made on first use,
 * deleted by {@link #delete}. A property class holds one as {@code private static final PropertyFiles FILES = new
 * PropertyFiles("prefix");} and deletes it in its {@code @AfterContainer}.
 */
public final class PropertyFiles {
    private final String prefix;
    private Path dir;

    /** A folder whose name starts with {@code prefix}. */
    public PropertyFiles(String prefix) {
        this.prefix = prefix;
    }

    /** The folder, made by the first call. */
    public synchronized Path dir() throws IOException {
        if (dir == null) {
            dir = Files.createTempDirectory(prefix);
        }
        return dir;
    }

    /** Deletes the folder with all it holds (if it was made); a later {@link #dir} makes a new one. */
    public synchronized void delete() throws IOException {
        TestLedgers.deleteTree(dir);
        dir = null;
    }
}
