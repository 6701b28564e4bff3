package io.chanops.replenish.policy;

import io.chanops.catalog.ProductRepository;
import io.chanops.ledger.InputRejectedException;
import io.chanops.ledger.Ledger;
import io.chanops.ledger.csv.Cells;
import io.chanops.ledger.csv.CsvRow;
import io.chanops.ledger.csv.CsvSource;
import io.chanops.ledger.imports.ProblemList;
import io.chanops.ledger.master.PositionChecks;
import io.chanops.ledger.model.Product;
import io.chanops.ledger.model.ProductType;
import io.chanops.ledger.model.Site;
import io.chanops.ledger.site.SiteRepository;
import io.chanops.ledger.time.LocalTimes;
import io.chanops.ledger.time.TimeHints;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A policies.csv file ({@code site_id,sku,t_days,R,S,L,locked}, optionally {@code locked_until} and {@code reason})
 * read and validated against the ledger's stores and stocked SKUs: what {@code policy import} writes and {@code policy
 * simulate} tries as a candidate. A {@code policy list} CSV is such a file: the listing's other record columns are
 * known and ignored.
 */
public record PolicyFile(Ledger ledger, SiteRepository sites, ProductRepository products) {
    public static final List<String> COLUMNS = List.of("site_id", "sku", "t_days", "R", "S", "L", "locked");
    /** Optional: the last day of a lock ({@code YYYY-MM-DD}); empty or absent, a lock has no end. */
    public static final String LOCKED_UNTIL = "locked_until";
    /** Why the policy commands refuse a warehouse given as {@code --site}. */
    public static final String STORES_ONLY =
            "policies apply to stores (a warehouse's stock is shared out by 'chanops replenish rebalance')";

    /**
     * Why a position of {@code site} and {@code product} can have no policy, whatever its levels: the site is a
     * warehouse, or the product is not stocked. Empty when policies apply to it.
     */
    public static Optional<String> outsidePolicies(Site site, Product product) {
        if (!site.isStore()) {
            return Optional.of(warehouse(site.siteId()));
        }
        if (!product.type().isStocked()) {
            return Optional.of(product.type().notStocked(product.sku()));
        }
        return Optional.empty();
    }

    /** Why a warehouse has no policy. */
    public static String warehouse(String siteId) {
        return "'" + siteId + "' is a warehouse; " + STORES_ONLY;
    }
    /**
     * Optional: why the levels are what they are ({@code policy set --reason}); empty or absent, none is given. Read
     * back from a listing, where it is one of the record's columns.
     */
    public static final String REASON = "reason";
    /**
     * What the ledger records about a policy (where its levels came from, who set them, why and when), which
     * {@code policy list} writes after the file's columns: read back without a warning; of these only {@link #REASON}
     * is imported.
     */
    public static final List<String> RECORD_COLUMNS = List.of("source", "set_by", "reason", "tuned_at", "updated_at");
    /** The columns of {@code policy list}: the file's, then the record's, so that a listing imports back. */
    public static final List<String> LISTED = Stream.of(COLUMNS, List.of(LOCKED_UNTIL), RECORD_COLUMNS)
            .flatMap(List::stream)
            .toList();
    /** Longest review period, in days (ten years). */
    static final long MAX_T_DAYS = 3650;

    /**
     * A position's policy as a file gives it, validated, on its line (0: not from a file); {@code lockedUntil} is the
     * last day of its lock (null: no end, or not locked); {@code reason} why (null: none given).
     */
    public record Row(
            String siteId, String sku, Policy policy, boolean locked, LocalDate lockedUntil, String reason, long line) {
        public Row(String siteId, String sku, Policy policy, boolean locked) {
            this(siteId, sku, policy, locked, null, null, 0);
        }
    }

    /** The reader on {@code ledger}'s repositories. */
    public static PolicyFile of(Ledger ledger) {
        return new PolicyFile(
                ledger, ledger.repository(SiteRepository.class), ledger.repository(ProductRepository.class));
    }

    /** The levels given beyond the bounds of SPEC §3.1 (a policy file's and {@code policy set}'s), in words. */
    static List<String> outOfRange(long t, long r, long s, long l) {
        List<String> out = new ArrayList<>();
        if (t > MAX_T_DAYS) {
            out.add("t must be at most " + MAX_T_DAYS + " days (got " + t + ")");
        }
        String[] names = {"R", "S", "L"};
        long[] levels = {r, s, l};
        for (int i = 0; i < 3; i++) {
            if (Math.abs(levels[i]) > Cells.MAX_QUANTITY) {
                out.add(names[i] + " must be at most " + String.format("%,d", Cells.MAX_QUANTITY) + " units (got "
                        + levels[i] + ")");
            }
        }
        return out;
    }

    /**
     * Reads and validates a policies.csv file ({@code site_id,sku,t_days,R,S,L,locked}, optionally
     * {@code locked_until} and {@code reason}) as {@code policy import} does: known store, stocked SKU, whole numbers,
     * valid levels, a strict date that ends a lock, each position once. Any bad row rejects the whole file
     * ({@link InputRejectedException}, every problem with its line). Writes nothing.
     */
    public List<Row> read(Path file, Charset charset, Consumer<String> warn) {
        Map<String, String> siteKinds = new HashMap<>();
        Map<String, ProductType> productTypes = ledger.read(h -> {
            sites.list().forEach(s -> siteKinds.put(s.siteId(), s.kind().toString()));
            return products.types();
        });
        PositionChecks checks = new PositionChecks(siteKinds.keySet(), productTypes);
        List<Row> rows = new ArrayList<>();
        ProblemList problems = new ProblemList();
        Map<String, Long> seen = new HashMap<>();
        try (CsvSource csv = CsvSource.open(file, charset)) {
            csv.require(COLUMNS).warnUnknown(Set.copyOf(LISTED), warn);
            for (CsvRow row : csv) {
                if (row.rejected(problems::add)) {
                    continue;
                }
                boolean ok = true;
                String site = row.get("site_id");
                String sku = row.get("sku");
                if (!checks.knownSite(row, problems)) {
                    ok = false;
                } else if (!siteKinds.get(site).equals("store")) {
                    problems.add(row.problem("site_id", warehouse(site)));
                    ok = false;
                }
                ok &= checks.stockedSku(row, problems);
                long[] v = new long[4];
                String[] cols = {"t_days", "R", "S", "L"};
                for (int i = 0; i < 4; i++) {
                    String text = row.get(cols[i]);
                    Long value = Cells.whole(text, i == 0 ? MAX_T_DAYS : Cells.MAX_QUANTITY);
                    if (value == null) {
                        problems.add(row.problem(
                                cols[i], Cells.whyNotWhole(text, i == 0 ? MAX_T_DAYS : Cells.MAX_QUANTITY)));
                        ok = false;
                    } else {
                        v[i] = value;
                    }
                }
                String lockedText = row.get("locked").toLowerCase(Locale.ROOT);
                boolean locked = lockedText.equals("true");
                if (lockedText.isEmpty()) {
                    // not false by default: an empty cell would unlock a policy set by hand, for the next tuning
                    problems.add(row.problem("locked", "is empty: true (never tuned) or false"));
                    ok = false;
                } else if (!lockedText.equals("true") && !lockedText.equals("false")) {
                    problems.add(row.problem("locked", "'" + row.get("locked") + "' is not true or false"));
                    ok = false;
                }
                LocalDate until = null;
                String untilText = row.get(LOCKED_UNTIL);
                if (!untilText.isEmpty()) {
                    until = LocalTimes.parseDate(untilText).orElse(null);
                    if (until == null) {
                        problems.add(row.problem(
                                LOCKED_UNTIL,
                                "'" + untilText + "' is not a date YYYY-MM-DD" + TimeHints.date(untilText)));
                        ok = false;
                    } else if (!locked) {
                        problems.add(row.problem(
                                LOCKED_UNTIL,
                                "the lock ends " + untilText + ", but locked is not true: set locked to true, or"
                                        + " leave locked_until empty"));
                        ok = false;
                    }
                }
                if (!ok) {
                    continue;
                }
                List<String> why = Policy.problems(v[0], v[1], v[2], v[3]);
                if (!why.isEmpty()) {
                    problems.add(row.problem(
                            why.get(0).startsWith("t") ? "t_days" : why.get(0).substring(0, 1),
                            String.join("; ", why)));
                    continue;
                }
                Long first = seen.putIfAbsent(site + '\u0000' + sku, row.line());
                if (first != null) {
                    problems.add(row.problem(
                            "sku", "duplicate position " + site + "/" + sku + ": already on line " + first));
                    continue;
                }
                String reason = row.get(REASON);
                rows.add(new Row(
                        site,
                        sku,
                        new Policy((int) v[0], v[1], v[2], v[3]),
                        locked,
                        until,
                        reason.isEmpty() ? null : reason,
                        row.line()));
            }
        }
        problems.rejectIfAny();
        return rows;
    }
}
