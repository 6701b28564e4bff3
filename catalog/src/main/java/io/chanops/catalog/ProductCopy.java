package io.chanops.catalog;

import io.chanops.ledger.CopyRows;
import io.chanops.ledger.model.Product;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * PostgreSQL's bulk write of products, behind {@link ProductRepository#upsert}: the products COPY'd into a temporary
 * table of the transaction, then one {@code INSERT ... SELECT ... ON CONFLICT} into {@code product}. A product costs
 * the server no statement of its own. Its differential test ({@code ProductCopyTest}) requires the rows the JDBC
 * batches write.
 */
final class ProductCopy {
    private ProductCopy() {}

    static void upsert(Connection c, List<Product> products, long batchId) {
        String columns = ProductRepository.COLUMNS;
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TEMPORARY TABLE product_imported (sku TEXT NOT NULL, type TEXT NOT NULL, "
                    + "name TEXT NOT NULL, brand TEXT, price_fen BIGINT NOT NULL, status TEXT NOT NULL, "
                    + "channels TEXT NOT NULL, monthly_fee_fen BIGINT, months INTEGER) ON COMMIT DROP");
            CopyRows copy =
                    new CopyRows(c, "COPY product_imported (" + columns + ") FROM STDIN (FORMAT text)", 1 << 20);
            for (Product p : products) {
                copy.text(p.sku())
                        .text(p.type().toString())
                        .text(p.name())
                        .text(p.brand())
                        .number(p.priceFen())
                        .text(p.status())
                        .text(p.channelsText());
                if (p.monthlyFeeFen() == null) {
                    copy.nul();
                } else {
                    copy.number(p.monthlyFeeFen());
                }
                if (p.months() == null) {
                    copy.nul();
                } else {
                    copy.number(p.months());
                }
                copy.endRow();
            }
            copy.flush();
            try (PreparedStatement upsert = c.prepareStatement("INSERT INTO product (" + columns + ", batch_id) "
                    + "SELECT " + columns + ", ? FROM product_imported " + ProductRepository.ON_CONFLICT)) {
                upsert.setLong(1, batchId);
                upsert.executeUpdate();
            }
            st.execute("DROP TABLE product_imported");
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
    }
}
