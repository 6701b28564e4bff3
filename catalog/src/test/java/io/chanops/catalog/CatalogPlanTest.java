package io.chanops.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.ledger.model.Product;
import io.chanops.ledger.model.ProductType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CatalogPlanTest {
    private static Product handset(String sku, long priceFen, String status) {
        return new Product(
                sku, ProductType.HANDSET, "Phone " + sku, "Acme", priceFen, status, List.of("web"), null, null);
    }

    private static Map<String, Product> ledger(Product... products) {
        Map<String, Product> m = new LinkedHashMap<>();
        for (Product p : products) {
            m.put(p.sku(), p);
        }
        return m;
    }

    private static CatalogFile file(List<Product> valid, Set<String> alsoNamed) {
        List<ProductRow> rows = new ArrayList<>();
        Set<String> skus = new HashSet<>(alsoNamed);
        for (int i = 0; i < valid.size(); i++) {
            rows.add(new ProductRow(i + 2, valid.get(i)));
            skus.add(valid.get(i).sku());
        }
        return new CatalogFile("c.csv", rows.size(), rows, List.of(), skus);
    }

    @Test
    void newSkuIsCreatedSameRowIsUnchangedDifferentRowIsUpdatedFieldByField() {
        Map<String, Product> existing = ledger(handset("A", 100, "listed"), handset("B", 200, "listed"));
        CatalogPlan plan = CatalogPlan.of(
                existing,
                file(
                        List.of(
                                handset("A", 100, "listed"),
                                handset("B", 250, "unlisted"),
                                handset("C", 300, "listed")),
                        Set.of()),
                false,
                sku -> false);
        assertThat(plan.unchanged()).isEqualTo(1);
        assertThat(plan.created()).isEqualTo(1);
        assertThat(plan.updated()).isEqualTo(1);
        CatalogChange update = plan.changes().stream()
                .filter(c -> c.sku().equals("B"))
                .findFirst()
                .orElseThrow();
        assertThat(update.fields())
                .containsExactly(
                        new FieldChange("price", "2.00", "2.50"), new FieldChange("status", "listed", "unlisted"));
        assertThat(update.line()).isEqualTo(3);
    }

    @Test
    void createdRecordsEveryNonEmptyField() {
        CatalogPlan plan =
                CatalogPlan.of(ledger(), file(List.of(handset("A", 100, "listed")), Set.of()), false, sku -> false);
        assertThat(plan.changes().get(0).fields())
                .extracting(FieldChange::field)
                .containsExactly("type", "name", "brand", "price", "status", "channels");
    }

    @Test
    void syncUnlistsOnlyListedProductsTheFileDoesNotName() {
        Map<String, Product> existing = ledger(
                handset("A", 100, "listed"),
                handset("B", 100, "listed"),
                handset("D", 100, "draft"),
                handset("U", 100, "unlisted"),
                handset("R", 100, "listed"));
        // R is named by a rejected row: it must stay listed.
        CatalogPlan plan =
                CatalogPlan.of(existing, file(List.of(handset("A", 100, "listed")), Set.of("R")), true, sku -> false);
        assertThat(plan.unlisted()).isEqualTo(1);
        CatalogChange c = plan.changes().get(0);
        assertThat(c.sku()).isEqualTo("B");
        assertThat(c.after().status()).isEqualTo("unlisted");
        assertThat(c.fields()).containsExactly(new FieldChange("status", "listed", "unlisted"));
    }

    @Test
    void withoutSyncMissingProductsAreLeftAlone() {
        CatalogPlan plan =
                CatalogPlan.of(ledger(handset("B", 100, "listed")), file(List.of(), Set.of()), false, sku -> false);
        assertThat(plan.changes()).isEmpty();
    }

    @Test
    void aStockedSkuWithMovesCannotBecomeAPlanOrContract() {
        Product plan = new Product("A", ProductType.PLAN, "Plan A", null, 0, "listed", List.of("web"), null, null);
        CatalogPlan withMoves =
                CatalogPlan.of(ledger(handset("A", 100, "listed")), file(List.of(plan), Set.of()), false, sku -> true);
        assertThat(withMoves.changes()).isEmpty();
        assertThat(withMoves.rejections()).extracting(Rejection::code).containsExactly(RejectCode.TYPE_CHANGE);
        CatalogPlan noMoves =
                CatalogPlan.of(ledger(handset("A", 100, "listed")), file(List.of(plan), Set.of()), false, sku -> false);
        assertThat(noMoves.updated()).isEqualTo(1);
        assertThat(noMoves.rejections()).isEmpty();
    }
}
