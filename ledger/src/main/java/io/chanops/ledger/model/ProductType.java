package io.chanops.ledger.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a SKU is. Handsets, accessories and SIMs are stocked; plans and contracts are not. */
public enum ProductType {
    HANDSET,
    ACCESSORY,
    SIM,
    PLAN,
    CONTRACT;

    public boolean isStocked() {
        return this == HANDSET || this == ACCESSORY || this == SIM;
    }

    /** {@code "a handset"}, {@code "an accessory"}: the type as a message names one product of it. */
    public String withArticle() {
        return ("aeiou".indexOf(toString().charAt(0)) >= 0 ? "an " : "a ") + this;
    }

    /** Why a position of {@code sku}, of this type, has no stock, moves or policy: the type is not stocked. */
    public String notStocked(String sku) {
        return "'" + sku + "' is " + withArticle() + ", which is not stocked";
    }

    public static Optional<ProductType> parse(String text) {
        return Arrays.stream(values())
                .filter(t -> t.toString().equals(text.strip().toLowerCase(Locale.ROOT)))
                .findFirst();
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
