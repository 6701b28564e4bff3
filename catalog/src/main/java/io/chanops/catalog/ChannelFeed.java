package io.chanops.catalog;

import io.chanops.ledger.model.Product;
import io.chanops.ledger.money.Fen;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The store-front feed of one channel: the products that are {@code listed} and carry that channel, in SKU order.
 * Columns: {@code sku,name,brand,type,price,monthly_fee,months} (what a product page needs: the product, its price,
 * and for contracts the monthly fee and term; status and channels are implied by being in the feed). Amounts are yuan
 * numbers; text goes through the CSV formula guard when written.
 */
public final class ChannelFeed {
    public static final List<String> COLUMNS =
            List.of("sku", "name", "brand", "type", "price", "monthly_fee", "months");

    private ChannelFeed() {}

    public static List<Product> products(List<Product> catalog, String channel) {
        return catalog.stream()
                .filter(p -> "listed".equals(p.status()) && p.channels().contains(channel))
                .toList();
    }

    /** The feed's rows, cells typed (numbers stay numbers) for a CSV writer. */
    public static List<List<Object>> rows(List<Product> catalog, String channel) {
        List<List<Object>> rows = new ArrayList<>();
        for (Product p : products(catalog, channel)) {
            rows.add(Arrays.asList(
                    p.sku(),
                    p.name(),
                    p.brand(),
                    p.type().toString(),
                    Fen.toYuan(p.priceFen()),
                    p.monthlyFeeFen() == null ? null : Fen.toYuan(p.monthlyFeeFen()),
                    p.months()));
        }
        return rows;
    }
}
