package io.chanops.replenish.planning.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.ledger.files.OutputGuard;
import io.chanops.ledger.files.OutputSet;
import io.chanops.ledger.testing.TestLedgers;
import io.chanops.replenish.planning.PlanResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanFilesTest {
    private static final PlanResult EMPTY = new PlanResult(List.of(), List.of(), "0hard/0medium/0soft", List.of());

    @TempDir
    Path dir;

    @Test
    void nothingAppearsUntilPublishedAndAnUnpublishedPlanLeavesNothingBehind() throws IOException {
        Path out = dir.resolve("plan");
        try (OutputSet outputs = new OutputSet(OutputGuard.NONE)) {
            PlanFiles.declare(outputs, out).write(EMPTY, false);
            assertThat(TestLedgers.fileNames(out))
                    .allMatch(n -> n.startsWith(".") && n.endsWith(".tmp"))
                    .hasSize(4);
        }
        assertThat(TestLedgers.fileNames(dir)).isEmpty();
    }

    @Test
    void publishingReplacesAnEarlierPlanWithAllFourFiles() throws IOException {
        Path out = Files.createDirectories(dir.resolve("plan"));
        Files.writeString(out.resolve("summary.csv"), "metric,value\nstops,3\n");
        try (OutputSet outputs = new OutputSet(OutputGuard.NONE)) {
            PlanFiles.declare(outputs, out).write(EMPTY, false);
            assertThat(Files.readString(out.resolve("summary.csv"))).isEqualTo("metric,value\nstops,3\n");
            outputs.publish();
        }
        assertThat(TestLedgers.fileNames(out))
                .containsExactly("lines.csv", "routes.csv", "summary.csv", "unserved.csv");
        assertThat(Files.readString(out.resolve("summary.csv")))
                .startsWith("metric,value")
                .contains("score,0hard/0medium/0soft");
        assertThat(TestLedgers.fileNames(dir)).containsExactly("plan");
    }
}
