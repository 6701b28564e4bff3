package io.chanops.reconcile.confirmed;

import io.chanops.reconcile.boss.BossDateTime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/**
 * Makes the fixture ledger chunk-ledger.sqlite with the chunk-era code (chanops main at 38aeec2, the last that stored
 * confirmed orders as confirmed_chunk blobs); see make.sh, which runs it on that commit's jar. Not compiled by the build.
 *
 *   step "v3"    a ledger at V7 with confirmed_order rows of the row-per-order era (NULL strings, a bare date, minutes
 *                without seconds, a blank BOSS time), then V8 turns them into chunks
 *   step "chunks" more runs through that era's ConfirmedOrderWriter: small chunks, deflated and not, awkward values
 *   step "expect" every stored order as that era's reader decodes it, to chunk-ledger-rows.tsv (\N = NULL)
 */
public class MakeChunkLedger {
    public static void main(String[] args) throws IOException {
        String url = "jdbc:sqlite:" + args[1];
        switch (args[0]) {
            case "v3" -> v3(url);
            case "chunks" -> chunks(url);
            case "expect" -> expect(url, Path.of(args[2]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    private static void run(Jdbi jdbi, long id, String at) {
        jdbi.useHandle(h -> h.execute("INSERT INTO reconcile_run (run_id, run_at, platform_file, platform_sha256, boss_file, "
                + "boss_sha256, profile_file, tolerance_fen, window_minutes, platform_rows, boss_rows, discrepancies, os_user) "
                + "VALUES (?, ?, 'p.csv', ?, 'b.csv', ?, 'boss.properties', 0, 30, 0, 0, 0, 'fixture')", id, at, "p" + id, "b" + id));
    }

    private static void v3(String url) {
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration", "classpath:db/sqlite").target("7").load()
                .migrate();
        Jdbi jdbi = Jdbi.create(url);
        run(jdbi, 1, "2026-02-01 09:00:00");
        String insert = "INSERT INTO confirmed_order (run_id, order_id, created_at, channel, site_id, msisdn, sku, qty, amount_fen, "
                + "boss_net_fen, boss_accepted_at, platform_status, boss_live, matched_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        jdbi.useHandle(h -> {
            h.execute(insert, 1, "V3-CT", "2026-01-20 10:00:00", "web", "GZ-TH-01", "13800138000", "CT-5G-129-24", 1, 12_900, 12_900,
                    "2026-01-20 10:01:00", "completed", 1, "order_ref");
            h.execute(insert, 1, "V3-HS", "2026-01-10 10:00", "app", "GZ-PY-P1", "13800138001", "HS-MI15-256", 1, 429_900, 429_900,
                    "2026-01-10 10:01", "completed", 1, "order_ref");
            h.execute(insert, 1, "V3-DATE", "2026-01-15", null, null, null, null, 1, 500, 500, null, "completed", 1, "fallback");
            h.execute(insert, 1, "V3-BLANK", "2026-01-16 08:00:00", "wap", "GZ-WEB", "13800138002", "SIM-STD", 3, 3_000, 2_990, "",
                    "paid", 1, "order_ref");
            h.execute(insert, 1, "V3-REV", "2026-01-12 09:30:00", "web", "GZ-TH-01", "13800138003", "CT-5G-199-24", 1, 19_900, 0,
                    "2026-01-25 12:00:00", "refunded", 0, "order_ref");
        });
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration", "classpath:db/sqlite").target("8").load()
                .migrate();
    }

    private static void chunks(String url) {
        Jdbi jdbi = Jdbi.create(url);
        run(jdbi, 2, "2026-02-02 09:00:00");
        run(jdbi, 3, "2026-03-01 09:00:00");
        String[] sites = {"GZ-TH-01", "GZ-PY-P1", "GZ-WEB", "GZ-TH-P2", "SZ-XX-01", "GZ-SS-01"};
        String[] skus = {"CT-5G-129-24", "SIM-STD", "HS-MI15-256", "AC-CHG-20W", "PL-5G-59"};
        String[] ids = {"WO000000001", "00012", "Ä-7", "订单-42", "𝄞9", "\uE000", "X1234567890123456789012", "", "A", "9", "WO000000001x"};
        long jan1 = 1_767_225_600L;
        // run 2: 61 orders in chunks of 7 (deflated), so a run spans several chunks and the last one is short
        jdbi.useHandle(h -> {
            try (ConfirmedOrderWriter w = new ConfirmedOrderWriter(h, 2, true, 7)) {
                for (int i = 0; i < 61; i++) {
                    String id = i < ids.length ? ids[i] : "R2-" + String.format("%05d", i);
                    long created = jan1 + 31L * 86_400 + i * 37_003L;   // February onwards
                    boolean live = i % 9 != 4;
                    long amount = 1_000L * (i + 1) * (i % 2 == 0 ? 1 : 13);
                    long accepted = i % 11 == 3 ? created - 500 : created + 61 * i;
                    w.add(id, created, i % 3 == 0 ? "web" : "app", sites[i % sites.length], "138" + String.format("%08d", i * 7919),
                            skus[i % skus.length], 1 + i % 3, amount, live ? amount - (i % 5 == 0 ? 1 : 0) : -amount, accepted,
                            live ? (i % 4 == 0 ? "paid" : "completed") : (i % 2 == 0 ? "cancelled" : "refunded"), live,
                            i % 6 == 0 ? "fallback" : "order_ref");
                }
            }
        });
        // run 3: not deflated; reconfirms some of run 2's orders (the reports take the latest run) and cancels others
        jdbi.useHandle(h -> {
            try (ConfirmedOrderWriter w = new ConfirmedOrderWriter(h, 3, false, 5)) {
                for (int i = 10; i < 30; i++) {
                    String id = i < ids.length ? ids[i] : "R2-" + String.format("%05d", i);
                    long created = jan1 + 31L * 86_400 + i * 37_003L;
                    boolean cancel = i % 3 == 0;
                    w.add(id, created, "web", sites[(i + 1) % sites.length], null, skus[i % skus.length], 1, 5_000L + i,
                            cancel ? 0 : 5_000L + i, created + 3_600L * 24 * (i % 40), cancel ? "refunded" : "completed", !cancel, "order_ref");
                }
                // extreme amounts and quantity, a BOSS time before the order, an order at midnight of a month's first day
                w.add("R3-BIG", jan1 + 59L * 86_400, "web", "GZ-WEB", "+8613800138000", "SIM-STD", Long.MAX_VALUE, Long.MIN_VALUE + 1,
                        -5L, jan1 + 58L * 86_400 + 1, "paid", true, "order_ref");
            }
        });
    }

    private static void expect(String url, Path out) {
        List<ConfirmedOrder> orders = new ArrayList<>();
        Jdbi.create(url).useHandle(h -> ConfirmedOrders.forEach(h, ConfirmedOrders.Filter.all(), orders::add));
        orders.sort(Comparator.comparingLong(ConfirmedOrder::runId).thenComparing(ConfirmedOrder::orderId, ConfirmedOrders.TEXT_ORDER));
        StringBuilder s = new StringBuilder("run_id\torder_id\tcreated_at\tchannel\tsite_id\tmsisdn\tsku\tqty\tamount_fen\tboss_net_fen"
                + "\tboss_accepted_at\tplatform_status\tboss_live\tmatched_by\n");
        for (ConfirmedOrder o : orders) {
            s.append(o.runId()).append('\t').append(text(o.orderId())).append('\t').append(BossDateTime.format(o.createdAt()))
                    .append('\t').append(text(o.channel())).append('\t').append(text(o.siteId())).append('\t').append(text(o.msisdn()))
                    .append('\t').append(text(o.sku())).append('\t').append(o.qty()).append('\t').append(o.amountFen()).append('\t')
                    .append(o.bossNetFen()).append('\t')
                    .append(o.bossAcceptedAt() == ConfirmedOrder.NO_TIME ? "\\N" : BossDateTime.format(o.bossAcceptedAt()))
                    .append('\t').append(text(o.platformStatus())).append('\t').append(o.bossLive() ? 1 : 0).append('\t')
                    .append(text(o.matchedBy())).append('\n');
        }
        try {
            Files.writeString(out, s, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(String s) {
        return s == null ? "\\N" : s;
    }
}
