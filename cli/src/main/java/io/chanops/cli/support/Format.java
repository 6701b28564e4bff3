package io.chanops.cli.support;

/** Output formats of listing commands. */
public enum Format {
    TABLE, CSV, JSON;

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
