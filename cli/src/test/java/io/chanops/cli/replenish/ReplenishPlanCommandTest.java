package io.chanops.cli.replenish;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.cli.CliHarness;
import io.chanops.cli.ExitCode;
import io.chanops.ledger.Ledger;
import io.chanops.ledger.testing.TestLedgers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplenishPlanCommandTest {
    /** The vans of the samples. */
    private static final Path SAMPLE_VANS = TestLedgers.sample("vehicles.csv");

    @TempDir
    Path dir;

    CliHarness cli;

    @BeforeEach
    void samples() {
        cli = new CliHarness(dir).withSampleSitesAndCatalog().importSample("stock", "moves.csv");
    }

    private Ledger ledger() {
        return Ledger.open(cli.db().toString(), Duration.ofSeconds(5));
    }

    private void order(String id, String site, String sku, String kind, long qty, String due) {
        ledger().write(h -> h.createUpdate(
                        "INSERT INTO replenishment_order (order_id, site_id, sku, kind, qty, status, raised_at, "
                                + "due_date, warehouse, updated_at) VALUES (:id, :site, :sku, :kind, :qty, 'open', "
                                + "'2026-03-02 09:30:00', :due, 'GZ-WH', '2026-03-02 09:30:00')")
                .bind("id", id)
                .bind("site", site)
                .bind("sku", sku)
                .bind("kind", kind)
                .bind("qty", qty)
                .bind("due", due)
                .execute());
    }

    /** On hand of a SKU at the sample warehouse, as the imported samples left it. */
    private long warehouseStock(String sku) {
        return ledger().read(
                        h -> h.createQuery("SELECT on_hand FROM stock_level WHERE site_id = 'GZ-WH' AND sku = :sku")
                                .bind("sku", sku)
                                .mapTo(Long.class)
                                .one());
    }

    private List<String> orderRows() {
        return ledger().read(h -> h.createQuery(
                        "SELECT order_id || ':' || status || ':' || COALESCE(vehicle_id, '') || ':' "
                                + "|| COALESCE(CAST(stop_no AS TEXT), '') FROM replenishment_order ORDER BY order_id")
                .mapTo(String.class)
                .list());
    }

    @Test
    void plansEmergenciesWritesTheFilesAndAppliesVehicleAndStop() throws Exception {
        order("E-1", "GZ-TH-01", "HS-IP16-128", "emergency", 6, "2026-03-02");
        order("E-2", "GZ-TH-01", "AC-CHG-20W", "emergency", 10, "2026-03-02");
        order("E-3", "GZ-PY-P1", "HS-OPPO-A3", "emergency", 8, "2026-03-02");
        order("R-1", "GZ-YX-01", "HS-P70-128", "regular", 4, "2026-03-02");
        Path out = dir.resolve("plan");
        var r = cli.run(PlanArgs.plan(
                "2026-03-02",
                SAMPLE_VANS,
                "--time-limit",
                "2s",
                "--max-steps",
                "200",
                "--out",
                out.toString(),
                "--apply"));
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(Files.readAllLines(out.resolve("summary.csv"))).contains("units_delivered,24", "units_unserved,0");
        List<String> lines = Files.readAllLines(out.resolve("lines.csv"));
        assertThat(lines.get(0)).isEqualTo("vehicle_id,stop,site_id,sku,qty,order_id");
        assertThat(lines).hasSize(4).noneMatch(l -> l.contains("R-1"));
        // both GZ-TH-01 orders are one stop of one van
        assertThat(lines.stream()
                        .filter(l -> l.contains("GZ-TH-01"))
                        .map(l -> l.split(",")[0] + l.split(",")[1])
                        .distinct())
                .hasSize(1);
        assertThat(orderRows())
                .filteredOn(s -> s.startsWith("E-"))
                .allMatch(s -> s.matches("E-\\d:planned:GZ-VAN-\\d:\\d"));
        assertThat(orderRows()).contains("R-1:open::");

        // each van leaves with its planned orders, shipped together in stop order
        String van = lines.get(1).split(",")[0];
        List<String> onVan = orderRows().stream()
                .filter(s -> s.contains(":planned:" + van + ":"))
                .map(s -> s.substring(0, s.indexOf(':')))
                .toList();
        var shipped = cli.run("replenish", "ship", "--vehicle", van);
        assertThat(shipped.code()).as(shipped.toString()).isZero();
        assertThat(shipped.out().lines()).hasSize(onVan.size()).allMatch(l -> l.contains(" shipped: "));
        assertThat(orderRows())
                .filteredOn(s -> onVan.contains(s.substring(0, s.indexOf(':'))))
                .allMatch(s -> s.contains(":shipped:"));
        var again = cli.run("replenish", "ship", "--vehicle", van);
        assertThat(again.code()).isEqualTo(4);
        assertThat(again.err()).contains("vehicle " + van + ": no order is planned on it");
        assertThat(cli.run("replenish", "ship", "R-1", "E-9").code()).isEqualTo(4);
        assertThat(orderRows()).contains("R-1:open::");
        assertThat(cli.run("replenish", "ship").code()).isEqualTo(2);
    }

    /** A day with nothing to deliver while emergencies wait on other days (a --date typed wrong): they are named. */
    @Test
    void aPlanOfADayWithoutEmergenciesNamesTheDaysThatHaveThem() {
        order("E-1", "GZ-TH-01", "HS-IP16-128", "emergency", 6, "2026-03-02");
        order("E-2", "GZ-PY-P1", "HS-OPPO-A3", "emergency", 8, "2026-03-02");
        order("E-3", "GZ-TH-01", "AC-CHG-20W", "emergency", 10, "2026-03-03");
        var r = cli.run(PlanArgs.plan("2026-03-20", SAMPLE_VANS, "--max-steps", "20"));
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err())
                .contains("warning: nothing to plan: no open emergency orders due 2026-03-20; open emergency orders"
                        + " are due 2026-03-02 (2), 2026-03-03 (1)");
    }

    /**
     * A second plan of a day whose van already carries that day's load (a plan counts only open orders) would load the
     * van beyond its capacity: the listing warns, --apply is refused (exit 4) with nothing marked and no files; with
     * the load taken off the van, the day is planned again as a whole.
     */
    @Test
    void aSecondPlanOfADayOnAVanThatCarriesItsLoadIsRefused() throws Exception {
        Path oneVan = dir.resolve("one-van.csv");
        Files.writeString(oneVan, "vehicle_id,depot,capacity,shift_start,shift_end\nGZ-VAN-1,GZ-WH,200,10:00,18:00\n");
        order("E-1", "GZ-TH-01", "HS-IP16-128", "emergency", 6, "2026-03-02");
        var first = cli.run(PlanArgs.quickPlan("2026-03-02", oneVan, dir.resolve("p1"), "--apply"));
        assertThat(first.code()).as(first.toString()).isZero();
        order("E-2", "GZ-PY-P1", "HS-OPPO-A3", "emergency", 8, "2026-03-02");
        String carries = "GZ-VAN-1 already carries 1 order (6 units) planned for 2026-03-02 by an earlier plan";

        var look = cli.run(PlanArgs.quickPlan("2026-03-02", oneVan, dir.resolve("p2")));
        assertThat(look.err())
                .contains("warning: " + carries + ": this plan does not count it, and --apply would be refused");
        var second = cli.run(PlanArgs.quickPlan("2026-03-02", oneVan, dir.resolve("p3"), "--apply"));
        assertThat(second.code()).as(second.toString()).isEqualTo(ExitCode.INPUT_REJECTED);
        assertThat(second.err())
                .contains(carries + "\n")
                .contains("a plan counts only open orders, so it would load that vehicle again: nothing was marked, no"
                        + " files were written; 'replenish unplan --vehicle V --date 2026-03-02' puts a load back");
        assertThat(orderRows()).containsExactly("E-1:planned:GZ-VAN-1:1", "E-2:open::");
        assertThat(dir.resolve("p3").resolve("routes.csv")).doesNotExist();

        assertThat(cli.run("replenish", "unplan", "--vehicle", "GZ-VAN-1", "--date", "2026-03-02")
                        .code())
                .isZero();
        var whole = cli.run(PlanArgs.quickPlan("2026-03-02", oneVan, dir.resolve("p4"), "--apply"));
        assertThat(whole.code()).as(whole.toString()).isZero();
        assertThat(orderRows()).allMatch(row -> row.contains(":planned:GZ-VAN-1:"));
    }

    @Test
    void aVanHoldingTwoDaysLoadsShipsOneDayAtATime() throws Exception {
        Path oneVan = dir.resolve("one-van.csv");
        Files.writeString(oneVan, "vehicle_id,depot,capacity,shift_start,shift_end\nGZ-VAN-1,GZ-WH,200,10:00,18:00\n");
        order("E-1", "GZ-TH-01", "HS-IP16-128", "emergency", 6, "2026-03-02");
        order("E-2", "GZ-PY-P1", "HS-OPPO-A3", "emergency", 8, "2026-03-02");
        order("E-3", "GZ-TH-01", "AC-CHG-20W", "emergency", 10, "2026-03-03");
        var today = cli.run(PlanArgs.quickPlan("2026-03-02", oneVan, dir.resolve("p1"), "--apply"));
        assertThat(today.code()).as(today.toString()).isZero();
        assertThat(today.err()).doesNotContain("also holds");
        assertThat(cli.run("replenish", "explain", "--site", "GZ-TH-01", "--sku", "HS-IP16-128", "--format", "csv")
                        .out())
                .contains("on order,\"6 (E-1 emergency planned 6 on GZ-VAN-1 (stop 1, 2026-03-02))\"");
        // tomorrow is planned before today's van was shipped: the plan says the van still holds today's load
        var tomorrow = cli.run(PlanArgs.quickPlan("2026-03-03", oneVan, dir.resolve("p2"), "--apply"));
        assertThat(tomorrow.code()).as(tomorrow.toString()).isZero();
        assertThat(tomorrow.err())
                .contains("GZ-VAN-1 also holds 2 orders planned for 2026-03-02, not shipped yet: "
                        + "replenish ship --vehicle GZ-VAN-1 --date 2026-03-02 ships them");
        assertThat(orderRows())
                .containsExactly("E-1:planned:GZ-VAN-1:1", "E-2:planned:GZ-VAN-1:2", "E-3:planned:GZ-VAN-1:1");
        // the van's orders as it delivers them: by day, then stop
        assertThat(cli.run("replenish", "orders", "--vehicle", "GZ-VAN-1", "--format", "csv")
                        .out()
                        .lines())
                .extracting(l -> l.split(",")[0])
                .containsExactly("order_id", "E-1", "E-2", "E-3");
        var noSuchVan = cli.run("replenish", "orders", "--vehicle", "GZ-VAN-9");
        assertThat(noSuchVan.code()).isEqualTo(4);
        assertThat(noSuchVan.err())
                .contains("vehicle GZ-VAN-9: no order was ever planned on it; vans with orders: GZ-VAN-1");
        assertThat(cli.run("replenish", "orders", "--vehicle", "gz-van-1").err())
                .contains("vehicle gz-van-1: no order was ever planned on it (did you mean 'GZ-VAN-1'?)");
        // a van typed in another case, or one without planned orders, names the van meant or those with a load
        var otherCase = cli.run("replenish", "ship", "--vehicle", "gz-van-1");
        assertThat(otherCase.code()).isEqualTo(4);
        assertThat(otherCase.err()).contains("vehicle gz-van-1: no order is planned on it (did you mean 'GZ-VAN-1'?)");
        assertThat(cli.run("replenish", "unplan", "--vehicle", "GZ-VAN-9").err())
                .contains("vehicle GZ-VAN-9: no order is planned on it; vans with planned orders: GZ-VAN-1");

        // shipping the van without a day would send tomorrow's orders today: refused, nothing shipped
        var both = cli.run("replenish", "ship", "--vehicle", "GZ-VAN-1");
        assertThat(both.code()).isEqualTo(4);
        assertThat(both.err())
                .contains("vehicle GZ-VAN-1: it holds the orders of 2 delivery days: 2026-03-02 (2 orders), "
                        + "2026-03-03 (1 order); give --date D to choose one day's load");
        assertThat(orderRows()).noneMatch(s -> s.contains(":shipped:"));
        assertThat(cli.run("replenish", "ship", "--vehicle", "GZ-VAN-1", "--date", "2026-03-04")
                        .err())
                .contains("no order is planned on it for 2026-03-04; it holds orders planned for 2026-03-02 (2 "
                        + "orders), 2026-03-03 (1 order)");
        assertThat(cli.run("replenish", "ship", "E-3", "--date", "2026-03-03").code())
                .isEqualTo(2);

        // tomorrow's load comes off the van (open again, no vehicle, stop or day) and is planned again
        var off = cli.run("replenish", "unplan", "--vehicle", "GZ-VAN-1", "--date", "2026-03-03");
        assertThat(off.code()).as(off.toString()).isZero();
        assertThat(off.out().lines()).containsExactly("E-3 open again: off GZ-VAN-1 (stop 1 of 2026-03-03)");
        assertThat(orderRows()).contains("E-3:open::");
        var notPlanned = cli.run("replenish", "unplan", "E-3", "E-1");
        assertThat(notPlanned.code()).isEqualTo(4);
        assertThat(notPlanned.err()).contains("order E-3: cannot unplan an order that is open");
        assertThat(orderRows()).contains("E-1:planned:GZ-VAN-1:1");
        var again = cli.run(PlanArgs.quickPlan("2026-03-03", oneVan, dir.resolve("p3"), "--apply"));
        assertThat(again.code()).as(again.toString()).isZero();
        assertThat(orderRows()).contains("E-3:planned:GZ-VAN-1:1");

        var first = cli.run("replenish", "ship", "--vehicle", "GZ-VAN-1", "--date", "2026-03-02");
        assertThat(first.code()).as(first.toString()).isZero();
        assertThat(first.out().lines())
                .containsExactly(
                        "E-1 shipped: 6 x HS-IP16-128 from GZ-WH to GZ-TH-01",
                        "E-2 shipped: 8 x HS-OPPO-A3 from GZ-WH to GZ-PY-P1");
        // one load left: the van's day need not be given
        var second = cli.run("replenish", "ship", "--vehicle", "GZ-VAN-1");
        assertThat(second.code()).as(second.toString()).isZero();
        assertThat(second.out().lines()).containsExactly("E-3 shipped: 10 x AC-CHG-20W from GZ-WH to GZ-TH-01");
    }

    @Test
    void theRouteTableShowsWaitingForTheStoreToOpenWhileRoutesCsvKeepsTheSpecColumns() throws Exception {
        order("E-1", "GZ-TH-01", "HS-IP16-128", "emergency", 6, "2026-03-02");
        Path early = dir.resolve("early-vans.csv");
        Files.writeString(early, "vehicle_id,depot,capacity,shift_start,shift_end\nGZ-VAN-E,GZ-WH,200,06:00,18:00\n");
        String[] plan = PlanArgs.plan("2026-03-02", early, "--time-limit", "2s", "--max-steps", "50");
        var table = cli.run(plan);
        assertThat(table.code()).as(table.toString()).isZero();
        String header = table.out().lines().findFirst().orElseThrow();
        assertThat(header).contains("arrive").contains("wait").contains("depart");
        // the van leaves at 06:00 and the store opens at 09:00: it waits there
        assertThat(table.out()).containsPattern("GZ-TH-01\\s+0\\d:\\d\\d\\s+\\d+ min\\s+09:");
        Path out = dir.resolve("early-plan");
        String[] withOut = Stream.concat(Arrays.stream(plan), Stream.of("--out", out.toString()))
                .toArray(String[]::new);
        assertThat(cli.run(withOut).code()).isZero();
        assertThat(Files.readAllLines(out.resolve("routes.csv")).get(0))
                .isEqualTo("vehicle_id,stop,site_id,arrive,depart,load");
    }

    @Test
    void anXlsxOutIsOneWorkbookWithASheetPerFileTypedAndFrozen() throws Exception {
        order("E-1", "GZ-TH-01", "HS-IP16-128", "emergency", 6, "2026-03-02");
        order("E-3", "GZ-PY-P1", "HS-OPPO-A3", "emergency", 8, "2026-03-02");
        Path out = dir.resolve("plan.xlsx");
        var r = cli.run(PlanArgs.plan(
                "2026-03-02", SAMPLE_VANS, "--time-limit", "2s", "--max-steps", "200", "--out", out.toString()));
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err()).contains("wrote the sheets routes, lines, unserved, summary to " + out);
        try (var wb = new ReadableWorkbook(out.toFile())) {
            assertThat(wb.getSheets().map(Sheet::getName)).containsExactly("routes", "lines", "unserved", "summary");
            List<Row> lines = wb.findSheet("lines").orElseThrow().read();
            assertThat(lines.get(0).getCell(0).asString()).isEqualTo("vehicle_id");
            assertThat(lines).hasSize(3);
            var line = lines.stream()
                    .filter(l -> "E-1".equals(l.getCell(5).asString()))
                    .findFirst()
                    .orElseThrow();
            assertThat(line.getCell(2).getType()).isEqualTo(CellType.STRING);
            assertThat(line.getCell(4).getType()).isEqualTo(CellType.NUMBER);
            assertThat(line.getCell(4).asNumber()).isEqualByComparingTo("6");
            List<Row> summary = wb.findSheet("summary").orElseThrow().read();
            assertThat(summary.get(3).getCell(0).asString()).isEqualTo("units_delivered");
            assertThat(summary.get(3).getCell(1).asNumber()).isEqualByComparingTo("14");
        }
        String sheet = XlsxParts.entry(out, "xl/worksheets/sheet2.xml");
        assertThat(sheet).contains("<pane ").contains("state=\"frozen\"").contains("<autoFilter ");
        assertThat(dir.resolve("plan.xlsx").toFile().length()).isPositive();
    }

    @Test
    void aPlanDirectoryThatCannotTakeAllFourFilesIsRefusedBeforePlanningAndNothingIsApplied() throws Exception {
        order("E-1", "GZ-TH-01", "HS-IP16-128", "emergency", 6, "2026-03-02");
        Path out = Files.createDirectory(dir.resolve("plan"));
        String yesterday = "vehicle_id,stop,site_id,arrive,depart,load\nGZ-VAN-1,1,GZ-TH-01,10:26,10:36,6\n";
        Files.writeString(out.resolve("routes.csv"), yesterday);
        Files.createDirectory(out.resolve("summary.csv"));
        var r = cli.run(
                PlanArgs.plan("2026-03-02", SAMPLE_VANS, "--time-limit", "1s", "--out", out.toString(), "--apply"));
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("summary.csv: is a directory");
        assertThat(Files.readString(out.resolve("routes.csv"))).isEqualTo(yesterday);
        assertThat(TestLedgers.fileNames(out)).containsExactly("routes.csv", "summary.csv");
        assertThat(orderRows()).containsExactly("E-1:open::");
    }

    @Test
    void emergencyBeyondWarehouseStockIsUnservedWithReasonAndExit3() throws Exception {
        long stock = warehouseStock("SIM-IOT");
        order("E-1", "GZ-BY-01", "SIM-IOT", "emergency", stock + 5, "2026-03-02");
        Path out = dir.resolve("plan");
        var r = cli.run(PlanArgs.plan("2026-03-02", SAMPLE_VANS, "--time-limit", "1s", "--out", out.toString()));
        assertThat(r.code()).as(r.toString()).isEqualTo(3);
        assertThat(Files.readString(out.resolve("unserved.csv")))
                .contains("E-1,GZ-BY-01,SIM-IOT," + (stock + 5) + ",no stock: GZ-WH has " + stock);
    }

    @Test
    void badVehiclesFileIsRejectedWithEveryProblemLocated() {
        order("E-1", "GZ-TH-01", "HS-IP16-128", "emergency", 6, "2026-03-02");
        Path vehicles = TestLedgers.write(
                dir,
                "vehicles.csv",
                "vehicle_id,depot,capacity,shift_start,shift_end",
                "V1,GZ-XX,10,08:00,18:00",
                "V2,GZ-TH-01,0,08:00,18:00",
                "V3,GZ-WH,5,18:00,08:00");
        var r = cli.run("replenish", "plan", "--date", "2026-03-02", "--vehicles", vehicles.toString());
        assertThat(r.code()).isEqualTo(4);
        assertThat(r.err())
                .contains("vehicles.csv:2: depot: unknown site GZ-XX")
                .contains("vehicles.csv:3: depot: GZ-TH-01 is a store")
                .contains("vehicles.csv:3: capacity:")
                .contains("vehicles.csv:4: shift_end:");
    }

    @Test
    void matrixWithUnknownSiteIsRejected() {
        order("E-1", "GZ-TH-01", "HS-IP16-128", "emergency", 6, "2026-03-02");
        Path matrix = TestLedgers.write(
                dir, "matrix.csv", "from,to,minutes", "GZ-WH,GZ-TH-01,25", "GZ-WH,NOWHERE,3", "GZ-WH,GZ-TH-02,-1");
        var r = cli.run(PlanArgs.plan("2026-03-02", SAMPLE_VANS, "--matrix", matrix.toString()));
        assertThat(r.code()).isEqualTo(4);
        assertThat(r.err()).contains("matrix.csv:3: to: unknown site NOWHERE").contains("matrix.csv:4: minutes:");
    }

    @Test
    void sameInputAndSeedGiveTheSamePlan() throws Exception {
        order("E-1", "GZ-TH-01", "HS-IP16-128", "emergency", 6, "2026-03-02");
        order("E-2", "GZ-PY-P1", "HS-OPPO-A3", "emergency", 8, "2026-03-02");
        order("E-3", "GZ-LW-P1", "HS-MI15-256", "emergency", 12, "2026-03-02");
        order("E-4", "GZ-HP-P1", "AC-FILM-01", "emergency", 15, "2026-03-02");
        String[] args =
                PlanArgs.plan("2026-03-02", SAMPLE_VANS, "--time-limit", "10s", "--max-steps", "300", "--seed", "42");
        var a = cli.run(args);
        var b = cli.run(args);
        assertThat(a.code()).isZero();
        assertThat(a.out()).isEqualTo(b.out()).contains("GZ-PY-P1");
    }

    @Test
    void includeRegularAddsRegularOrdersDueByTheDateAndPlannedOrdersReserveStock() throws Exception {
        // the applied first plan reserves 34 of GZ-WH's SIM-DATA-30 (E-1, R-1)
        long stock = warehouseStock("SIM-DATA-30");
        order("E-1", "GZ-TH-01", "SIM-DATA-30", "emergency", 30, "2026-03-02");
        order("R-1", "GZ-YX-01", "SIM-DATA-30", "regular", 4, "2026-03-01");
        order("R-2", "GZ-YX-01", "HS-P70-128", "regular", 4, "2026-03-05");
        var first = cli.run(PlanArgs.plan(
                "2026-03-02",
                SAMPLE_VANS,
                "--include-regular",
                "--time-limit",
                "2s",
                "--max-steps",
                "100",
                "--out",
                dir.resolve("p1").toString(),
                "--apply"));
        assertThat(first.code()).as(first.toString()).isZero();
        assertThat(Files.readString(dir.resolve("p1/lines.csv")))
                .contains("E-1")
                .contains("R-1")
                .doesNotContain("R-2");
        assertThat(orderRows()).anyMatch(s -> s.startsWith("R-1:planned:")).anyMatch(s -> s.startsWith("R-2:open:"));

        order("E-2", "GZ-TH-02", "SIM-DATA-30", "emergency", stock - 34 + 10, "2026-03-02");
        var second = cli.run(PlanArgs.plan(
                "2026-03-02",
                SAMPLE_VANS,
                "--time-limit",
                "1s",
                "--out",
                dir.resolve("p2").toString()));
        assertThat(second.code()).isEqualTo(3);
        assertThat(Files.readString(dir.resolve("p2/unserved.csv")))
                .contains("E-2,GZ-TH-02,SIM-DATA-30," + (stock - 24) + ",no stock: GZ-WH has " + (stock - 34));
    }
}
