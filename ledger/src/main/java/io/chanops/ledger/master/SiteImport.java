package io.chanops.ledger.master;

import io.chanops.ledger.Ledger;
import io.chanops.ledger.OperationContext;
import io.chanops.ledger.Problem;
import io.chanops.ledger.csv.CsvRow;
import io.chanops.ledger.csv.CsvSource;
import io.chanops.ledger.imports.FileDigest;
import io.chanops.ledger.imports.ImportBatches;
import io.chanops.ledger.imports.ImportVoice;
import io.chanops.ledger.imports.ProblemList;
import io.chanops.ledger.imports.UpsertCounts;
import io.chanops.ledger.model.Channel;
import io.chanops.ledger.model.Site;
import io.chanops.ledger.site.SiteRepository;
import io.chanops.ledger.text.Named;
import io.chanops.ledger.time.LocalTimes;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;

/** Imports {@code sites.csv}: validates every row, then upserts all sites in one transaction. */
public final class SiteImport {
    public static final List<String> COLUMNS =
            List.of("site_id", "name", "kind", "city", "warehouse", "channel", "lat", "lon", "opens", "closes");
    public static final List<String> REQUIRED = List.of("site_id", "name", "kind");
    /** A site id or SKU: a letter or digit, then letters, digits, _ . -; at most 64. */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.\\-]{0,63}");
    /** Degrees of latitude or longitude: ASCII digits, an optional sign and decimals. */
    private static final Pattern DEGREES = Pattern.compile("[+-]?[0-9]{1,3}(\\.[0-9]{1,12})?");

    private final Ledger ledger;
    private final OperationContext context;
    private final SiteUse use;

    /** Imports into {@code ledger} at the context's time, as its user, for a ledger without policies. */
    public SiteImport(Ledger ledger, OperationContext context) {
        this(ledger, context, SiteUse.NONE);
    }

    /** Imports into {@code ledger} at the context's time, as its user; {@code use} tells what is kept per store. */
    public SiteImport(Ledger ledger, OperationContext context, SiteUse use) {
        this.ledger = ledger;
        this.context = context;
        this.use = use;
    }

    public UpsertCounts importFile(Path file, Charset charset, boolean force, Consumer<String> warn) {
        return importFile(file, charset, force, false, warn);
    }

    /**
     * As above; {@code dryRun}: the same import, with the same checks and warnings, in a transaction rolled back (the
     * result says what it would have done).
     */
    public UpsertCounts importFile(Path file, Charset charset, boolean force, boolean dryRun, Consumer<String> warn) {
        LocalDateTime now = context.now();
        String sha = FileDigest.sha256(file);
        Map<String, Site> existing = new HashMap<>();
        ledger.read(h -> h.attach(SiteRepository.class).list()).forEach(s -> existing.put(s.siteId(), s));
        Read read = readWithLines(file, charset, existing, ImportVoice.of(dryRun), warn);
        List<Site> sites = read.sites();
        return ledger.write(dryRun, h -> {
            ImportBatches.refuseRepeat(h, "sites", file, sha, force);
            refuseStoresWithPoliciesBecomingWarehouses(h, file, read, existing);
            long batch =
                    ImportBatches.record(h, "sites", file, sha, sites.size(), sites.size(), now, context.user(), force);
            SiteRepository dao = h.attach(SiteRepository.class);
            int created = 0;
            int updated = 0;
            int unchanged = 0;
            // warehouses first, so a store never points at a site that does not exist yet
            List<Site> ordered = new ArrayList<>(sites);
            ordered.sort((a, b) -> Boolean.compare(a.isStore(), b.isStore()));
            for (Site s : ordered) {
                Site before = existing.get(s.siteId());
                if (before == null) {
                    created++;
                } else if (before.equals(s)) {
                    unchanged++;
                } else {
                    updated++;
                }
                dao.upsert(s, batch);
            }
            return new UpsertCounts(batch, sites.size(), created, updated, unchanged);
        });
    }

    /**
     * Refuses (exit 4, nothing written) a store that has policies and is a warehouse in the file: policies apply to
     * stores, and the check would go on raising orders for it that no warehouse supplies.
     */
    private void refuseStoresWithPoliciesBecomingWarehouses(
            Handle h, Path file, Read read, Map<String, Site> existing) {
        ProblemList problems = new ProblemList();
        for (Site s : read.sites()) {
            Site before = existing.get(s.siteId());
            if (before != null && before.isStore() && !s.isStore()) {
                long policies = use.policiesAt(h, s.siteId());
                if (policies > 0) {
                    problems.add(new Problem(
                            file.toString(),
                            read.lines().get(s.siteId()),
                            "kind",
                            "'" + s.siteId() + "' is a store with " + policies
                                    + (policies == 1 ? " policy" : " policies")
                                    + "; it cannot become a warehouse (give the warehouse a site_id of its own)"));
                }
            }
        }
        problems.rejectIfAny();
    }

    /** A valid file's sites in file order, and the line of each. */
    private record Read(List<Site> sites, Map<String, Long> lines) {}

    /**
     * Reads and validates the whole file; every problem is reported, and any problem rejects the file. A valid file's
     * new sites whose id is an existing or earlier one's but for case and separators are warned of.
     */
    public static List<Site> read(Path file, Charset charset, Map<String, Site> existing, Consumer<String> warn) {
        return readWithLines(file, charset, existing, ImportVoice.IMPORT, warn).sites();
    }

    private static Read readWithLines(
            Path file, Charset charset, Map<String, Site> existing, ImportVoice voice, Consumer<String> warn) {
        ProblemList problems = new ProblemList();
        Map<String, Site> sites = new LinkedHashMap<>();
        Map<String, Long> firstLine = new HashMap<>();
        List<CsvRow> rows = new ArrayList<>();
        try (CsvSource csv = CsvSource.open(file, charset)) {
            csv.warnUnknown(Set.copyOf(COLUMNS), warn).require(REQUIRED);
            for (CsvRow row : csv) {
                if (row.rejected(problems::add)) {
                    continue;
                }
                rows.add(row);
                parse(row, problems).ifPresent(s -> {
                    Long seen = firstLine.putIfAbsent(s.siteId(), row.line());
                    if (seen != null) {
                        problems.add(row.problem(
                                "site_id", "duplicate site '" + s.siteId() + "' (first on line " + seen + ")"));
                    } else {
                        sites.put(s.siteId(), s);
                    }
                });
            }
        }
        KnownIds warehouses = null; // the warehouses of the file and the ledger, for the first unknown one
        for (CsvRow row : rows) {
            Site s = sites.get(row.get("site_id"));
            if (s == null || !s.isStore() || s.warehouse() == null || firstLine.get(s.siteId()) != row.line()) {
                continue;
            }
            Site wh = sites.containsKey(s.warehouse()) ? sites.get(s.warehouse()) : existing.get(s.warehouse());
            if (wh == null) {
                if (warehouses == null) {
                    warehouses = new KnownIds(Stream.concat(sites.values().stream(), existing.values().stream())
                            .filter(site -> !site.isStore())
                            .map(Site::siteId)
                            .toList());
                }
                problems.add(row.problem(
                        "warehouse",
                        "unknown warehouse '" + s.warehouse() + "'"
                                + warehouses.hint(s.warehouse(), " (not in this file or the ledger)")));
            } else if (wh.isStore()) {
                problems.add(row.problem("warehouse", "'" + s.warehouse() + "' is a store, not a warehouse"));
            }
        }
        refuseWarehousesThatSupplyBecomingStores(file, sites, firstLine, existing, problems);
        problems.rejectIfAny();
        List<LookAlikeIds.NewId> created = new ArrayList<>();
        for (Site s : sites.values()) {
            if (!existing.containsKey(s.siteId())) {
                created.add(new LookAlikeIds.NewId(s.siteId(), firstLine.get(s.siteId())));
            }
        }
        new LookAlikeIds("site", "site_id").warn(file.toString(), existing.keySet(), created, voice, warn);
        StoreDistances.warnings(file.toString(), sites.values(), firstLine, existing)
                .forEach(warn);
        return new Read(List.copyOf(sites.values()), firstLine);
    }

    /** Stores named one by one in the problem of a warehouse that supplies them. */
    private static final int NAMED_STORES = 5;

    /**
     * A warehouse of the ledger that is a store in the file while stores the file leaves alone are supplied by it:
     * they would be supplied by a store.
     */
    private static void refuseWarehousesThatSupplyBecomingStores(
            Path file,
            Map<String, Site> sites,
            Map<String, Long> lines,
            Map<String, Site> existing,
            ProblemList problems) {
        for (Site s : sites.values()) {
            Site before = existing.get(s.siteId());
            if (before == null || before.isStore() || !s.isStore()) {
                continue;
            }
            List<String> supplied = existing.values().stream()
                    .filter(e -> e.isStore() && s.siteId().equals(e.warehouse()) && !sites.containsKey(e.siteId()))
                    .map(Site::siteId)
                    .sorted()
                    .toList();
            if (!supplied.isEmpty()) {
                problems.add(new Problem(
                        file.toString(),
                        lines.get(s.siteId()),
                        "kind",
                        "'" + s.siteId() + "' is the warehouse of " + Named.count(supplied.size(), "store") + " ("
                                + Named.firstOf(supplied, NAMED_STORES)
                                + "); it cannot become a store until they are given another warehouse"));
            }
        }
    }

    private static Optional<Site> parse(CsvRow row, ProblemList problems) {
        int before = problems.size();
        String id = row.get("site_id");
        if (id.isEmpty()) {
            problems.add(row.problem("site_id", "is empty"));
        } else if (!ID.matcher(id).matches()) {
            problems.add(row.problem("site_id", "'" + id + "' is not a valid id (letters, digits, _ . -; at most 64)"));
        }
        String name = row.get("name");
        if (name.isEmpty()) {
            problems.add(row.problem("name", "is empty"));
        }
        Site.Kind kind = null;
        switch (row.get("kind").toLowerCase(Locale.ROOT)) {
            case "store" -> kind = Site.Kind.STORE;
            case "warehouse" -> kind = Site.Kind.WAREHOUSE;
            default ->
                problems.add(row.problem(
                        "kind",
                        "'" + row.get("kind") + "' is not store or warehouse"
                                + KnownIds.hintAmong(List.of("store", "warehouse"), row.get("kind"))));
        }
        String warehouse = emptyToNull(row.get("warehouse"));
        Channel channel = null;
        String channelText = row.get("channel");
        if (kind == Site.Kind.STORE) {
            if (warehouse == null) {
                problems.add(row.problem("warehouse", "a store needs its supplying warehouse"));
            }
            if (channelText.isEmpty()) {
                problems.add(
                        row.problem("channel", "a store needs a channel (hall, partner, e-channel, self-service)"));
            } else {
                channel = Channel.parse(channelText).orElse(null);
                if (channel == null) {
                    problems.add(row.problem(
                            "channel",
                            "'" + channelText + "' is not hall, partner, e-channel or self-service"
                                    + KnownIds.hintAmong(
                                            List.of("hall", "partner", "e-channel", "self-service"), channelText)));
                }
            }
        } else if (kind == Site.Kind.WAREHOUSE) {
            if (warehouse != null) {
                problems.add(row.problem("warehouse", "only stores have a supplying warehouse"));
            }
            if (!channelText.isEmpty()) {
                problems.add(row.problem(
                        "channel",
                        "'" + channelText + "': only stores have a channel; leave it empty for a warehouse"));
            }
        }
        Double lat = coordinate(row, "lat", 90, problems);
        Double lon = coordinate(row, "lon", 180, problems);
        if ((lat == null) != (lon == null) && problems.size() == before) {
            problems.add(row.problem(lat == null ? "lat" : "lon", "give both lat and lon, or neither"));
        }
        LocalTime opens = hourMinute(row, "opens", problems);
        LocalTime closes = hourMinute(row, "closes", problems);
        if (opens != null && closes != null && !opens.isBefore(closes)) {
            problems.add(row.problem("closes", "closes " + closes + " is not after opens " + opens));
        }
        if (problems.size() != before) {
            return Optional.empty();
        }
        return Optional.of(
                new Site(id, name, kind, emptyToNull(row.get("city")), warehouse, channel, lat, lon, opens, closes));
    }

    private static Double coordinate(CsvRow row, String column, double limit, ProblemList problems) {
        String text = row.get(column);
        if (text.isEmpty()) {
            return null;
        }
        if (!DEGREES.matcher(text).matches()) {
            // not Double.parseDouble's grammar: it also takes 1e2, 0x1p3, 90d, Infinity and NaN
            problems.add(row.problem(column, "'" + text + "' is not a number in degrees like 23.1291"));
            return null;
        }
        double v = Double.parseDouble(text);
        if (Math.abs(v) > limit) {
            problems.add(row.problem(column, "'" + text + "' is out of range -" + (int) limit + ".." + (int) limit));
            return null;
        }
        return v;
    }

    private static LocalTime hourMinute(CsvRow row, String column, ProblemList problems) {
        String text = row.get(column);
        if (text.isEmpty()) {
            return null;
        }
        Optional<LocalTime> t = LocalTimes.parseHourMinute(text);
        if (t.isEmpty()) {
            problems.add(row.problem(column, "'" + text + "' is not a time HH:MM (00:00-23:59)"));
        }
        return t.orElse(null);
    }

    static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
