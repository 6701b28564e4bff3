package io.chanops.ledger.master;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.ledger.model.Channel;
import io.chanops.ledger.model.Site;
import io.chanops.ledger.testing.TestLedgers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteImportTest {
    @TempDir
    Path dir;

    @Test
    void anUnknownWarehouseIsNamedWithTheWarehouseMostLikelyMeant() {
        Path f = TestLedgers.write(
                dir,
                "sites.csv",
                "site_id,name,kind,city,warehouse,channel,lat,lon,opens,closes",
                "GZ-WH,Warehouse,warehouse,GZ,,,23.1,113.4,06:00,22:00",
                "GZ-ST-01,Store 1,store,GZ,gz-wh,hall,23.2,113.3,09:00,21:00",
                "GZ-ST-02,Store 2,store,GZ,NOPE-99,hall,23.2,113.3,09:00,21:00",
                "GZ-ST-03,Store 3,store,GZ,GZ-ST-01,hall,23.2,113.3,09:00,21:00");
        assertThat(TestLedgers.rejection(() -> SiteImport.read(f, StandardCharsets.UTF_8, Map.of(), w -> {})))
                .containsExactly(
                        f + ":3: warehouse: unknown warehouse 'gz-wh' (did you mean 'GZ-WH'?)",
                        f + ":4: warehouse: unknown warehouse 'NOPE-99' (not in this file or the ledger)",
                        f + ":5: warehouse: 'GZ-ST-01' is a store, not a warehouse");
    }

    /** A kind or a channel a slip away from one of its words is named; a word far from all of them is not. */
    @Test
    void aMistypedKindOrChannelNamesTheWordMeant() {
        Path f = TestLedgers.write(
                dir,
                "sites.csv",
                "site_id,name,kind,city,warehouse,channel,lat,lon,opens,closes",
                "GZ-WH,Warehouse,warehous,GZ,,,23.1,113.4,06:00,22:00",
                "GZ-ST-01,Store 1,store,GZ,GZ-WH,echannel,23.2,113.3,09:00,21:00",
                "GZ-ST-02,Store 2,shop,GZ,GZ-WH,hall,23.2,113.3,09:00,21:00");
        assertThat(TestLedgers.rejection(() -> SiteImport.read(f, StandardCharsets.UTF_8, Map.of(), w -> {})))
                .contains(
                        f + ":2: kind: 'warehous' is not store or warehouse (did you mean 'warehouse'?)",
                        f + ":3: channel: 'echannel' is not hall, partner, e-channel or self-service (did you mean"
                                + " 'e-channel'?)",
                        f + ":4: kind: 'shop' is not store or warehouse");
    }

    @Test
    void aWarehouseThatSuppliesStoresTheFileLeavesAloneCannotBecomeAStore() {
        Map<String, Site> existing = Map.of(
                "WH", new Site("WH", "Warehouse", Site.Kind.WAREHOUSE, "GZ", null, null, null, null, null, null),
                "ST-1", new Site("ST-1", "Store", Site.Kind.STORE, "GZ", "WH", Channel.HALL, null, null, null, null));
        Path f = TestLedgers.write(
                dir,
                "sites.csv",
                "site_id,name,kind,city,warehouse,channel,lat,lon,opens,closes",
                "WH2,Warehouse 2,warehouse,GZ,,,,,,",
                "WH,Now a store,store,GZ,WH2,hall,,,,");
        assertThat(TestLedgers.rejection(() -> SiteImport.read(f, StandardCharsets.UTF_8, existing, w -> {})))
                .containsExactly(f + ":3: kind: 'WH' is the warehouse of 1 store (ST-1); it cannot become a store until"
                        + " they are given another warehouse");
        Path both = TestLedgers.write(
                dir,
                "both.csv",
                "site_id,name,kind,city,warehouse,channel,lat,lon,opens,closes",
                "WH2,Warehouse 2,warehouse,GZ,,,,,,",
                "WH,Now a store,store,GZ,WH2,hall,,,,",
                "ST-1,Store,store,GZ,WH2,hall,,,,");
        assertThat(SiteImport.read(both, StandardCharsets.UTF_8, existing, w -> {}))
                .hasSize(3);
    }
}
