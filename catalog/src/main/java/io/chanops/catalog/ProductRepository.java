package io.chanops.catalog;

import io.chanops.ledger.model.Product;
import io.chanops.ledger.model.ProductType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.KeyColumn;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.config.ValueColumn;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The catalog's products: the one place that reads the {@code product} table, for every module (the catalog import
 * writes it in batches with {@link #UPSERT}). Attach it to a handle or take it on demand from the ledger.
 */
@RegisterRowMapper(ProductRepository.ProductMapper.class)
public interface ProductRepository {
    String COLUMNS = "sku, type, name, brand, price_fen, status, channels, monthly_fee_fen, months";

    @SqlQuery("SELECT " + COLUMNS + " FROM product ORDER BY sku")
    List<Product> list();

    @SqlQuery("SELECT " + COLUMNS + " FROM product WHERE sku = :sku")
    Optional<Product> find(@Bind("sku") String sku);

    @SqlQuery("SELECT sku, type FROM product")
    @KeyColumn("sku")
    @ValueColumn("type")
    Map<String, String> typeTexts();

    /** Every SKU with its type: what a per-position file is checked against. */
    default Map<String, ProductType> types() {
        Map<String, ProductType> types = new HashMap<>();
        typeTexts()
                .forEach((sku, type) -> types.put(sku, ProductType.parse(type).orElseThrow()));
        return types;
    }

    /**
     * Inserts or replaces a product (named parameters sku, type, name, brand, price, status, channels, fee, months,
     * batch): the one product write, batched by {@link CatalogImport}.
     */
    String UPSERT = "INSERT INTO product (" + COLUMNS + ", batch_id) VALUES (:sku, :type, :name, "
            + ":brand, :price, :status, :channels, :fee, :months, :batch) ON CONFLICT (sku) DO UPDATE SET type = excluded.type, "
            + "name = excluded.name, brand = excluded.brand, price_fen = excluded.price_fen, status = excluded.status, "
            + "channels = excluded.channels, monthly_fee_fen = excluded.monthly_fee_fen, months = excluded.months, "
            + "batch_id = excluded.batch_id";

    final class ProductMapper implements RowMapper<Product> {
        @Override
        public Product map(ResultSet rs, StatementContext ctx) throws SQLException {
            long fee = rs.getLong("monthly_fee_fen");
            Long feeValue = rs.wasNull() ? null : fee;
            int months = rs.getInt("months");
            Integer monthsValue = rs.wasNull() ? null : months;
            String channels = rs.getString("channels");
            return new Product(
                    rs.getString("sku"),
                    ProductType.parse(rs.getString("type")).orElseThrow(),
                    rs.getString("name"),
                    rs.getString("brand"),
                    rs.getLong("price_fen"),
                    rs.getString("status"),
                    channels == null || channels.isEmpty() ? List.of() : Arrays.asList(channels.split("\\|")),
                    feeValue,
                    monthsValue);
        }
    }
}
