package io.chanops.ledger.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.chanops.ledger.OutputFailedException;
import io.chanops.ledger.testing.TestLedgers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputSetTest {
    @TempDir
    Path dir;

    private static OutputFile.Content text(String s) {
        return out -> out.write(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aFileAppearsOnlyWhenPublishedAndWholly() throws IOException {
        Path report = dir.resolve("report.csv");
        Files.writeString(report, "old");
        try (OutputSet outputs = new OutputSet(OutputGuard.NONE)) {
            outputs.file(report).write(OutputFile.Access.DEFAULT, text("new"));
            assertThat(Files.readString(report)).isEqualTo("old");
            outputs.publish();
        }
        assertThat(Files.readString(report)).isEqualTo("new");
        assertThat(TestLedgers.fileNames(dir)).containsExactly("report.csv");
    }

    @Test
    void anObsoleteFileOfAnEarlierRunGoesWhenTheOutputsArePublishedAndOnlyThen() throws IOException {
        Path report = dir.resolve("summary.csv");
        Path stale = Files.writeString(dir.resolve("resolved-late.csv"), "an earlier run's");
        Path notes = Files.writeString(dir.resolve("notes.txt"), "mine");
        try (OutputSet outputs = new OutputSet(OutputGuard.NONE)) {
            outputs.file(report).write(OutputFile.Access.DEFAULT, text("new"));
            outputs.obsolete(stale);
            outputs.obsolete(dir.resolve("never-there.csv"));
            assertThat(stale).exists(); // not before the publication
        }
        assertThat(stale).exists(); // nothing published: nothing removed
        try (OutputSet outputs = new OutputSet(OutputGuard.NONE)) {
            outputs.file(report).write(OutputFile.Access.DEFAULT, text("new"));
            outputs.obsolete(stale);
            outputs.publish();
        }
        assertThat(TestLedgers.fileNames(dir)).containsExactlyInAnyOrder("summary.csv", "notes.txt");
        assertThat(Files.readString(notes)).isEqualTo("mine");
    }

    @Test
    void anObsoleteNameThatIsADirectoryOrAnInputIsLeftAlone() throws IOException {
        Path asDirectory = Files.createDirectory(dir.resolve("resolved-late.csv"));
        Path input = Files.writeString(dir.resolve("input.csv"), "input");
        try (OutputSet outputs = new OutputSet(OutputGuard.inputs(input))) {
            outputs.file(dir.resolve("summary.csv")).write(OutputFile.Access.DEFAULT, text("new"));
            outputs.obsolete(asDirectory);
            outputs.obsolete(input);
            outputs.publish();
        }
        assertThat(asDirectory).isDirectory();
        assertThat(input).hasContent("input");
    }

    @Test
    void aSymbolicLinkAtTheTargetIsRefusedAndItsFileLeftAlone() throws IOException {
        Path victim = Files.writeString(dir.resolve("victim"), "precious");
        Path link = Files.createSymbolicLink(dir.resolve("report.csv"), victim);
        try (OutputSet outputs = new OutputSet(OutputGuard.NONE)) {
            assertThatThrownBy(() -> outputs.file(link))
                    .isInstanceOf(OutputRefusedException.class)
                    .hasMessageContaining("is a symbolic link");
        }
        assertThat(Files.readString(victim)).isEqualTo("precious");
        assertThat(Files.isSymbolicLink(link)).isTrue();
    }

    @Test
    void aDirectoryAtTheTargetIsRefused() throws IOException {
        Path d = Files.createDirectory(dir.resolve("out"));
        try (OutputSet outputs = new OutputSet(OutputGuard.NONE)) {
            assertThatThrownBy(() -> outputs.file(d))
                    .isInstanceOf(OutputRefusedException.class)
                    .hasMessageContaining("is a directory");
        }
    }

    @Test
    void aFifoAtTheTargetIsRefused() throws Exception {
        Path fifo = dir.resolve("fifo.csv");
        boolean made;
        try {
            made = new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0;
        } catch (IOException e) {
            made = false;
        }
        assumeTrue(made, "mkfifo is not available");
        try (OutputSet outputs = new OutputSet(OutputGuard.NONE)) {
            assertThatThrownBy(() -> outputs.file(fifo))
                    .isInstanceOf(OutputRefusedException.class)
                    .hasMessageContaining("not a regular file");
        }
        assertThat(Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS)).isFalse();
    }

    @Test
    void aDeviceIsRefused() {
        Path devNull = Path.of("/dev/null");
        assumeTrue(Files.exists(devNull));
        try (OutputSet outputs = new OutputSet(OutputGuard.NONE)) {
            assertThatThrownBy(() -> outputs.file(devNull))
                    .isInstanceOf(OutputRefusedException.class)
                    .hasMessageContaining("not a regular file");
        }
    }

    @Test
    void theLedgerAndItsCompanionFilesAreRefusedHoweverSpelled() throws IOException {
        Path ledger = Files.writeString(dir.resolve("chanops.db"), "ledger");
        Path sub = Files.createDirectory(dir.resolve("sub"));
        Path alias = Files.createSymbolicLink(dir.resolve("alias"), dir);
        OutputGuard guard = OutputGuard.of(Optional.of(ledger), List.of());
        try (OutputSet outputs = new OutputSet(guard)) {
            for (Path p : List.of(
                    ledger,
                    sub.resolve("../chanops.db"),
                    alias.resolve("chanops.db"),
                    dir.resolve("chanops.db-wal"),
                    dir.resolve("chanops.db-shm"))) {
                assertThatThrownBy(() -> outputs.file(p))
                        .as(p.toString())
                        .isInstanceOf(OutputRefusedException.class)
                        .hasMessageContaining("refusing to write over the ledger");
            }
        }
        assertThat(Files.readString(ledger)).isEqualTo("ledger");
    }

    @Test
    void aHardLinkToTheLedgerIsRefused() throws IOException {
        Path ledger = Files.writeString(dir.resolve("chanops.db"), "ledger");
        Path other = Files.createDirectory(dir.resolve("other"));
        Path hard = Files.createLink(other.resolve("report.csv"), ledger);
        try (OutputSet outputs = new OutputSet(OutputGuard.of(Optional.of(ledger), List.of()))) {
            assertThatThrownBy(() -> outputs.file(hard))
                    .isInstanceOf(OutputRefusedException.class)
                    .hasMessageContaining("the ledger");
        }
    }

    @Test
    void anInputOfTheCommandIsRefused() throws IOException {
        Path input = Files.writeString(dir.resolve("rules.csv"), "rules");
        try (OutputSet outputs = new OutputSet(OutputGuard.inputs(input))) {
            assertThatThrownBy(() -> outputs.file(Path.of(dir + "/./rules.csv")))
                    .isInstanceOf(OutputRefusedException.class)
                    .hasMessageContaining("an input of this command");
        }
    }

    @Test
    void theSameFileTwiceIsRefused() {
        try (OutputSet outputs = new OutputSet(OutputGuard.NONE)) {
            outputs.file(dir.resolve("a.csv"));
            assertThatThrownBy(() -> outputs.file(dir.resolve("x/../a.csv")))
                    .isInstanceOf(OutputRefusedException.class)
                    .hasMessageContaining("two outputs");
        }
    }

    @Test
    void aMissingDirectoryIsRefused() {
        try (OutputSet outputs = new OutputSet(OutputGuard.NONE)) {
            assertThatThrownBy(() -> outputs.file(dir.resolve("nowhere/a.csv")))
                    .isInstanceOf(OutputRefusedException.class)
                    .hasMessageContaining("no such directory");
            assertThatThrownBy(() -> outputs.directory(dir.resolve("nowhere/plan")))
                    .isInstanceOf(OutputRefusedException.class);
        }
        assertThat(Files.exists(dir.resolve("nowhere"))).isFalse();
    }

    @Test
    void nothingIsPublishedWhenTheSecondFileFails() throws IOException {
        Path first = Files.writeString(dir.resolve("summary.csv"), "earlier summary");
        Path second = Files.writeString(dir.resolve("matched.csv"), "earlier matched");
        try (OutputSet outputs = new OutputSet(OutputGuard.NONE)) {
            OutputFile a = outputs.file(first);
            OutputFile b = outputs.file(second);
            a.write(OutputFile.Access.DEFAULT, text("new summary"));
            assertThatThrownBy(() -> b.write(OutputFile.Access.DEFAULT, out -> {
                        out.write("half a row".getBytes(StandardCharsets.UTF_8));
                        throw new IOException("No space left on device");
                    }))
                    .isInstanceOf(OutputFailedException.class)
                    .hasMessage(second + ": No space left on device");
            // the command fails here: publish() is never called
        }
        assertThat(Files.readString(first)).isEqualTo("earlier summary");
        assertThat(Files.readString(second)).isEqualTo("earlier matched");
        assertThat(TestLedgers.fileNames(dir)).containsExactly("matched.csv", "summary.csv");
    }

    @Test
    void theTemporaryFileIsRemovedWhenWritingFails() throws IOException {
        try (OutputSet outputs = new OutputSet(OutputGuard.NONE)) {
            OutputFile f = outputs.file(dir.resolve("r.csv"));
            assertThatThrownBy(() -> f.write(OutputFile.Access.DEFAULT, out -> {
                        out.write(new byte[100_000]);
                        throw new UncheckedIOException(new IOException("disk full"));
                    }))
                    .isInstanceOf(OutputFailedException.class);
            assertThat(TestLedgers.fileNames(dir)).isEmpty();
        }
    }

    @Test
    void temporaryFilesHaveUnpredictableNamesAndAPlantedLinkIsNotFollowed() throws IOException {
        Path victim = Files.writeString(dir.resolve("victim"), "precious");
        // the name the tool used to write through: .NAME.tmp
        Files.createSymbolicLink(dir.resolve(".report.csv.tmp"), victim);
        Path report = dir.resolve("report.csv");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            try (OutputSet outputs = new OutputSet(OutputGuard.NONE)) {
                OutputFile f = outputs.file(report);
                f.write(OutputFile.Access.DEFAULT, out -> {
                    List<String> temps = TestLedgers.fileNames(dir).stream()
                            .filter(n -> n.startsWith(".report.csv.") && !n.equals(".report.csv.tmp"))
                            .toList();
                    assertThat(temps).hasSize(1);
                    assertThat(temps.get(0)).matches("\\.report\\.csv\\.[0-9a-f]{16}\\.tmp");
                    seen.add(temps.get(0));
                    out.write("report".getBytes(StandardCharsets.UTF_8));
                });
                outputs.publish();
            }
        }
        assertThat(seen).hasSize(3);
        assertThat(Files.readString(victim)).isEqualTo("precious");
        assertThat(Files.isSymbolicLink(report)).isFalse();
        assertThat(Files.readString(report)).isEqualTo("report");
    }

    @Test
    void ownerOnlyFilesAreCreatedReadableByTheirOwnerOnly() throws IOException {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path phones = Files.writeString(dir.resolve("matched.csv"), "earlier");
        Files.setPosixFilePermissions(phones, PosixFilePermissions.fromString("rw-r--r--"));
        Path plain = dir.resolve("summary.csv");
        try (OutputSet outputs = new OutputSet(OutputGuard.NONE)) {
            outputs.file(phones).write(OutputFile.Access.OWNER_ONLY, out -> {
                Path temp;
                try (Stream<Path> s = Files.list(dir)) {
                    temp = s.filter(p -> p.getFileName().toString().startsWith(".matched.csv."))
                            .findFirst()
                            .orElseThrow();
                }
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(temp)))
                        .isEqualTo("rw-------");
                out.write('x');
            });
            outputs.file(plain).write(OutputFile.Access.DEFAULT, text("y"));
            outputs.publish();
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(phones)))
                .isEqualTo("rw-------");
        assertThat(Files.getPosixFilePermissions(plain))
                .contains(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void aNewDirectoryIsCreatedWithItsFirstFileAndRemovedIfNothingIsPublished() throws IOException {
        Path plan = dir.resolve("plan");
        try (OutputSet outputs = new OutputSet(OutputGuard.NONE)) {
            outputs.directory(plan);
            OutputFile routes = outputs.file(plan.resolve("routes.csv"));
            assertThat(Files.exists(plan)).isFalse();
            routes.write(OutputFile.Access.DEFAULT, text("r"));
            assertThat(Files.isDirectory(plan)).isTrue();
        }
        assertThat(Files.exists(plan)).isFalse();
        try (OutputSet outputs = new OutputSet(OutputGuard.NONE)) {
            outputs.directory(plan);
            outputs.file(plan.resolve("routes.csv")).write(OutputFile.Access.DEFAULT, text("r"));
            outputs.publish();
        }
        assertThat(TestLedgers.fileNames(plan)).containsExactly("routes.csv");
    }

    @Test
    void aSymbolicLinkOrAFileAsTheOutputDirectoryIsRefused() throws IOException {
        Path real = Files.createDirectory(dir.resolve("real"));
        Path link = Files.createSymbolicLink(dir.resolve("plan"), real);
        Path file = Files.writeString(dir.resolve("file"), "x");
        try (OutputSet outputs = new OutputSet(OutputGuard.NONE)) {
            assertThatThrownBy(() -> outputs.directory(link))
                    .isInstanceOf(OutputRefusedException.class)
                    .hasMessageContaining("symbolic link");
            assertThatThrownBy(() -> outputs.directory(file))
                    .isInstanceOf(OutputRefusedException.class)
                    .hasMessageContaining("not a directory");
            assertThatThrownBy(() -> outputs.file(file.resolve("a.csv")))
                    .isInstanceOf(OutputRefusedException.class)
                    .hasMessageContaining("is not a directory");
        }
    }

    @Test
    void afterCloseNothingCanBeWrittenOrPublished() {
        OutputSet outputs = new OutputSet(OutputGuard.NONE);
        OutputFile f = outputs.file(dir.resolve("a.csv"));
        outputs.close();
        assertThatThrownBy(() -> f.write(OutputFile.Access.DEFAULT, text("x")))
                .isInstanceOf(OutputFailedException.class);
        assertThatThrownBy(outputs::publish).isInstanceOf(OutputFailedException.class);
        assertThat(Files.exists(dir.resolve("a.csv"))).isFalse();
    }
}
