package io.chanops.ledger.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.chanops.ledger.testing.TestLedgers;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A JVM stopped by SIGTERM while it writes a report removes its temporary file and leaves the old report as it was. */
class OutputSetShutdownTest {
    @TempDir
    Path dir;

    /** Starts writing {@code args[0]} and waits there until it is stopped. */
    public static final class StoppedWriter {
        public static void main(String[] args) throws Exception {
            OutputSet outputs = new OutputSet(OutputGuard.NONE);
            outputs.file(Path.of(args[0])).write(OutputFile.Access.OWNER_ONLY, out -> {
                out.write("half a report".getBytes(StandardCharsets.UTF_8));
                out.flush();
                System.out.println("writing");
                System.out.flush();
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
    }

    @Test
    void sigtermRemovesTheTemporaryFile() throws Exception {
        assumeTrue(!System.getProperty("os.name").toLowerCase().contains("win"), "SIGTERM is a Unix signal");
        Path report = Files.writeString(dir.resolve("report.csv"), "earlier report");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        StoppedWriter.class.getName(),
                        report.toString())
                .redirectErrorStream(true)
                .start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line = r.readLine();
            assertThat(line).as("the writer's first line").isEqualTo("writing");
            assertThat(TestLedgers.fileNames(dir)).hasSize(2);
            p.destroy(); // SIGTERM
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            p.destroyForcibly();
        }
        assertThat(TestLedgers.fileNames(dir)).containsExactly("report.csv");
        assertThat(Files.readString(report)).isEqualTo("earlier report");
    }
}
