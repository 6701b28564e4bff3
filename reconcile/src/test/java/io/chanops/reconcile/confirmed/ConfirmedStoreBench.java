package io.chanops.reconcile.confirmed;

import com.sun.management.OperatingSystemMXBean;
import io.chanops.ledger.Ledger;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Random;

/**
 * Benchmark of the confirmed-order store (run by {@code scripts/bench/confirmed-store.sh}, not a test): N orders shaped
 * like {@code scripts/bench/gen_reconcile.py}'s, held as the reconciler holds them (order ids and msisdns as UTF-8
 * bytes, times in local seconds, pooled strings), inserted through {@link ConfirmedOrderWriter} into a fresh ledger,
 * several times; prints wall and process CPU of the {@code add} calls + {@code close} (the commit is timed apart),
 * bytes per order, and the time to count the month's sales by kind and to stream them back.
 *
 * <p>Usage: {@code ConfirmedStoreBench DIR [N=1000000] [REPEATS=5]}
 */
public final class ConfirmedStoreBench {
    private static final String[] SKUS = {
        "HS-IP16-128",
        "HS-MATE70-256",
        "HS-RN14-128",
        "AC-CHG-20W",
        "SIM-STD",
        "SIM-DATA-30",
        "CT-5G-129-24",
        "CT-5G-199-24",
        "PL-5G-59"
    };
    private static final long[] PRICES = {599900, 549900, 119900, 14900, 1000, 3000, 12900, 19900, 5900};
    private static final String[] SITES = {
        "GZ-WEB",
        "GZ-WEB",
        "GZ-WEB",
        "GZ-WEB",
        "GZ-WEB",
        "GZ-WEB",
        "GZ-TH-01",
        "GZ-TH-02",
        "GZ-YX-01",
        "GZ-PY-P1",
        "GZ-SS-01"
    };
    private static final String[] CHANNELS = {"web", "wap", "app"};
    private static final int ID = 11;

    private ConfirmedStoreBench() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 5;

        Random rng = new Random(42);
        byte[] ids = new byte[n * ID];
        byte[] phones = new byte[n * ID];
        long[] created = new long[n];
        long[] accepted = new long[n];
        int[] sku = new int[n];
        int[] site = new int[n];
        String[] status = new String[n];
        long base = 1_767_225_600L; // 2026-01-01 00:00
        for (int i = 0; i < n; i++) {
            System.arraycopy(String.format("WO%09d", i).getBytes(StandardCharsets.US_ASCII), 0, ids, i * ID, ID);
            System.arraycopy(
                    ("13" + String.format("%09d", rng.nextInt(1_000_000_000))).getBytes(StandardCharsets.US_ASCII),
                    0,
                    phones,
                    i * ID,
                    ID);
            created[i] = base + i * 2L + rng.nextInt(2);
            sku[i] = rng.nextInt(SKUS.length);
            site[i] = rng.nextInt(SITES.length);
            double r = rng.nextDouble();
            status[i] = r < 0.93 ? "completed" : r < 0.97 ? "paid" : "refunded";
            accepted[i] = created[i] + 60 + rng.nextInt(900);
        }
        YearMonth month = YearMonth.of(2026, 1);
        var cpu = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double[] wall = new double[repeats];
        double[] cpuTime = new double[repeats];
        System.out.printf("%d orders%n", n);
        for (int k = 0; k < repeats; k++) {
            Path db = dir.resolve("bench-" + k + ".db");
            Files.deleteIfExists(db);
            Ledger ledger = Ledger.init(db.toString(), Duration.ofSeconds(5), ZoneId.of("Asia/Shanghai"));
            ledger.write(h ->
                    h.execute("INSERT INTO reconcile_run (run_id, run_at, platform_file, platform_sha256, boss_file, "
                            + "boss_sha256, profile_file, tolerance_fen, window_minutes, platform_rows, boss_rows, "
                            + "discrepancies, os_user) VALUES (1, '2026-02-01 09:00:00', 'p', 'p', 'b', 'b', 'x', 0, "
                            + "30, 0, 0, 0, 'bench')"));
            System.gc();
            long[] t = new long[2];
            long c0 = cpu.getProcessCpuTime();
            long w0 = System.nanoTime();
            ledger.write(h -> {
                long start = System.nanoTime();
                long cpuStart = cpu.getProcessCpuTime();
                try (ConfirmedOrderWriter w = new ConfirmedOrderRepository(h).writer(1)) {
                    for (int i = 0; i < n; i++) {
                        boolean live = status[i] != "refunded";
                        long amount = PRICES[sku[i]];
                        w.add(
                                ids,
                                i * ID,
                                i * ID + ID,
                                created[i],
                                CHANNELS[i % 3],
                                SITES[site[i]],
                                phones,
                                i * ID,
                                i * ID + ID,
                                SKUS[sku[i]],
                                1,
                                amount,
                                live ? amount : 0,
                                accepted[i],
                                status[i],
                                live,
                                "order_ref");
                    }
                }
                t[0] = System.nanoTime() - start;
                t[1] = cpu.getProcessCpuTime() - cpuStart;
                return null;
            });
            long commitWall = System.nanoTime() - w0 - t[0];
            wall[k] = t[0] / 1e9;
            cpuTime[k] = t[1] / 1e9;
            long bytes = ledger.read(
                    h -> h.createQuery("SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()")
                            .mapTo(Long.class)
                            .one());
            long r0 = System.nanoTime();
            int kinds = ledger.read(h -> new ConfirmedOrderRepository(h).salesByKind(month))
                    .size();
            long byKindNs = System.nanoTime() - r0;
            long s0 = System.nanoTime();
            long[] sales = new long[1];
            ledger.read(h -> {
                new ConfirmedOrderRepository(h).forEachSale(month, s -> sales[0]++);
                return null;
            });
            long streamNs = System.nanoTime() - s0;
            System.out.printf(
                    "run %d: add+close %.3f s wall, %.3f s CPU; commit %.3f s; %.1f bytes/order (ledger pages); "
                            + "%s sales by kind %.3f s (%d kinds); streamed %.3f s (%d sales); total incl. transaction "
                            + "%.3f s, CPU %.3f s%n",
                    k + 1,
                    wall[k],
                    cpuTime[k],
                    commitWall / 1e9,
                    (double) bytes / n,
                    month,
                    byKindNs / 1e9,
                    kinds,
                    streamNs / 1e9,
                    sales[0],
                    (s0 - w0 - byKindNs) / 1e9,
                    (cpu.getProcessCpuTime() - c0) / 1e9);
        }
        Arrays.sort(wall);
        Arrays.sort(cpuTime);
        System.out.printf(
                "writer, %d orders: median %.3f s wall (best %.3f), median %.3f s CPU%n",
                n, wall[repeats / 2], wall[0], cpuTime[repeats / 2]);
    }
}
