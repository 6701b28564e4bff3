package io.chanops.ledger.master;

import io.chanops.ledger.Problem;
import io.chanops.ledger.model.Site;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Stores a site import places far from their warehouse: a digit typed wrong in {@code lat} or {@code lon} moves a store
 * hundreds of kilometres (23.13 typed 32.13 is a thousand), and the delivery planner then finds no van that reaches it
 * in a shift and says so only as a missed opening time or shift end. A store is far when it is more than
 * {@value #FAR_KM} km from its warehouse and more than {@value #TIMES} times as far as the warehouse's other stores are
 * at the median (a province-wide network, its stores hundreds of kilometres out, is not warned of); with fewer than
 * {@value #FEWEST_OTHERS} other stores to compare with, when it is more than {@value #LONE_KM} km away. Only stores
 * whose coordinates or warehouse the import sets anew are checked: a remote store imported before is not warned of
 * again.
 */
final class StoreDistances {
    /** Nearer than this, a store is never far: a city's or a district's stores. */
    static final double FAR_KM = 150;
    /** How many times the median distance of the warehouse's other stores makes a store far. */
    static final int TIMES = 5;
    /** The fewest other stores with coordinates for their median to count. */
    static final int FEWEST_OTHERS = 3;
    /** Farther than this, a store with too few others to compare with is far: more than a van drives in a day. */
    static final double LONE_KM = 500;

    private StoreDistances() {}

    /**
     * The warnings of the stores of {@code imported} (their lines in {@code lines}) that are far from their warehouse,
     * the ledger's {@code existing} sites overlaid by the file's.
     */
    static List<String> warnings(
            String file, Collection<Site> imported, Map<String, Long> lines, Map<String, Site> existing) {
        Map<String, Site> after = new HashMap<>(existing);
        imported.forEach(s -> after.put(s.siteId(), s));
        Map<String, List<Site>> storesOf = new HashMap<>();
        for (Site s : after.values()) {
            if (s.isStore() && s.warehouse() != null && s.hasCoordinates()) {
                storesOf.computeIfAbsent(s.warehouse(), w -> new ArrayList<>()).add(s);
            }
        }
        List<String> warnings = new ArrayList<>();
        Set<String> misplaced = new HashSet<>(); // warehouses warned of: their stores are not, one by one
        for (Site warehouse : imported) {
            if (!warehouse.isStore() && warehouse.hasCoordinates()) {
                movedAway(
                                warehouse,
                                existing.get(warehouse.siteId()),
                                storesOf.getOrDefault(warehouse.siteId(), List.of()))
                        .ifPresent(why -> {
                            misplaced.add(warehouse.siteId());
                            warnings.add(new Problem(
                                            file,
                                            lines.getOrDefault(warehouse.siteId(), 0L),
                                            changedCoordinate(warehouse, existing.get(warehouse.siteId())),
                                            why)
                                    .toString());
                        });
            }
        }
        for (Site store : imported) {
            Site warehouse = store.warehouse() == null ? null : after.get(store.warehouse());
            if (!store.isStore()
                    || !store.hasCoordinates()
                    || warehouse == null
                    || !warehouse.hasCoordinates()
                    || misplaced.contains(warehouse.siteId())
                    || placedBefore(store, existing.get(store.siteId()))) {
                continue;
            }
            double km = store.kmTo(warehouse);
            if (km <= FAR_KM) {
                continue;
            }
            List<Site> others = storesOf.getOrDefault(warehouse.siteId(), List.of()).stream()
                    .filter(s -> !s.siteId().equals(store.siteId()))
                    .toList();
            String compared;
            if (others.size() >= FEWEST_OTHERS) {
                double median = medianKm(others, warehouse);
                if (km <= TIMES * median) {
                    continue;
                }
                compared = ", whose other stores are " + Math.round(median) + " km away at the median";
            } else if (km > LONE_KM) {
                compared = "";
            } else {
                continue;
            }
            warnings.add(new Problem(
                            file,
                            lines.getOrDefault(store.siteId(), 0L),
                            changedCoordinate(store, existing.get(store.siteId())),
                            store.siteId() + " is " + Math.round(km) + " km from its warehouse " + warehouse.siteId()
                                    + compared + ": are its lat and lon right? (the delivery planner routes vans by"
                                    + " them)")
                    .toString());
        }
        return warnings;
    }

    /** The column a warning of {@code site}'s place names: lon when only it changed, else lat. */
    private static String changedCoordinate(Site site, Site before) {
        return before != null && Objects.equals(before.lat(), site.lat()) && !Objects.equals(before.lon(), site.lon())
                ? "lon"
                : "lat";
    }

    /**
     * Why a warehouse the import places anew looks misplaced: its stores are more than {@value #FAR_KM} km away at the
     * median and more than {@value #TIMES} times as far as they were from where the ledger had it, or, for a warehouse
     * new to the ledger, more than {@value #LONE_KM} km away at the median. Its stores would then not be warned of one
     * by one: each is as far as the others.
     */
    private static Optional<String> movedAway(Site warehouse, Site before, List<Site> stores) {
        if (stores.isEmpty() || (before != null && samePlace(warehouse, before))) {
            return Optional.empty();
        }
        double median = medianKm(stores, warehouse);
        if (median <= FAR_KM) {
            return Optional.empty();
        }
        String was;
        if (before != null && before.hasCoordinates()) {
            double beforeMedian = medianKm(stores, before);
            if (median <= TIMES * beforeMedian) {
                return Optional.empty();
            }
            was = ", " + Math.round(beforeMedian) + " km from where the ledger had it";
        } else if (median > LONE_KM) {
            was = "";
        } else {
            return Optional.empty();
        }
        return Optional.of(warehouse.siteId() + ": its stores are " + Math.round(median) + " km away at the median"
                + was + ": are its lat and lon right? (the delivery planner routes vans by them)");
    }

    private static double medianKm(List<Site> stores, Site from) {
        double[] km = stores.stream().mapToDouble(s -> s.kmTo(from)).sorted().toArray();
        return km[km.length / 2];
    }

    private static boolean samePlace(Site a, Site b) {
        return Objects.equals(a.lat(), b.lat()) && Objects.equals(a.lon(), b.lon());
    }

    /**
     * Whether {@code before}, the store as the ledger has it, already stood at the same place for the same warehouse.
     */
    private static boolean placedBefore(Site store, Site before) {
        return before != null
                && Objects.equals(before.lat(), store.lat())
                && Objects.equals(before.lon(), store.lon())
                && Objects.equals(before.warehouse(), store.warehouse());
    }
}
