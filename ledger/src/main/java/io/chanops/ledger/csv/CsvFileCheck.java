package io.chanops.ledger.csv;

import io.chanops.ledger.InputRejectedException;
import io.chanops.ledger.Problem;
import io.chanops.ledger.files.FileHead;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What an input file must be before it is read as CSV, said plainly instead of as a parser's failure: a regular file
 * (not a directory, a FIFO or a device: standard input is not read), and not an SQLite database (a ledger given where
 * its CSV was meant reads as NUL bytes, which would be taken for UTF-16). A missing file is left to the reader.
 */
public final class CsvFileCheck {
    private CsvFileCheck() {}

    /**
     * Throws {@link InputRejectedException} when {@code file} exists and is not a regular file: opening a FIFO would
     * wait for a writer, a device would read as endless or empty input.
     */
    public static void requireRegularFile(Path file) {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw InputRejectedException.of(Problem.ofFile(name, "is a directory, not a file to read"));
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw InputRejectedException.of(Problem.ofFile(
                    name, "is not a regular file (a FIFO or a device): give a file; standard input is not read"));
        }
    }

    /** Throws {@link InputRejectedException} when {@code file} exists and cannot be a CSV file. */
    public static void require(Path file) {
        requireRegularFile(file);
        String name = file.toString();
        if (!Files.exists(file)) {
            return;
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(FileHead.SQLITE_HEADER_LENGTH);
        } catch (IOException e) {
            return; // the reader says why it cannot read it
        }
        if (FileHead.isSqlite(head)) {
            throw InputRejectedException.of(Problem.ofFile(
                    name, "is an SQLite database (a chanops ledger?), not a CSV file: give the CSV file to read"));
        }
    }
}
