package io.chanops.ledger.model;

import java.util.List;

/** A catalog entry. Money in fen; {@code monthlyFeeFen} and {@code months} only for contracts. */
public record Product(
        String sku,
        ProductType type,
        String name,
        String brand,
        long priceFen,
        String status,
        List<String> channels,
        Long monthlyFeeFen,
        Integer months) {

    public String channelsText() {
        return String.join("|", channels);
    }
}
