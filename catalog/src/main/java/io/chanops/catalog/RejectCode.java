package io.chanops.catalog;

import java.util.Locale;

/**
 * Why a catalog row was rejected, as a stable machine-readable code (the {@code code} column of
 * {@code <file>.rejects.csv}), so a merchandiser's spreadsheet can filter and count rejections by kind.
 */
public enum RejectCode {
    /** A required cell (sku, type, name, price, status) is empty. */
    MISSING,
    BAD_SKU,
    BAD_TYPE,
    /** The price is not an amount in yuan. */
    BAD_PRICE,
    /** The price (or monthly fee) has more than two decimals. */
    PRICE_DECIMALS,
    /** The price is below 0, or 0 for a type that must have a price. */
    PRICE_NOT_POSITIVE,
    BAD_STATUS,
    BAD_CHANNEL,
    DUPLICATE_CHANNEL,
    /** A listed product with no channel could never be sold anywhere. */
    NO_CHANNEL,
    CONTRACT_FEE,
    CONTRACT_MONTHS,
    /** A monthly fee or months on a product that is not a contract. */
    NOT_A_CONTRACT,
    DUPLICATE_SKU,
    TOO_LONG,
    CONTROL_CHARACTER,
    /** A row with more or fewer fields than the header (an unquoted comma in a value, most often). */
    ROW_WIDTH,
    /** Text starting with the formula guard's own prefix ({@code '=} ...), which would not survive a round trip. */
    GUARD_PREFIX,
    /** A SKU with stock moves cannot become a type that is not stocked. */
    TYPE_CHANGE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return code();
    }
}
