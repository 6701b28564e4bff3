package io.chanops.ledger.csv;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.ledger.imports.FileDigest;
import io.chanops.ledger.testing.TestLedgers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * An input that cannot be a CSV file is named for what it is by both readers, before any parsing: a ledger given
 * where its CSV was meant (read as NUL bytes it looked like UTF-16), a directory, a device or FIFO (opening a FIFO
 * waited for a writer, for ever).
 */
class CsvFileCheckTest {
    @TempDir
    Path dir;

    @Test
    void aLedgerGivenAsTheCsvIsNamedAnSqliteDatabaseByBothReaders() {
        TestLedgers.fresh(dir);
        Path ledger = dir.resolve("test.db");
        String expected =
                ledger + ": is an SQLite database (a chanops ledger?), not a CSV file: give the CSV file to read";
        assertThat(TestLedgers.rejection(() -> CsvSource.open(ledger, StandardCharsets.UTF_8)))
                .containsExactly(expected);
        assertThat(TestLedgers.rejection(() -> ByteCsv.open(ledger, StandardCharsets.UTF_8, ',', null)))
                .containsExactly(expected);
    }

    @Test
    void aDirectoryIsNamedByTheReadersAndTheDigest() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("moves.csv"));
        String expected = folder + ": is a directory, not a file to read";
        assertThat(TestLedgers.rejection(() -> CsvSource.open(folder, StandardCharsets.UTF_8)))
                .containsExactly(expected);
        assertThat(TestLedgers.rejection(() -> FileDigest.sha256(folder))).containsExactly(expected);
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aDeviceIsNotReadAsAnEmptyFile() {
        Path device = Path.of("/dev/null");
        String expected =
                "/dev/null: is not a regular file (a FIFO or a device): give a file; standard input is not read";
        assertThat(TestLedgers.rejection(() -> ByteCsv.open(device, StandardCharsets.UTF_8, ',', null)))
                .containsExactly(expected);
        assertThat(TestLedgers.rejection(() -> FileDigest.sha256(device))).containsExactly(expected);
    }
}
