package io.chanops.replenish.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.ledger.Ledger;
import io.chanops.ledger.testing.TestLedgers;
import io.chanops.replenish.orders.OrderKind;
import io.chanops.replenish.policy.PolicyService;
import io.chanops.replenish.stock.MoveImport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code stock import --dry-run} lists the emergency alerts the import would raise: the emergency step decided on the
 * levels the dry run folds, reading only ({@link CheckService#previewAfterImport}), against the step the import runs
 * on the levels it wrote ({@link CheckService#afterImport}). Random files over a ledger that grows, before and after
 * the 11:00 cutoff, with regular orders open (escalated) and emergencies open (left alone); one ledger small enough
 * for the touched positions to be looked up one by one, one large enough for the policies to be scanned.
 */
class ImportAlertPreviewTest {
    @TempDir
    Path dir;

    @Test
    void aDryRunListsTheAlertsItsImportThenRaisesPositionByPosition() {
        assertPreviewsMatch(4, 10, 12, 60);
    }

    @Test
    void aDryRunListsTheAlertsItsImportThenRaisesOverAScanOfEveryPolicy() {
        // 60 stores x 100 SKUs: a file touching more than 5,000 positions scans the policies instead
        assertPreviewsMatch(60, 100, 2, 30_000);
    }

    private void assertPreviewsMatch(int stores, int skus, int rounds, int movesPerFile) {
        Ledger ledger = ledgerWith(stores, skus);
        Random random = new Random(stores * 31L + skus);
        int alerts = 0;
        int escalated = 0;
        LocalDateTime day = LocalDateTime.of(2026, 3, 2, 8, 0);
        for (int round = 0; round < rounds; round++) {
            LocalDateTime now = day.plusDays(round).plusHours(random.nextInt(6)); // 08:00-13:00: either side of 11:00
            Path file = movesFile(round, stores, skus, movesPerFile, now, random);
            MoveImport moves = new MoveImport(ledger, TestLedgers.at(now));
            CheckService checks = CheckService.of(ledger, TestLedgers.at(now));
            MoveImport.Validated<CheckReport> dry = moves.validate(
                    file,
                    StandardCharsets.UTF_8,
                    MoveImport.Booked.REFUSE,
                    false,
                    w -> {},
                    null,
                    (h, onHand) -> checks.previewAfterImport(onHand, CheckSettings.defaults()));
            MoveImport.Result<CheckReport> real = moves.importFile(
                    file,
                    StandardCharsets.UTF_8,
                    false,
                    w -> {},
                    null,
                    (h, touched) -> checks.afterImport(touched, CheckSettings.defaults()));
            assertThat(dry.after()).as("round %d", round).isEqualTo(real.after());
            assertThat(real.after().positions() > 5_000)
                    .as("round %d takes the path its test is named for", round)
                    .isEqualTo(stores * skus > 5_000);
            alerts += real.after().actions().size();
            escalated += real.after().count(Check.Action.ESCALATED, OrderKind.EMERGENCY);
            // a full check now and then opens regular orders, which later imports escalate
            checks.run(CheckSettings.defaults(), false);
        }
        assertThat(alerts).as("the files raise alerts").isPositive();
        if (stores < 50) {
            assertThat(escalated).as("and escalate open regular orders").isPositive();
        }
    }

    private Ledger ledgerWith(int stores, int skus) {
        Ledger ledger = TestLedgers.fresh(dir);
        List<String> sites = new ArrayList<>(List.of(
                "site_id,name,kind,city,warehouse,channel,lat,lon,opens,closes",
                "WH,Warehouse,warehouse,GZ,,,23.1,113.4,06:00,22:00"));
        for (int s = 1; s <= stores; s++) {
            sites.add("ST-" + s + ",Store " + s + ",store,GZ,WH,hall,23.2,113.3,09:00,21:00");
        }
        List<String> catalog = new ArrayList<>(List.of("sku,type,name,brand,price,status,channels,monthly_fee,months"));
        List<String> policies = new ArrayList<>(List.of("site_id,sku,t_days,R,S,L,locked"));
        for (int k = 1; k <= skus; k++) {
            catalog.add("P" + k + ",handset,Phone " + k + ",Brand,999.00,listed,hall,,");
            for (int s = 1; s <= stores; s++) {
                policies.add("ST-" + s + ",P" + k + ",7,6,12,3,false");
            }
        }
        ScenarioLedger.importMasterData(
                ledger,
                TestLedgers.write(dir, "sites.csv", sites.toArray(String[]::new)),
                TestLedgers.write(dir, "catalog.csv", catalog.toArray(String[]::new)),
                ScenarioLedger.SETUP);
        PolicyService.of(ledger, TestLedgers.at(ScenarioLedger.SETUP))
                .importFile(
                        TestLedgers.write(dir, "policies.csv", policies.toArray(String[]::new)),
                        StandardCharsets.UTF_8,
                        false,
                        w -> {});
        return ledger;
    }

    /** Receipts, sales and counts at random positions, in the hour before {@code now}. */
    private Path movesFile(int round, int stores, int skus, int count, LocalDateTime now, Random random) {
        List<String> lines = new ArrayList<>(List.of("at,site_id,sku,kind,qty,ref"));
        String[] kinds = {"receipt", "receipt", "sale", "sale", "sale", "count"};
        for (int i = 0; i < count; i++) {
            String kind = kinds[random.nextInt(kinds.length)];
            long qty = kind.equals("receipt") ? 1 + random.nextInt(10) : kind.equals("count") ? random.nextInt(8) : 1;
            lines.add(String.format(
                    "%s,ST-%d,P%d,%s,%d,R%d-%d",
                    now.minusMinutes(60 - i * 60L / count).toString().replace('T', ' '),
                    1 + random.nextInt(stores),
                    1 + random.nextInt(skus),
                    kind,
                    qty,
                    round,
                    i));
        }
        return TestLedgers.write(dir, "moves-" + round + ".csv", lines.toArray(String[]::new));
    }
}
