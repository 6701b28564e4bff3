package io.chanops.ledger.master;

import static org.assertj.core.api.Assertions.assertThat;

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
}
