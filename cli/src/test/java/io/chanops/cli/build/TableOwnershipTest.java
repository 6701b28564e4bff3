package io.chanops.cli.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A build check: a table is read and written only by its repository (and that repository's private fast paths and
 * {@code .sql} resources), never by a service, a command or another module. Migrations are left out: they own the
 * schema.
 */
class TableOwnershipTest {
    private static final String REPLENISH = "replenish/src/main/java/io/chanops/replenish/";
    private static final String REPLENISH_SQL = "replenish/src/main/resources/io/chanops/replenish/";

    private static final String RECONCILE = "reconcile/src/main/java/io/chanops/reconcile/";
    private static final String CONFIRMED_SQL =
            "reconcile/src/main/resources/io/chanops/reconcile/confirmed/ConfirmedOrderRepository/";
    private static final String FINANCE = "finance/src/main/java/io/chanops/finance/";
    private static final Set<String> CONFIRMED_ORDERS = Set.of(
            RECONCILE + "confirmed/ConfirmedOrderRepository.java",
            RECONCILE + "confirmed/ConfirmedOrderWriter.java",
            CONFIRMED_SQL);

    /** Each table and the files (paths from the repository root) that may name it in SQL. */
    private static final Map<String, Set<String>> OWNERS = Map.ofEntries(
            Map.entry("site", Set.of("ledger/src/main/java/io/chanops/ledger/site/SiteRepository.java")),
            Map.entry(
                    "product",
                    Set.of(
                            "catalog/src/main/java/io/chanops/catalog/ProductRepository.java",
                            // the repository's COPY path on PostgreSQL (its upsert's fast path)
                            "catalog/src/main/java/io/chanops/catalog/ProductCopy.java")),
            Map.entry(
                    "replenishment_order",
                    Set.of(REPLENISH + "orders/OrderRepository.java", REPLENISH_SQL + "orders/OrderRepository/")),
            Map.entry(
                    "policy",
                    Set.of(REPLENISH + "policy/PolicyRepository.java", REPLENISH_SQL + "policy/PolicyRepository/")),
            Map.entry("review_mark", Set.of(REPLENISH + "policy/PolicyRepository.java")),
            Map.entry("check_run", Set.of(REPLENISH + "orders/OrderRepository.java")),
            Map.entry(
                    "stock_move",
                    Set.of(
                            REPLENISH + "stock/StockRepository.java",
                            REPLENISH_SQL + "stock/StockRepository/",
                            REPLENISH + "stock/StockLevels.java",
                            REPLENISH + "stock/MoveInsert.java",
                            // the stock aggregate's bulk lookup of documents already booked (the import's fast path)
                            REPLENISH + "stock/BookedDocuments.java",
                            // and of moves without a ref already held (a feed exported again), by the same key
                            REPLENISH + "stock/RepeatedFeed.java",
                            // ledger check's sums of each order's receipts, by the same key: read only
                            REPLENISH_SQL + "orders/OrderRepository/")),
            Map.entry(
                    "stock_level",
                    Set.of(
                            REPLENISH + "stock/StockRepository.java",
                            REPLENISH + "stock/StockLevels.java",
                            // the check's, tuning's and stock show's scans join each policy's on hand, read only
                            REPLENISH_SQL + "policy/PolicyRepository/")),
            // a run and its findings are written by the run and read back by its history
            Map.entry(
                    "reconcile_run",
                    Set.of(
                            RECONCILE + "run/ReconcileService.java",
                            RECONCILE + "run/RunHistory.java",
                            // reversals are found from the runs that saw them: read only
                            CONFIRMED_SQL)),
            Map.entry(
                    "reconcile_item",
                    Set.of(RECONCILE + "run/ReconcileService.java", RECONCILE + "run/RunHistory.java")),
            Map.entry("confirmed_order", CONFIRMED_ORDERS),
            Map.entry("confirmed_sale", CONFIRMED_ORDERS),
            Map.entry("confirmed_sale_count", CONFIRMED_ORDERS),
            Map.entry("boss_activity", Set.of(RECONCILE + "run/BossActivityRepository.java")),
            Map.entry("commission_rule_set", Set.of(FINANCE + "RuleSetRepository.java")),
            Map.entry("commission_rule", Set.of(FINANCE + "RuleSetRepository.java")),
            Map.entry("commission_clawback", Set.of(FINANCE + "CommissionService.java")));

    private static final Pattern TABLE =
            Pattern.compile("\\b(?:FROM|JOIN|INTO|UPDATE)\\s+(\\w+)\\b", Pattern.CASE_INSENSITIVE);

    @Test
    void onlyItsRepositoryNamesATableInSql() throws IOException {
        Path root = RepositoryModules.root();
        List<Path> mainSources = RepositoryModules.folders("src/main");
        assertThat(mainSources).as("main source folders under " + root).hasSizeGreaterThan(3);
        List<String> trespasses = new ArrayList<>();
        for (Path dir : mainSources) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.filter(TableOwnershipTest::isSource).toList()) {
                    String path = root.relativize(file).toString().replace('\\', '/');
                    if (isMigration(path)) {
                        continue;
                    }
                    Matcher m = TABLE.matcher(read(file));
                    while (m.find()) {
                        String table = m.group(1).toLowerCase(Locale.ROOT);
                        Set<String> owners = OWNERS.get(table);
                        if (owners != null && owners.stream().noneMatch(path::startsWith)) {
                            trespasses.add(path + ": " + m.group());
                        }
                    }
                }
            }
        }
        assertThat(trespasses)
                .as("SQL on a table outside its repository (ask the repository instead)")
                .isEmpty();
    }

    private static boolean isSource(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".java") || name.endsWith(".sql");
    }

    private static boolean isMigration(String path) {
        return path.contains("/db/migration/") || path.contains("/db/sqlite/") || path.contains("/db/postgresql/");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
