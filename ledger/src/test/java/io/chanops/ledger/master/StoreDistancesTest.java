package io.chanops.ledger.master;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.ledger.model.Channel;
import io.chanops.ledger.model.Site;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Stores placed far from their warehouse by an import (lat and lon typed wrong) are warned of; others are not. */
class StoreDistancesTest {
    private static final Site WH = site("WH", Site.Kind.WAREHOUSE, null, 23.10, 113.40);

    private static Site site(String id, Site.Kind kind, String warehouse, Double lat, Double lon) {
        return new Site(
                id,
                id,
                kind,
                "GZ",
                warehouse,
                kind == Site.Kind.STORE ? Channel.HALL : null,
                lat,
                lon,
                LocalTime.of(9, 0),
                LocalTime.of(21, 0));
    }

    private static Site store(String id, double lat, double lon) {
        return site(id, Site.Kind.STORE, "WH", lat, lon);
    }

    /** The ledger's sites: WH and three stores some 10-20 km from it. */
    private static Map<String, Site> cityLedger() {
        Map<String, Site> existing = new HashMap<>();
        for (Site s : List.of(WH, store("S1", 23.20, 113.30), store("S2", 23.13, 113.32), store("S3", 23.00, 113.45))) {
            existing.put(s.siteId(), s);
        }
        return existing;
    }

    private static List<String> warnings(List<Site> imported, Map<String, Site> existing) {
        Map<String, Long> lines = new HashMap<>();
        for (int i = 0; i < imported.size(); i++) {
            lines.put(imported.get(i).siteId(), i + 2L);
        }
        return StoreDistances.warnings("sites.csv", imported, lines, existing);
    }

    @Test
    void aStoreADigitAwayInLatitudeIsNamedWithTheMedianOfItsWarehousesOtherStores() {
        assertThat(warnings(List.of(store("S4", 32.13, 113.33), store("S5", 23.15, 113.35)), cityLedger()))
                .containsExactly("sites.csv:2: lat: S4 is 1004 km from its warehouse WH, whose other stores are 12 km"
                        + " away at the median: are its lat and lon right? (the delivery planner routes vans by them)");
    }

    /** Province-wide, stores hundreds of kilometres out are the rule: one as far as the others is not warned of. */
    @Test
    void aStoreAsFarAsItsWarehousesOtherStoresIsNotWarnedOf() {
        Map<String, Site> province = new HashMap<>(Map.of("WH", WH));
        for (Site s : List.of(store("P1", 25.1, 113.4), store("P2", 21.6, 110.4), store("P3", 24.3, 116.1))) {
            province.put(s.siteId(), s);
        }
        assertThat(warnings(List.of(store("P4", 21.9, 111.2)), province)).isEmpty();
    }

    /** With fewer than three other stores to compare with, only a store more than 500 km away is warned of. */
    @Test
    void withFewOtherStoresOnlyAStoreBeyondADaysDriveIsWarnedOf() {
        Map<String, Site> small = new HashMap<>(Map.of("WH", WH, "S1", store("S1", 23.20, 113.30)));
        assertThat(warnings(List.of(store("S2", 25.10, 113.40)), small)).isEmpty(); // 222 km
        assertThat(warnings(List.of(store("S2", 31.10, 113.40)), small))
                .singleElement()
                .asString()
                .startsWith("sites.csv:2: lat: S2 is 890 km from its warehouse WH: are its lat and lon right?");
    }

    /**
     * A warehouse moved far from its stores (its own lat typed wrong) is warned of once, on its line; its stores are not
     * warned of one by one.
     */
    @Test
    void aWarehouseMovedFarFromItsStoresIsWarnedOf() {
        assertThat(warnings(List.of(site("WH", Site.Kind.WAREHOUSE, null, 32.10, 113.40)), cityLedger()))
                .containsExactly("sites.csv:2: lat: WH: its stores are 997 km away at the median, 12 km from where"
                        + " the ledger had it: are its lat and lon right? (the delivery planner routes vans by them)");
        assertThat(warnings(List.of(site("WH", Site.Kind.WAREHOUSE, null, 23.20, 113.40)), cityLedger()))
                .as("moved within the city")
                .isEmpty();
        List<Site> newNetwork = List.of(
                site("WH2", Site.Kind.WAREHOUSE, null, 40.0, 113.3),
                site("N1", Site.Kind.STORE, "WH2", 23.1, 113.3),
                site("N2", Site.Kind.STORE, "WH2", 23.2, 113.3));
        assertThat(warnings(newNetwork, Map.of()))
                .singleElement()
                .asString()
                .startsWith("sites.csv:2: lat: WH2: its stores are 1879 km away at the median: are its lat and lon"
                        + " right?");
    }

    /** A store imported before at the same place for the same warehouse is not warned of again; one moved is. */
    @Test
    void onlyStoresPlacedAnewAreChecked() {
        Map<String, Site> existing = cityLedger();
        Site remote = store("S9", 32.13, 113.33);
        existing.put("S9", remote);
        assertThat(warnings(List.of(remote), existing)).isEmpty();
        assertThat(warnings(List.of(store("S1", 32.20, 113.30)), existing))
                .singleElement()
                .asString()
                .contains("S1 is 1012 km from its warehouse WH")
                .contains(": lat: ");
        assertThat(warnings(List.of(store("S1", 23.20, 123.30)), existing))
                .as("only its lon changed: the warning names that column")
                .singleElement()
                .asString()
                .contains(": lon: S1 is ");
        List<Site> withoutPlace = new ArrayList<>(List.of(site("S8", Site.Kind.STORE, "WH", null, null)));
        withoutPlace.add(site("S7", Site.Kind.STORE, null, 40.0, 116.0));
        assertThat(warnings(withoutPlace, existing)).isEmpty();
    }
}
