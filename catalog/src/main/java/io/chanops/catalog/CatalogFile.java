package io.chanops.catalog;

import io.chanops.ledger.Problem;
import java.util.List;
import java.util.Set;

/**
 * A catalog file, read and validated: its valid rows, every rejection (sorted by line), how many data rows it had,
 * and every SKU it names, valid or not (so {@code --sync} never unlists a product whose row was only rejected).
 */
public record CatalogFile(
        String name, int rowsRead, List<ProductRow> valid, List<Rejection> rejections, Set<String> skus) {

    public boolean hasRejections() {
        return !rejections.isEmpty();
    }

    /** Lines (rows) with at least one rejection. */
    public long rejectedRows() {
        return rejections.stream().mapToLong(Rejection::line).distinct().count();
    }

    public List<Problem> problems() {
        return rejections.stream().map(r -> r.toProblem(name)).toList();
    }
}
