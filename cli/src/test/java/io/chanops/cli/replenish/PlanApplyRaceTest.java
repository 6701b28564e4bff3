package io.chanops.cli.replenish;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.cli.CliHarness;
import io.chanops.ledger.testing.TestLedgers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The race of SPEC §6 {@code --apply}, made repeatable: {@code replenish plan --apply} runs in-process, and the line
 * the command prints when solving is done ("N vehicles, N stops, ...", before it applies anything) runs a
 * {@code stock import} whose sale escalates an order the plan has already read. The import commits before the line's
 * flush returns, so the apply always comes after it.
 *
 * <pre>
 * after the check at 09:30 on the ledger of TwoStoreLedger:
 * RO-20260302-000001  ST-1 CASE   emergency 9  due 03-02
 * RO-20260302-000002  ST-1 PHONE  regular   9  due 03-04   the sale of 2 at 10:40 escalates it: emergency 11, due 03-02
 * RO-20260302-000003  ST-2 CASE   regular   8  due 03-04
 * </pre>
 */
class PlanApplyRaceTest {
    private static final Pattern SOLVED_LINE = Pattern.compile("(?m)^\\d+ vehicles, \\d+ stops, ");
    private static final String ESCALATED = "RO-20260302-000002";

    @TempDir
    Path dir;

    CliHarness cli;
    Path vehicles;
    Path sale;

    @BeforeEach
    void setUp() {
        cli = TwoStoreLedger.make(dir);
        vehicles = TestLedgers.write(
                dir, "vehicles.csv", "vehicle_id,depot,capacity,shift_start,shift_end", "VAN-1,WH,50,08:00,18:00");
        sale = TestLedgers.write(dir, "sale.csv", "at,site_id,sku,kind,qty,ref", TwoStoreLedger.SALE);
        assertThat(cli.run("replenish", "check").code()).isEqualTo(3);
    }

    @Test
    void anOrderEscalatedWhileThePlanSolvesIsNotMarkedAndNoFilesArePublished() throws IOException {
        Path out = dir.resolve("plan-0304");
        AtomicReference<CliHarness.Result> escalation = new AtomicReference<>();
        CliHarness.Result plan = runWithChangeBeforeApply(
                () -> escalation.set(
                        new CliHarness(dir).at("2026-03-02 10:45").run("stock", "import", sale.toString())),
                planTo0304(out));

        assertThat(escalation.get()).as("the import ran while the solver ran").isNotNull();
        assertThat(escalation.get().code()).as(escalation.get().toString()).isEqualTo(3);
        assertThat(plan.code()).as(plan.toString()).isEqualTo(4);
        assertThat(plan.err())
                .contains(
                        "order " + ESCALATED + ": kind regular -> emergency, qty 9 -> 11, due 2026-03-04 -> 2026-03-02")
                .contains("plan again");
        assertThat(out).doesNotExist();
        assertThat(ChangeOnLine.leftovers(dir)).isEmpty();
        assertThat(statuses())
                .containsExactly("RO-20260302-000001:open", ESCALATED + ":open", "RO-20260302-000003:open");
    }

    @Test
    void afterARefusedApplyTheNextPlanAppliesTheNewState() throws IOException {
        Path out = dir.resolve("plan-0304");
        runWithChangeBeforeApply(
                () -> new CliHarness(dir).at("2026-03-02 10:45").run("stock", "import", sale.toString()),
                planTo0304(out));

        // the escalated order is due today now: the later day's plan leaves it out
        CliHarness.Result later = cli.at("2026-03-02 10:50").run(planTo0304(out));
        assertThat(later.code()).as(later.toString()).isZero();
        assertThat(Files.readString(out.resolve("lines.csv")))
                .contains("CASE,8,RO-20260302-000003")
                .doesNotContain(ESCALATED);
        // and today's plan delivers it, with its new quantity
        Path today = dir.resolve("plan-0302");
        CliHarness.Result now = cli.run(PlanArgs.quickPlan("2026-03-02", vehicles, today, "--apply"));
        assertThat(now.code()).as(now.toString()).isZero();
        assertThat(Files.readString(today.resolve("lines.csv")))
                .contains("PHONE,11," + ESCALATED)
                .contains("CASE,9,RO-20260302-000001");
        assertThat(statuses())
                .containsExactly("RO-20260302-000001:planned", ESCALATED + ":planned", "RO-20260302-000003:planned");
        assertThat(ChangeOnLine.leftovers(dir)).isEmpty();
    }

    @Test
    void aPlanWhoseOrdersDidNotChangeIsAppliedAndPublished() throws IOException {
        Path out = dir.resolve("plan-0304");
        CliHarness.Result plan = runWithChangeBeforeApply(() -> {}, planTo0304(out));
        assertThat(plan.code()).as(plan.toString()).isZero();
        assertThat(plan.err()).contains("marked 2 orders planned");
        assertThat(TestLedgers.fileNames(out))
                .containsExactlyInAnyOrder("routes.csv", "lines.csv", "unserved.csv", "summary.csv");
        assertThat(statuses())
                .containsExactly("RO-20260302-000001:open", ESCALATED + ":planned", "RO-20260302-000003:planned");
    }

    /** The applied plan of Wednesday 03-04, regular orders included, into {@code out}. */
    private String[] planTo0304(Path out) {
        return PlanArgs.quickPlan("2026-03-04", vehicles, out, "--include-regular", "--apply");
    }

    private CliHarness.Result runWithChangeBeforeApply(Runnable change, String... args) {
        return ChangeOnLine.run(cli.db(), "2026-03-02 10:30", SOLVED_LINE, change, args);
    }

    private List<String> statuses() {
        return cli.run("replenish", "orders", "--format", "csv")
                .out()
                .lines()
                .skip(1)
                .map(l -> l.split(",")[0] + ":" + l.split(",")[5])
                .toList();
    }
}
