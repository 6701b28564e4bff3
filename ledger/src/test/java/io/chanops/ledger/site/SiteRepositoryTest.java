package io.chanops.ledger.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chanops.ledger.Ledger;
import io.chanops.ledger.imports.ImportBatches;
import io.chanops.ledger.model.Channel;
import io.chanops.ledger.model.Site;
import io.chanops.ledger.testing.TestLedgers;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteRepositoryTest {
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 3, 2, 9, 0);
    private static final Site WAREHOUSE = new Site(
            "WH",
            "Warehouse",
            Site.Kind.WAREHOUSE,
            "GZ",
            null,
            null,
            23.1,
            113.4,
            LocalTime.of(6, 0),
            LocalTime.of(22, 0));
    private static final Site STORE =
            new Site("ST-1", "Store 1", Site.Kind.STORE, "GZ", "WH", Channel.E_CHANNEL, null, null, null, null);

    @TempDir
    Path dir;

    @Test
    void aSiteReadsBackAsItWasWritten() {
        Ledger ledger = TestLedgers.fresh(dir);
        SiteRepository sites = ledger.repository(SiteRepository.class);
        ledger.write(h -> {
            long batch = ImportBatches.record(h, "sites", Path.of("sites.csv"), "x", 2, 2, NOW, "tester", false);
            sites.upsert(WAREHOUSE, batch);
            sites.upsert(STORE, batch);
            return null;
        });
        List<Site> all = ledger.read(h -> sites.list());
        assertThat(all).containsExactly(WAREHOUSE, STORE);
        assertThat(sites.find("ST-1")).contains(STORE);
        assertThat(sites.find("nope")).isEmpty();
        assertThat(sites.ids()).containsExactlyInAnyOrder("WH", "ST-1");
        assertThat(sites.byId().keySet()).containsExactly("WH", "ST-1");
    }

    @Test
    void onDemandCallsJoinTheTransactionTheyAreMadeIn() {
        Ledger ledger = TestLedgers.fresh(dir);
        SiteRepository sites = ledger.repository(SiteRepository.class);
        assertThatThrownBy(() -> ledger.write(h -> {
                    long batch =
                            ImportBatches.record(h, "sites", Path.of("sites.csv"), "x", 1, 1, NOW, "tester", false);
                    sites.upsert(WAREHOUSE, batch);
                    // the same transaction sees its own write through the repository
                    assertThat(sites.ids()).containsExactly("WH");
                    throw new IllegalStateException("roll back");
                }))
                .hasMessage("roll back");
        Set<String> after = ledger.read(h -> sites.ids());
        assertThat(after).isEmpty();
    }
}
