package io.chanops.replenish.simulate;

import io.chanops.catalog.ProductRepository;
import io.chanops.ledger.Ledger;
import io.chanops.ledger.model.MoveKind;
import io.chanops.ledger.model.Position;
import io.chanops.ledger.model.ProductType;
import io.chanops.ledger.model.Site;
import io.chanops.ledger.site.SiteRepository;
import io.chanops.ledger.text.Named;
import io.chanops.ledger.time.LocalTimes;
import io.chanops.replenish.policy.Policy;
import io.chanops.replenish.policy.PolicyFile;
import io.chanops.replenish.policy.PolicyRepository;
import io.chanops.replenish.policy.PolicyTuner;
import io.chanops.replenish.policy.SalesHistory;
import io.chanops.replenish.stock.StockRepository;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.stream.IntStream;

/**
 * {@code policy simulate} (SPEC §11): reads the ledger in bulk (the store positions with a policy, their on hand at
 * the start of {@code --from}, their sale units per day of the window, and for tuned candidates the sales history
 * before {@code --from}), builds the candidates, and runs the {@link Simulation}. Reads only: nothing is written.
 */
public record SimulationService(
        Ledger ledger,
        PolicyRepository policies,
        StockRepository stock,
        SiteRepository sites,
        ProductRepository products,
        PolicyFile files) {
    /** Name of the candidate made of the ledger's policies as they are now. */
    public static final String CURRENT = "current";

    /**
     * What to simulate. {@code policies}: a policies.csv file to read as a candidate (null: none), in
     * {@code charset}; {@code serviceLevels}: one tuned candidate each, learning from the {@code historyDays} days
     * before {@code from}; {@code displayMin} by product type as {@code policy tune} uses it.
     */
    public record Request(
            LocalDate from,
            LocalDate to,
            String site,
            String sku,
            Path policies,
            Charset charset,
            List<ServiceLevel> serviceLevels,
            int historyDays,
            int leadDays,
            LocalDate anchor,
            Map<ProductType, Long> displayMin,
            boolean byPosition) {
        public Request {
            if (from.isAfter(to)) {
                throw new IllegalArgumentException("--from " + from + " is after --to " + to);
            }
            if (historyDays < 1) {
                throw new IllegalArgumentException("--history-days must be >= 1");
            }
            if (leadDays < 0) {
                throw new IllegalArgumentException("--lead-days must be >= 0");
            }
            serviceLevels = List.copyOf(serviceLevels);
        }
    }

    /** The positions as recorded, with what tuning needs of each: product type and sales history (null: not read). */
    record Recorded(List<RecordedPosition> positions, List<ProductType> types, List<SalesHistory> histories) {}

    /** The service on {@code ledger}'s repositories. */
    public static SimulationService of(Ledger ledger) {
        return new SimulationService(
                ledger,
                ledger.repository(PolicyRepository.class),
                new StockRepository(ledger),
                ledger.repository(SiteRepository.class),
                ledger.repository(ProductRepository.class),
                PolicyFile.of(ledger));
    }

    /** Reads the ledger, builds the candidates and simulates; {@code warn} gets notes on the policies file. */
    public SimulationReport simulate(Request r, Consumer<String> warn, LongConsumer progress) {
        List<PolicyFile.Row> fileRows = r.policies() == null ? null : files.read(r.policies(), r.charset(), warn);
        Recorded recorded = ledger.read(h -> h.inTransaction(tx -> read(r, progress)));
        List<Candidate> candidates = new ArrayList<>();
        candidates.add(current(recorded.positions()));
        if (fileRows != null) {
            candidates.add(fromFile(candidateName(r.policies()), recorded.positions(), fileRows, r, warn));
        }
        candidates.addAll(tuned(recorded, r));
        Simulation.Window window = new Simulation.Window(r.from(), r.to(), r.anchor(), r.leadDays());
        SimulationReport report = Simulation.run(recorded.positions(), candidates, window, r.byPosition());
        Metrics current = report.candidates().get(0).total();
        if (current.positions() > 0 && current.demand() == 0) {
            warn.accept("no sales from " + r.from() + " to " + r.to() + " at the "
                    + Named.count(current.positions(), "position")
                    + " simulated: the simulation replays the ledger's own sales, so its figures say"
                    + " nothing (a year typed wrong, or the moves of that time not imported?)");
        }
        return report;
    }

    static Candidate current(List<RecordedPosition> positions) {
        return new Candidate(
                CURRENT, positions.stream().map(RecordedPosition::current).toList());
    }

    /**
     * The file's positions take its levels, the others keep current. Rows for positions inside the {@code --site}/
     * {@code --sku} filter that have no current policy are not simulated (a warning counts them).
     */
    static Candidate fromFile(
            String name,
            List<RecordedPosition> positions,
            List<PolicyFile.Row> rows,
            Request r,
            Consumer<String> warn) {
        Map<Position, Policy> byPosition = new HashMap<>();
        for (PolicyFile.Row row : rows) {
            byPosition.put(new Position(row.siteId(), row.sku()), row.policy());
        }
        List<Policy> policies = new ArrayList<>(positions.size());
        int used = 0;
        for (RecordedPosition p : positions) {
            Policy own = byPosition.get(p.position());
            used += own != null ? 1 : 0;
            policies.add(own != null ? own : p.current());
        }
        long outside = rows.stream()
                        .filter(row -> (r.site() == null || r.site().equals(row.siteId()))
                                && (r.sku() == null || r.sku().equals(row.sku())))
                        .count()
                - used;
        if (outside > 0) {
            warn.accept(outside + " position(s) of " + r.policies().getFileName()
                    + " have no current policy: not simulated");
        }
        return new Candidate(name, policies);
    }

    /**
     * One candidate per service level: levels tuned as {@code policy tune} tunes them (same window rule, same
     * formula, the position's current t), ignoring locks; a position without any in-stock day keeps its current levels,
     * as tuning leaves it.
     */
    static List<Candidate> tuned(Recorded recorded, Request r) {
        List<ServiceLevel> levels = r.serviceLevels();
        if (levels.isEmpty()) {
            return List.of();
        }
        List<RecordedPosition> positions = recorded.positions();
        Policy[][] policies = new Policy[levels.size()][positions.size()];
        IntStream.range(0, positions.size()).parallel().forEach(i -> {
            Policy current = positions.get(i).current();
            long displayMin = r.displayMin().getOrDefault(recorded.types().get(i), 0L);
            for (int k = 0; k < levels.size(); k++) {
                PolicyTuner.Tuned t = recorded.histories()
                        .get(i)
                        .tune(
                                current.t(),
                                new PolicyTuner.Settings(levels.get(k).value(), r.leadDays(), displayMin));
                policies[k][i] = t == null ? current : t.policy();
            }
        });
        List<Candidate> out = new ArrayList<>(levels.size());
        for (int k = 0; k < levels.size(); k++) {
            out.add(new Candidate(levels.get(k).candidateName(), Arrays.asList(policies[k])));
        }
        return out;
    }

    /** The file's base name without its extension; the whole file name where that would be empty or "current". */
    static String candidateName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        return base.equals(CURRENT) ? name : base;
    }

    /** The store positions with a policy, as recorded; inside a read of the ledger. */
    Recorded read(Request r, LongConsumer progress) {
        List<Position> keys = new ArrayList<>();
        Map<Position, Policy> current = new HashMap<>();
        Map<Position, ProductType> types = new HashMap<>();
        Set<String> stores = new HashSet<>();
        sites.list().stream().filter(Site::isStore).forEach(s -> stores.add(s.siteId()));
        Map<String, ProductType> productTypes = products.types();
        policies.forEachPolicy(r.site(), r.sku(), p -> {
            ProductType type = productTypes.get(p.sku());
            if (stores.contains(p.siteId()) && type != null) {
                Position pos = new Position(p.siteId(), p.sku());
                keys.add(pos);
                types.put(pos, type);
                current.put(pos, p.policy());
            }
        });
        keys.sort(null); // the same order on every backend, whatever its collation
        Map<Position, Integer> index = new HashMap<>(keys.size() * 2);
        for (int i = 0; i < keys.size(); i++) {
            index.put(keys.get(i), i);
        }
        long[] onHand = openingStock(r, index);
        int[][] saleDays = new int[keys.size()][];
        long[][] saleUnits = new long[keys.size()][];
        dailySales(r, index, saleDays, saleUnits);
        List<SalesHistory> histories = r.serviceLevels().isEmpty() ? null : histories(r, index, progress);
        List<RecordedPosition> positions = new ArrayList<>(keys.size());
        List<ProductType> typeList = new ArrayList<>(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            Position pos = keys.get(i);
            positions.add(new RecordedPosition(pos, current.get(pos), onHand[i], saleDays[i], saleUnits[i]));
            typeList.add(types.get(pos));
        }
        return new Recorded(positions, typeList, histories);
    }

    /**
     * On hand at the start of {@code from} per position, from all moves before it in one grouped scan: the last count
     * before {@code from} (by time, then move id) plus the signed quantities of the moves after it; without a count,
     * the signed quantities of all moves. The same fold as the ledger's on hand ({@link MoveKind#apply}).
     */
    private long[] openingStock(Request r, Map<Position, Integer> index) {
        long[] out = new long[index.size()];
        stock.forEachOpeningStock(r.from(), r.site(), r.sku(), (site, sku, qty) -> {
            Integer i = index.get(new Position(site, sku));
            if (i != null) {
                out[i] = qty;
            }
        });
        return out;
    }

    /**
     * Sale units per position and day of the window, grouped by the database. The grouped rows may come in any order
     * (PostgreSQL hashes its groups); they are gathered per position afterwards.
     */
    private void dailySales(Request r, Map<Position, Integer> index, int[][] saleDays, long[][] saleUnits) {
        long fromDay = r.from().toEpochDay();
        SaleRows rows = new SaleRows(index.size());
        String[] key = {null, null};
        int[] current = {-1}; // the position of the last row's (site, sku), -1 when it is not simulated
        stock.forEachDailySale(r.from(), r.to().plusDays(1), r.site(), r.sku(), (site, sku, day, units) -> {
            if (!site.equals(key[0]) || !sku.equals(key[1])) { // rows of a position mostly come together: one lookup
                key[0] = site;
                key[1] = sku;
                Integer i = index.get(new Position(site, sku));
                current[0] = i == null ? -1 : i;
            }
            if (current[0] >= 0) {
                // YYYY-MM-DD, read from its digits: once per row of a large result
                long epochDay = LocalDate.of(
                                LocalTimes.digits(day, 0, 4),
                                LocalTimes.digits(day, 5, 2),
                                LocalTimes.digits(day, 8, 2))
                        .toEpochDay();
                rows.add(current[0], (int) (epochDay - fromDay), units);
            }
        });
        rows.spread(saleDays, saleUnits);
    }

    /** Grouped sale rows as they come (position index, day index, units), spread per position at the end. */
    private static final class SaleRows {
        private int[] position = new int[4096];
        private int[] day = new int[4096];
        private long[] units = new long[4096];
        private int size;
        private final int[] perPosition;

        SaleRows(int positions) {
            perPosition = new int[positions];
        }

        void add(int p, int d, long u) {
            if (size == position.length) {
                position = Arrays.copyOf(position, size * 2);
                day = Arrays.copyOf(day, size * 2);
                units = Arrays.copyOf(units, size * 2);
            }
            position[size] = p;
            day[size] = d;
            units[size] = u;
            perPosition[p]++;
            size++;
        }

        /** Fills each position's own arrays (empty for a position without a sale in the window). */
        void spread(int[][] days, long[][] unitsOut) {
            for (int p = 0; p < perPosition.length; p++) {
                days[p] = new int[perPosition[p]];
                unitsOut[p] = new long[perPosition[p]];
            }
            int[] filled = new int[perPosition.length];
            for (int k = 0; k < size; k++) {
                int p = position[k];
                days[p][filled[p]] = day[k];
                unitsOut[p][filled[p]] = units[k];
                filled[p]++;
            }
        }
    }

    /** Each position's sales history over the {@code historyDays} days before {@code from}, as policy tune reads it. */
    private List<SalesHistory> histories(Request r, Map<Position, Integer> index, LongConsumer progress) {
        SalesHistory[] out = new SalesHistory[index.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = new SalesHistory(r.historyDays());
        }
        SalesHistory.read(
                stock,
                r.from().minusDays(r.historyDays()),
                r.from(),
                r.site(),
                r.sku(),
                (site, sku) -> {
                    Integer i = index.get(new Position(site, sku));
                    return i == null ? null : out[i];
                },
                progress);
        return Arrays.asList(out);
    }
}
