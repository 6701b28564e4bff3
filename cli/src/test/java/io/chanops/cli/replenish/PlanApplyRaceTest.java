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
import java.util.stream.Stream;
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
 * after the check at 09:30 (as ReplenishCliTest):
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
        cli = new CliHarness(dir);
        Path sites = TestLedgers.write(
                dir,
                "sites.csv",
                "site_id,name,kind,city,warehouse,channel,lat,lon,opens,closes",
                "WH,Warehouse,warehouse,GZ,,,23.1,113.4,06:00,22:00",
                "ST-1,Store 1,store,GZ,WH,hall,23.2,113.3,09:00,21:00",
                "ST-2,Store 2,store,GZ,WH,partner,23.3,113.2,09:00,21:00");
        Path catalog = TestLedgers.write(
                dir,
                "catalog.csv",
                "sku,type,name,brand,price,status,channels,monthly_fee,months",
                "PHONE,handset,Phone,Brand,1999.00,listed,hall|partner,,",
                "CASE,accessory,Case,Brand,49.00,listed,hall|partner,,");
        Path moves = TestLedgers.write(
                dir,
                "moves.csv",
                "at,site_id,sku,kind,qty,ref",
                "2026-02-23 08:00,WH,PHONE,count,100,INV-1",
                "2026-02-23 08:00,WH,CASE,count,100,INV-1",
                "2026-02-23 08:00,ST-1,PHONE,count,3,INV-1",
                "2026-02-23 08:00,ST-1,CASE,count,1,INV-1",
                "2026-02-23 08:00,ST-2,PHONE,count,5,INV-1",
                "2026-02-23 08:00,ST-2,CASE,count,2,INV-1");
        Path policies = TestLedgers.write(
                dir,
                "policies.csv",
                "site_id,sku,t_days,R,S,L,locked",
                "ST-1,PHONE,7,5,12,2,false",
                "ST-1,CASE,7,4,10,2,false",
                "ST-2,PHONE,7,5,12,2,false",
                "ST-2,CASE,7,4,10,2,true");
        vehicles = TestLedgers.write(
                dir, "vehicles.csv", "vehicle_id,depot,capacity,shift_start,shift_end", "VAN-1,WH,50,08:00,18:00");
        sale = TestLedgers.write(
                dir, "sale.csv", "at,site_id,sku,kind,qty,ref", "2026-03-02 10:40,ST-1,PHONE,sale,2,POS-9");
        assertThat(cli.run("site", "import", sites.toString()).code()).isZero();
        assertThat(cli.run("catalog", "import", catalog.toString()).code()).isZero();
        assertThat(cli.at("2026-02-23 08:30")
                        .run("stock", "import", moves.toString())
                        .code())
                .isZero();
        assertThat(cli.run("policy", "import", policies.toString()).code()).isZero();
        assertThat(cli.at("2026-03-02 09:30").run("replenish", "check").code()).isEqualTo(3);
    }

    @Test
    void anOrderEscalatedWhileThePlanSolvesIsNotMarkedAndNoFilesArePublished() throws IOException {
        Path out = dir.resolve("plan-0304");
        AtomicReference<CliHarness.Result> escalation = new AtomicReference<>();
        CliHarness.Result plan = runWithChangeBeforeApply(
                () -> escalation.set(
                        new CliHarness(dir).at("2026-03-02 10:45").run("stock", "import", sale.toString())),
                "replenish",
                "plan",
                "--date",
                "2026-03-04",
                "--include-regular",
                "--vehicles",
                vehicles.toString(),
                "--time-limit",
                "20s",
                "--max-steps",
                "50",
                "--out",
                out.toString(),
                "--apply");

        assertThat(escalation.get()).as("the import ran while the solver ran").isNotNull();
        assertThat(escalation.get().code()).as(escalation.get().toString()).isEqualTo(3);
        assertThat(plan.code()).as(plan.toString()).isEqualTo(4);
        assertThat(plan.err())
                .contains(
                        "order " + ESCALATED + ": kind regular -> emergency, qty 9 -> 11, due 2026-03-04 -> 2026-03-02")
                .contains("plan again");
        assertThat(out).doesNotExist();
        assertThat(leftovers()).isEmpty();
        assertThat(statuses())
                .containsExactly("RO-20260302-000001:open", ESCALATED + ":open", "RO-20260302-000003:open");
    }

    @Test
    void afterARefusedApplyTheNextPlanAppliesTheNewState() throws IOException {
        Path out = dir.resolve("plan-0304");
        runWithChangeBeforeApply(
                () -> new CliHarness(dir).at("2026-03-02 10:45").run("stock", "import", sale.toString()),
                "replenish",
                "plan",
                "--date",
                "2026-03-04",
                "--include-regular",
                "--vehicles",
                vehicles.toString(),
                "--time-limit",
                "20s",
                "--max-steps",
                "50",
                "--out",
                out.toString(),
                "--apply");

        // the escalated order is due today now: the later day's plan leaves it out
        CliHarness.Result later = cli.at("2026-03-02 10:50")
                .run(
                        "replenish",
                        "plan",
                        "--date",
                        "2026-03-04",
                        "--include-regular",
                        "--vehicles",
                        vehicles.toString(),
                        "--time-limit",
                        "20s",
                        "--max-steps",
                        "50",
                        "--out",
                        out.toString(),
                        "--apply");
        assertThat(later.code()).as(later.toString()).isZero();
        assertThat(Files.readString(out.resolve("lines.csv")))
                .contains("CASE,8,RO-20260302-000003")
                .doesNotContain(ESCALATED);
        // and today's plan delivers it, with its new quantity
        Path today = dir.resolve("plan-0302");
        CliHarness.Result now = cli.run(
                "replenish",
                "plan",
                "--date",
                "2026-03-02",
                "--vehicles",
                vehicles.toString(),
                "--time-limit",
                "20s",
                "--max-steps",
                "50",
                "--out",
                today.toString(),
                "--apply");
        assertThat(now.code()).as(now.toString()).isZero();
        assertThat(Files.readString(today.resolve("lines.csv")))
                .contains("PHONE,11," + ESCALATED)
                .contains("CASE,9,RO-20260302-000001");
        assertThat(statuses())
                .containsExactly("RO-20260302-000001:planned", ESCALATED + ":planned", "RO-20260302-000003:planned");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aPlanWhoseOrdersDidNotChangeIsAppliedAndPublished() throws IOException {
        Path out = dir.resolve("plan-0304");
        CliHarness.Result plan = runWithChangeBeforeApply(
                () -> {},
                "replenish",
                "plan",
                "--date",
                "2026-03-04",
                "--include-regular",
                "--vehicles",
                vehicles.toString(),
                "--time-limit",
                "20s",
                "--max-steps",
                "50",
                "--out",
                out.toString(),
                "--apply");
        assertThat(plan.code()).as(plan.toString()).isZero();
        assertThat(plan.err()).contains("marked 2 orders planned");
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("routes.csv", "lines.csv", "unserved.csv", "summary.csv");
        }
        assertThat(statuses())
                .containsExactly("RO-20260302-000001:open", ESCALATED + ":planned", "RO-20260302-000003:planned");
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

    /** Anything the plan left beside its output directory (a staging directory, a temp file). */
    private List<String> leftovers() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("."))
                    .toList();
        }
    }
}
