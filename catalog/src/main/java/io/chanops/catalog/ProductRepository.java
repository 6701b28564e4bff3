package io.chanops.catalog;

import io.chanops.ledger.CopyRows;
import io.chanops.ledger.imports.StatementBatches;
import io.chanops.ledger.master.KnownIds;
import io.chanops.ledger.model.Product;
import io.chanops.ledger.model.ProductType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.config.KeyColumn;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.config.ValueColumn;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The catalog's products: the one place that reads and writes the {@code product} table, for every module. Attach it
 * to a handle or take it on demand from the ledger.
 */
@RegisterRowMapper(ProductRepository.ProductMapper.class)
public interface ProductRepository extends SqlObject {
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

    /** The SKUs, to name the one an unknown SKU most likely meant. */
    default KnownIds known() {
        return new KnownIds(typeTexts().keySet());
    }

    /** Rows per JDBC batch of the upsert. */
    int BATCH = 2_000;

    /** What a written product replaces when its SKU is already in the catalog: every column. */
    String ON_CONFLICT = "ON CONFLICT (sku) DO UPDATE SET type = excluded.type, name = excluded.name, "
            + "brand = excluded.brand, price_fen = excluded.price_fen, status = excluded.status, "
            + "channels = excluded.channels, monthly_fee_fen = excluded.monthly_fee_fen, months = excluded.months, "
            + "batch_id = excluded.batch_id";

    /**
     * Inserts or replaces {@code products} as written by import batch {@code batchId}: by COPY on PostgreSQL from
     * {@link CopyRows#FROM_ROWS} products, else in JDBC batches.
     */
    default void upsert(List<Product> products, long batchId) {
        upsert(products, batchId, CopyRows.pays(getHandle(), products.size()));
    }

    /**
     * {@code copy}: PostgreSQL's path, the products COPY'd into a temporary table of the transaction and upserted from
     * it in one statement; else JDBC batches of the upsert (any database). The differential test calls both.
     */
    default void upsert(List<Product> products, long batchId, boolean copy) {
        if (copy) {
            ProductCopy.upsert(getHandle().getConnection(), products, batchId);
            return;
        }
        StatementBatches.execute(
                getHandle().getConnection(),
                "INSERT INTO product (" + COLUMNS + ", batch_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) " + ON_CONFLICT,
                BATCH,
                products,
                (ps, p) -> {
                    ps.setString(1, p.sku());
                    ps.setString(2, p.type().toString());
                    ps.setString(3, p.name());
                    ps.setString(4, p.brand());
                    ps.setLong(5, p.priceFen());
                    ps.setString(6, p.status());
                    ps.setString(7, p.channelsText());
                    ps.setObject(8, p.monthlyFeeFen(), Types.BIGINT);
                    ps.setObject(9, p.months(), Types.INTEGER);
                    ps.setLong(10, batchId);
                });
    }

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
