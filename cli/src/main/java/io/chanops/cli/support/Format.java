package io.chanops.cli.support;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** Output formats of listing commands; xlsx only to a file ({@code --out}). */
public enum Format {
    TABLE,
    CSV,
    JSON,
    XLSX;

    /** The format a file's name asks for: {@code .csv}, {@code .json} or {@code .xlsx} (any case); empty otherwise. */
    public static Optional<Format> ofFileName(Path file) {
        Path name = file.getFileName();
        String n = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        for (Format f : new Format[] {CSV, JSON, XLSX}) {
            if (n.endsWith("." + f)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
