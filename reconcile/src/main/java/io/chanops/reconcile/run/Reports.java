package io.chanops.reconcile.run;

import io.chanops.ledger.csv.CsvSink;
import io.chanops.ledger.files.OutputFile;
import io.chanops.ledger.files.OutputKind;
import io.chanops.ledger.files.OutputSet;
import io.chanops.ledger.files.Workbook;
import io.chanops.ledger.money.Fen;
import io.chanops.reconcile.boss.BossDateTime;
import io.chanops.reconcile.boss.BossTable;
import io.chanops.reconcile.match.BossGroup;
import io.chanops.reconcile.match.Category;
import io.chanops.reconcile.match.Item;
import io.chanops.reconcile.match.Matching;
import io.chanops.reconcile.match.Summary;
import io.chanops.reconcile.platform.PlatformOrder;
import io.chanops.reconcile.platform.PlatformTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The CSV reports of a run: summary.csv, discrepancies.csv, matched.csv and (with --carry) resolved-late.csv.
 * Amounts are yuan with two decimals; {@code diff = boss_amount - platform_amount}.
 */
public final class Reports {
    public static final List<String> SUMMARY = List.of("category", "count", "platform_amount", "boss_amount");
    public static final List<String> DISCREPANCIES = List.of(
            "category",
            "order_id",
            "boss_ids",
            "msisdn",
            "platform_amount",
            "boss_amount",
            "diff",
            "platform_status",
            "boss_status",
            "matched_by",
            "site_id",
            "created_at");
    public static final List<String> MATCHED = List.of(
            "order_id",
            "boss_ids",
            "created_at",
            "channel",
            "site_id",
            "msisdn",
            "sku",
            "qty",
            "platform_amount",
            "boss_amount",
            "platform_status",
            "boss_status",
            "boss_accepted_at",
            "matched_by");
    public static final List<String> RESOLVED_LATE = List.of(
            "order_id",
            "boss_ids",
            "msisdn",
            "platform_amount",
            "boss_amount",
            "diff",
            "platform_status",
            "boss_status",
            "created_at",
            "boss_accepted_at",
            "age_days",
            "missing_since_run");

    private final boolean mask;
    private final boolean bom;

    public Reports(boolean mask, boolean bom) {
        this.mask = mask;
        this.bom = bom;
    }

    /**
     * The rows of summary.csv: the eight categories in their fixed order, RESOLVED_LATE when the run carried, and a
     * TOTAL row whose amounts are the totals read from the files (the check that the categories add back to them).
     */
    public static List<List<Object>> summaryRows(Summary s, boolean carry, long platformTotalFen, long bossTotalFen) {
        List<List<Object>> rows = new ArrayList<>();
        long count = 0;
        List<Category> shown = new ArrayList<>(Category.REPORTED);
        if (carry) {
            shown.add(Category.RESOLVED_LATE);
        }
        for (Category c : shown) {
            rows.add(List.of(c.name(), s.count(c), Fen.toYuan(s.platformFen(c)), Fen.toYuan(s.bossFen(c))));
            count += s.count(c);
        }
        rows.add(List.of("TOTAL", count, Fen.toYuan(platformTotalFen), Fen.toYuan(bossTotalFen)));
        return rows;
    }

    /**
     * The report files of one run in DIR, declared (checked) before any work: resolved-late.csv only with --carry.
     * The files with phone numbers are written readable by their owner only unless {@code --mask} hides the numbers.
     */
    public record ReportFiles(
            OutputFile summary,
            OutputFile discrepancies,
            OutputFile matched,
            OutputFile resolvedLate,
            OutputFile workbook,
            Workbook.Format format) {
        ReportFiles(OutputFile summary, OutputFile discrepancies, OutputFile matched, OutputFile resolvedLate) {
            this(summary, discrepancies, matched, resolvedLate, null, null);
        }
    }

    /**
     * The reports of one run as one workbook FILE, a sheet per report (summary, discrepancies, matched, and
     * resolved_late with --carry), written in {@code format}; declared before any work.
     */
    public static ReportFiles declareWorkbook(OutputSet outputs, Path file, Workbook.Format format) {
        return new ReportFiles(
                null, null, null, null, outputs.file(file).requireReplaceable(OutputKind.workbook("summary")), format);
    }

    public static ReportFiles declare(OutputSet outputs, Path dir, boolean carry) {
        outputs.directory(dir);
        if (!carry) {
            outputs.obsolete(dir.resolve("resolved-late.csv")); // an earlier run's, which this run would seem to have
        }
        return new ReportFiles(
                report(outputs, dir, "summary.csv", SUMMARY),
                report(outputs, dir, "discrepancies.csv", DISCREPANCIES),
                report(outputs, dir, "matched.csv", MATCHED),
                carry ? report(outputs, dir, "resolved-late.csv", RESOLVED_LATE) : null);
    }

    /** Declares report {@code name} of DIR, which replaces an earlier run's copy of it and nothing else. */
    private static OutputFile report(OutputSet outputs, Path dir, String name, List<String> header) {
        return outputs.file(dir.resolve(name)).requireReplaceable(OutputKind.csv(header));
    }

    /**
     * Writes the reports of a matching to their temporary files (they appear when the set is published, once the run
     * is stored); {@code findings} are its discrepancies and RESOLVED_LATE items, in order.
     */
    public void write(ReportFiles files, Matching m, List<Item> findings, boolean carry) {
        OutputFile.Access phones = mask ? OutputFile.Access.DEFAULT : OutputFile.Access.OWNER_ONLY;
        if (files.workbook() != null) {
            files.workbook().write(phones, out -> files.format().write(out, book -> sheets(book, m, findings, carry)));
            return;
        }
        files.summary().write(OutputFile.Access.DEFAULT, out -> {
            try (CsvSink sink = CsvSink.to(out, bom)) {
                sink.header(SUMMARY);
                for (List<Object> row : summaryRows(
                        m.summary(), carry, m.platform().totalFen(), m.boss().totalFen())) {
                    sink.row(row);
                }
            }
        });
        files.discrepancies().write(phones, out -> {
            try (CsvSink discrepancies = CsvSink.to(out, bom)) {
                discrepancies.header(DISCREPANCIES);
                for (Item item : findings) {
                    if (item.category().discrepancy()) {
                        discrepancies.row(discrepancyRow(item, mask));
                    }
                }
            }
        });
        files.matched().write(phones, out -> {
            try (MatchedCsv matched = new MatchedCsv(out, bom, mask)) {
                matched.header(MATCHED);
                PlatformTable p = m.platform();
                for (int i = 0; i < p.size(); i++) {
                    if (m.category(i) == Category.MATCHED) {
                        matched.row(m, i);
                    }
                }
            }
        });
        if (carry) {
            files.resolvedLate().write(phones, out -> {
                try (CsvSink late = CsvSink.to(out, bom)) {
                    late.header(RESOLVED_LATE);
                    for (Item item : findings) {
                        if (item.category() == Category.RESOLVED_LATE) {
                            late.row(resolvedLateRow(item, mask));
                        }
                    }
                }
            });
        }
    }

    /** The reports as the sheets of one workbook, with the rows of their CSV files. */
    private void sheets(Workbook book, Matching m, List<Item> findings, boolean carry) {
        book.sheet("summary", SUMMARY, sink -> {
            for (List<Object> row : summaryRows(
                    m.summary(), carry, m.platform().totalFen(), m.boss().totalFen())) {
                sink.row(row);
            }
        });
        book.sheet("discrepancies", DISCREPANCIES, sink -> {
            for (Item item : findings) {
                if (item.category().discrepancy()) {
                    sink.row(discrepancyRow(item, mask));
                }
            }
        });
        book.sheet("matched", MATCHED, sink -> {
            PlatformTable p = m.platform();
            for (int i = 0; i < p.size(); i++) {
                if (m.category(i) == Category.MATCHED) {
                    sink.row(matchedRow(m, i, mask));
                }
            }
        });
        if (carry) {
            book.sheet("resolved_late", RESOLVED_LATE, sink -> {
                for (Item item : findings) {
                    if (item.category() == Category.RESOLVED_LATE) {
                        sink.row(resolvedLateRow(item, mask));
                    }
                }
            });
        }
    }

    /** A line of matched.csv as cells (what {@link MatchedCsv} writes as bytes). */
    static List<Object> matchedRow(Matching m, int i, boolean mask) {
        PlatformTable p = m.platform();
        BossTable b = m.boss();
        int g = m.groupOf(i);
        int latest = m.latest(g);
        StringBuilder bossIds = new StringBuilder();
        for (int r = m.first(g); r >= 0; r = m.next(r)) {
            if (bossIds.length() > 0) {
                bossIds.append('|');
            }
            bossIds.append(b.bossIds().get(r));
        }
        return Arrays.asList(
                p.orderId(i),
                bossIds.toString(),
                BossDateTime.format(p.createdAt(i)),
                p.channel(i),
                p.siteId(i),
                msisdn(p.msisdn(i), mask),
                p.sku(i),
                p.qty(i),
                Fen.toYuan(p.amountFen(i)),
                Fen.toYuan(m.netFen(g)),
                p.status(i).toString(),
                b.completed(latest) ? "completed" : "cancelled",
                BossDateTime.format(b.acceptedAt(latest)),
                m.fallback(g) ? "fallback" : "order_ref");
    }

    /**
     * A line of discrepancies.csv; site_id (the platform order's, else the BOSS group's latest row's) and created_at
     * (the platform order's, empty without one) come last, added later.
     */
    public static List<Object> discrepancyRow(Item item, boolean mask) {
        BossGroup g = item.group();
        PlatformOrder o = item.order();
        return List.of(
                item.category().name(),
                item.orderId(),
                g == null ? "" : g.bossIds(),
                msisdn(item.msisdn(), mask),
                Fen.toYuan(item.platformFen()),
                Fen.toYuan(item.bossFen()),
                Fen.toYuan(item.bossFen() - item.platformFen()),
                o == null ? "" : o.status().toString(),
                g == null ? "" : g.status(),
                item.matchedBy(),
                o != null ? o.siteId() : g.latest().siteId(),
                o == null ? "" : BossDateTime.format(o.createdAt()));
    }

    public static List<Object> resolvedLateRow(Item item, boolean mask) {
        PlatformOrder o = item.order();
        BossGroup g = item.group();
        return List.of(
                o.orderId(),
                g.bossIds(),
                msisdn(item.msisdn(), mask),
                Fen.toYuan(o.amountFen()),
                Fen.toYuan(g.netFen()),
                Fen.toYuan(g.netFen() - o.amountFen()),
                o.status().toString(),
                g.status(),
                BossDateTime.format(o.createdAt()),
                BossDateTime.format(g.latest().acceptedAt()),
                ageDays(item),
                item.carried().runId());
    }

    /** Days from the order's creation date to the date BOSS accepted it (its group's latest row). */
    public static long ageDays(Item item) {
        return Math.floorDiv(item.group().latest().acceptedAt(), 86_400L)
                - Math.floorDiv(item.order().createdAt(), 86_400L);
    }

    static String msisdn(String msisdn, boolean mask) {
        return mask ? Msisdn.mask(msisdn) : msisdn;
    }
}
