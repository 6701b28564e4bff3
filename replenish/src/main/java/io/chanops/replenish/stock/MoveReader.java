package io.chanops.replenish.stock;

import io.chanops.ledger.InputRejectedException;
import io.chanops.ledger.Problem;
import io.chanops.ledger.csv.Cells;
import io.chanops.ledger.csv.CsvBytes;
import io.chanops.ledger.csv.CsvRow;
import io.chanops.ledger.csv.CsvSource;
import io.chanops.ledger.imports.ProblemList;
import io.chanops.ledger.master.KnownIds;
import io.chanops.ledger.master.PositionChecks;
import io.chanops.ledger.model.MoveKind;
import io.chanops.ledger.model.ProductType;
import io.chanops.ledger.time.LocalTimes;
import io.chanops.ledger.time.TimeHints;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Reads and validates {@code moves.csv} into {@link Moves}. A UTF-8 file without quote characters (what every
 * system exporting moves writes) is scanned as bytes: a row whose cells are all plainly valid is taken without a
 * String per cell, its site, SKU and kind found by their bytes among the known ones. Any other row, and every row of
 * any other file, goes through {@link CsvRow} and the checks below, which are the only place that words a problem: a
 * row the byte scan does not accept is read again that way, so both paths report the same problems, in file order.
 */
final class MoveReader {
    private static final long MAX_BYTES = 1L << 30;
    private static final int PROGRESS_EVERY = 50_000;
    private static final List<String> KIND_NAMES =
            Arrays.stream(MoveKind.values()).map(MoveKind::toString).toList();

    private final PositionChecks checks;
    private final String[] siteIds;
    private final Map<String, Integer> siteNumbers = new HashMap<>();
    private final String[] skuIds;
    private final Map<String, Integer> skuNumbers = new HashMap<>();
    private final boolean[] stocked;
    private final ProblemList problems = new ProblemList();
    private final Moves moves;
    private String csvName;

    /** A reader for another part of the same file: the same site and SKU numbers, its own moves and problems. */
    private MoveReader(MoveReader same) {
        this.checks = same.checks;
        this.siteIds = same.siteIds;
        this.siteNumbers.putAll(same.siteNumbers);
        this.skuIds = same.skuIds;
        this.skuNumbers.putAll(same.skuNumbers);
        this.stocked = same.stocked;
        this.moves = new Moves(siteIds.length, skuIds.length);
        this.csvName = same.csvName;
    }

    private MoveReader(Set<String> sites, Map<String, ProductType> products) {
        this.checks = new PositionChecks(sites, products);
        this.siteIds = sites.toArray(String[]::new);
        for (int i = 0; i < siteIds.length; i++) {
            siteNumbers.put(siteIds[i], i);
        }
        this.skuIds = products.keySet().toArray(String[]::new);
        this.stocked = new boolean[skuIds.length];
        for (int i = 0; i < skuIds.length; i++) {
            skuNumbers.put(skuIds[i], i);
            stocked[i] = products.get(skuIds[i]).isStocked();
        }
        this.moves = new Moves(siteIds.length, skuIds.length);
    }

    /**
     * How a file is read: {@link #FAST} scans a UTF-8 file as bytes, in two halves on two threads from {@code
     * parallelBytes} on; {@code bytes} false reads every row through {@link CsvRow}, the reference the differential
     * tests hold the byte scan to.
     */
    record Scan(boolean bytes, int parallelBytes) {
        static final Scan FAST = new Scan(true, 4 << 20);
    }

    /**
     * Reads and validates the whole file against the known sites and products; any problem rejects it with every
     * problem listed.
     */
    static Moves read(
            Path file,
            Charset charset,
            Set<String> sites,
            Map<String, ProductType> products,
            Consumer<String> warn,
            LongConsumer progress,
            Scan scan) {
        MoveReader reader = new MoveReader(sites, products);
        try (CsvSource csv = CsvSource.open(file, charset)) {
            reader.csvName = csv.name();
            csv.warnUnknown(Set.copyOf(MoveImport.COLUMNS), warn).require(MoveImport.REQUIRED);
            byte[] bytes = scan.bytes() && charset.equals(StandardCharsets.UTF_8) ? readSmall(file) : null;
            if (bytes != null && CsvBytes.applies(bytes)) {
                Moves inParts = bytes.length >= scan.parallelBytes() ? reader.inTwoParts(csv, bytes, progress) : null;
                if (inParts != null) {
                    if (inParts.size() == 0) {
                        throw InputRejectedException.of(new Problem(csv.name(), 1, "", Cells.NO_ROWS));
                    }
                    return inParts;
                }
                reader.scan(csv, CsvBytes.of(csv, bytes, width(csv)), progress, null);
            } else {
                reader.parseAll(csv, progress);
            }
            // rows that are all empty cells are skipped as blank lines: a file of nothing else has no data rows either
            // (CsvSource's rows refuse a file with no row at all in the same words)
            if (reader.moves.size() == 0 && reader.problems.isEmpty()) {
                reader.problems.add(new Problem(csv.name(), 1, "", Cells.NO_ROWS));
            }
        }
        reader.problems.rejectIfAny();
        return reader.moves;
    }

    /**
     * Reads the two halves of the file on two threads, for a valid file; null when either half has any problem (or
     * the halves repeat a document): the caller then reads the file again in one pass, which lists every problem in
     * file order with the same words.
     */
    private Moves inTwoParts(CsvSource csv, byte[] bytes, LongConsumer progress) {
        int start = CsvBytes.dataStart(bytes);
        int middle = CsvBytes.lineStartAfter(bytes, start + (bytes.length - start) / 2);
        int width = width(csv);
        MoveReader first = new MoveReader(this);
        MoveReader second = new MoveReader(this);
        AtomicLong read = new AtomicLong();
        RuntimeException[] failed = {null};
        Thread other = new Thread(
                () -> {
                    try {
                        // numbered from 1 here, renumbered once the first half's line count is known (without a problem
                        // in either half, the lines are never shown)
                        second.scan(csv, CsvBytes.part(csv, bytes, width, middle, bytes.length, 1), null, read);
                    } catch (RuntimeException e) {
                        failed[0] = e;
                    }
                },
                "moves-reader");
        other.setDaemon(true);
        other.start();
        RuntimeException mine = null;
        CsvBytes firstPart = CsvBytes.part(csv, bytes, width, start, middle, 2);
        try {
            first.scan(csv, firstPart, progress, read);
        } catch (RuntimeException e) {
            mine = e;
        }
        try {
            other.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + csv.name(), e);
        }
        if (mine != null || failed[0] != null || !first.problems.isEmpty() || !second.problems.isEmpty()) {
            return null;
        }
        second.moves.shiftLines(firstPart.line());
        if (!first.moves.append(second.moves)) {
            return null;
        }
        if (progress != null) {
            progress.accept(bytes.length);
        }
        return first.moves;
    }

    private static int width(CsvSource csv) {
        int width = 0;
        for (String column : MoveImport.COLUMNS) {
            width = Math.max(width, csv.columnIndex(column) + 1);
        }
        return width;
    }

    /** The file's bytes when it is small enough to hold (up to 1 GiB), else null (it is then streamed). */
    private static byte[] readSmall(Path file) {
        try {
            return Files.size(file) <= MAX_BYTES ? Files.readAllBytes(file) : null;
        } catch (IOException e) {
            throw InputRejectedException.of(Problem.ofFile(file.toString(), "cannot read: " + e.getMessage()));
        }
    }

    /** Every row through {@link CsvRow}: files in other charsets, or with quoted cells. */
    private void parseAll(CsvSource csv, LongConsumer progress) {
        long n = 0;
        for (CsvRow row : csv) {
            if (++n % PROGRESS_EVERY == 0 && progress != null) {
                progress.accept(csv.bytesRead());
            }
            parse(row);
        }
        if (progress != null) {
            progress.accept(csv.bytesRead());
        }
    }

    private static final int AT = 0;
    private static final int SITE = 1;
    private static final int SKU = 2;
    private static final int KIND = 3;
    private static final int QTY = 4;
    private static final int REF = 5;

    /**
     * Reads the lines of {@code lines}; {@code progress} (if any) is told the bytes read so far, counted in
     * {@code shared} when several threads read parts of one file.
     */
    private void scan(CsvSource csv, CsvBytes lines, LongConsumer progress, AtomicLong shared) {
        int[] column = new int[6];
        for (int c = 0; c < column.length; c++) {
            column[c] = csv.columnIndex(MoveImport.COLUMNS.get(c));
        }
        ByteNames siteNames = new ByteNames(siteIds);
        ByteNames skuNames = new ByteNames(skuIds);
        MoveKind[] kinds = MoveKind.values();
        String[] kindCodes = new String[kinds.length];
        for (int k = 0; k < kinds.length; k++) {
            kindCodes[k] = kinds[k].toString();
        }
        ByteNames kindNames = new ByteNames(kindCodes);
        int headerWidth = lines.headerWidth();
        long n = 0;
        long counted = lines.position();
        while (lines.next()) {
            if (++n % PROGRESS_EVERY == 0) {
                // bytes: this line's end in the file, or the bytes both parts have read between them
                long at = lines.position();
                long total = shared == null ? at : shared.addAndGet(at - counted);
                counted = at;
                if (progress != null) {
                    progress.accept(total);
                }
            }
            if (lines.isAscii()) {
                if (lines.isBlank()) {
                    continue;
                }
                if (lines.width() == headerWidth
                        && !lines.hasControl()
                        && take(lines, column, siteNames, skuNames, kindNames, kinds)) {
                    continue;
                }
            }
            CsvRow row = lines.row();
            if (!row.isEmptyLine()) {
                parse(row);
            }
        }
        if (shared != null) {
            shared.addAndGet(n % PROGRESS_EVERY);
        } else if (progress != null) {
            progress.accept(n);
        }
    }

    /** Adds the current ASCII line if every cell is plainly valid; false to have it read and checked as a row. */
    private boolean take(
            CsvBytes lines,
            int[] column,
            ByteNames siteNames,
            ByteNames skuNames,
            ByteNames kindNames,
            MoveKind[] kinds) {
        byte[] b = lines.bytes();
        long at = LocalTimes.dateTimeDigits(b, lines.start(column[AT]), lines.end(column[AT]));
        int site = siteNames.find(b, lines.start(column[SITE]), lines.end(column[SITE]));
        int sku = skuNames.find(b, lines.start(column[SKU]), lines.end(column[SKU]));
        int k = kindNames.find(b, lines.start(column[KIND]), lines.end(column[KIND]));
        if (at < 0 || site < 0 || sku < 0 || !stocked[sku] || k < 0) {
            return false;
        }
        MoveKind kind = kinds[k];
        int from = lines.start(column[QTY]);
        int to = lines.end(column[QTY]);
        boolean negative = from < to && b[from] == '-';
        if (from < to && (b[from] == '-' || b[from] == '+')) {
            from++;
        }
        if (from == to || to - from > 7) { // at most 1,000,000 (Cells.MAX_QUANTITY)
            return false;
        }
        long qty = 0;
        for (int i = from; i < to; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return false;
            }
            qty = qty * 10 + d;
        }
        if (qty > Cells.MAX_QUANTITY) {
            return false;
        }
        qty = negative ? -qty : qty;
        if (kind == MoveKind.ADJUST ? qty == 0 : kind == MoveKind.COUNT ? qty < 0 : qty <= 0) {
            return false;
        }
        int refFrom = lines.start(column[REF]);
        int refTo = lines.end(column[REF]);
        if (refTo - refFrom > Cells.MAX_TEXT_LENGTH || Cells.isScientific(b, refFrom, refTo)) {
            return false;
        }
        int first = moves.add(
                moves.position(site, sku, siteIds[site], skuIds[sku]),
                at,
                kind,
                qty,
                refFrom == refTo ? null : b,
                refFrom,
                refTo,
                lines.line());
        if (first != 0) {
            problems.add(new Problem(
                    csvName,
                    lines.line(),
                    "ref",
                    duplicate(kind, lines.text(column[REF]), skuIds[sku], siteIds[site], first)));
        }
        return true;
    }

    /** Checks one row, wording every problem it has; adds it when it has none. */
    private void parse(CsvRow row) {
        if (row.rejected(problems::add)) {
            return;
        }
        boolean ok = true;
        String atText = row.get("at");
        String at = LocalTimes.normaliseDateTime(atText);
        if (at == null) {
            problems.add(row.problem(
                    "at",
                    "'" + atText + "' is not a date-time YYYY-MM-DD HH:MM[:SS]" + TimeHints.dateTimeCell(atText)));
            ok = false;
        }
        String site = row.get("site_id");
        String sku = row.get("sku");
        ok &= checks.knownSite(row, problems);
        ok &= checks.stockedSku(row, problems);
        String kindText = row.get("kind");
        MoveKind kind = MoveKind.parse(kindText).orElse(null);
        if (kind == null) {
            problems.add(row.problem(
                    "kind",
                    "'" + kindText + "' is not one of " + String.join(", ", KIND_NAMES)
                            + KnownIds.hintAmong(KIND_NAMES, kindText)));
            ok = false;
        }
        String qtyText = row.get("qty");
        Long parsed = Cells.whole(qtyText, Cells.MAX_QUANTITY);
        long qty = parsed == null ? 0 : parsed;
        if (parsed == null) {
            problems.add(row.problem("qty", Cells.whyNotWhole(qtyText, Cells.MAX_QUANTITY)));
            ok = false;
        } else {
            if (kind == MoveKind.ADJUST) {
                if (qty == 0) {
                    problems.add(row.problem("qty", "an adjust of 0 changes nothing"));
                    ok = false;
                }
            } else if (kind == MoveKind.COUNT) {
                if (qty < 0) {
                    problems.add(row.problem("qty", "a count is the counted on hand and cannot be negative"));
                    ok = false;
                }
            } else if (kind != null && qty <= 0) {
                problems.add(row.problem("qty", "'" + qtyText + "' must be a positive whole number for a " + kind));
                ok = false;
            }
        }
        String refText = row.get("ref");
        if (Cells.isScientific(refText)) {
            problems.add(row.problem("ref", Cells.scientificProblem(refText)));
            ok = false;
        }
        if (ok) {
            int s = siteNumbers.get(site);
            int k = skuNumbers.get(sku);
            String ref = refText;
            add(
                    moves.position(s, k, siteIds[s], skuIds[k]),
                    Moves.atDigits(at),
                    kind,
                    qty,
                    ref.isEmpty() ? null : ref,
                    site,
                    sku,
                    row);
        }
    }

    /** Adds a valid move, or reports it as a repeat of a document (same ref, site, SKU and kind) met earlier. */
    private void add(int position, long at, MoveKind kind, long qty, String ref, String site, String sku, CsvRow row) {
        int first = moves.add(position, at, kind, qty, ref, row.line());
        if (first != 0) {
            problems.add(row.problem("ref", duplicate(kind, ref, sku, site, first)));
        }
    }

    private static String duplicate(MoveKind kind, String ref, String sku, String site, int firstLine) {
        return "duplicate row: " + kind + " '" + ref + "' of " + sku + " at " + site + " is already on line "
                + firstLine;
    }

    /** Known names (site ids, SKUs, kinds) found by their UTF-8 bytes, without making a String. */
    static final class ByteNames {
        private final byte[][] names;
        private final int[] slots;

        ByteNames(String[] names) {
            this.names = new byte[names.length][];
            int size = Integer.highestOneBit(Math.max(4, names.length * 4) - 1) << 1;
            this.slots = new int[size];
            for (int i = 0; i < names.length; i++) {
                byte[] b = names[i].getBytes(StandardCharsets.UTF_8);
                this.names[i] = b;
                int s = hash(b, 0, b.length) & (size - 1);
                while (slots[s] != 0) {
                    s = (s + 1) & (size - 1);
                }
                slots[s] = i + 1;
            }
        }

        /** The index of the name {@code b[from..to)}, or -1. */
        int find(byte[] b, int from, int to) {
            int mask = slots.length - 1;
            for (int s = hash(b, from, to) & mask; ; s = (s + 1) & mask) {
                int i = slots[s] - 1;
                if (i < 0) {
                    return -1;
                }
                if (Arrays.equals(names[i], 0, names[i].length, b, from, to)) {
                    return i;
                }
            }
        }

        private static int hash(byte[] b, int from, int to) {
            int h = 0;
            for (int i = from; i < to; i++) {
                h = 31 * h + b[i];
            }
            return h ^ (h >>> 15);
        }
    }
}
