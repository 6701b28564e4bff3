package io.chanops.catalog;

/** One field of a product that changed, with both values as catalog.csv writes them ("" for empty). */
public record FieldChange(String field, String oldValue, String newValue) {

    @Override
    public String toString() {
        return field + ": " + show(oldValue) + " -> " + show(newValue);
    }

    private static String show(String v) {
        return v == null || v.isEmpty() ? "(empty)" : v;
    }
}
