package io.chanops.cli.support;

/** Output formats of listing commands; xlsx only to a file ({@code --out}). */
public enum Format {
    TABLE,
    CSV,
    JSON,
    XLSX;

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
