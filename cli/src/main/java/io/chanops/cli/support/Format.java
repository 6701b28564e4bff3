package io.chanops.cli.support;

import java.util.Locale;

/** Output formats of listing commands; xlsx only to a file ({@code --out}). */
public enum Format {
    TABLE,
    CSV,
    JSON,
    XLSX;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
