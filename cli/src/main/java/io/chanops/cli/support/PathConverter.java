package io.chanops.cli.support;

import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

/**
 * The converter of every file and directory option, registered once on the whole command line: an empty value (a
 * variable not set in a script, {@code --out ""}) is a usage error, not the current directory.
 */
public final class PathConverter {
    private PathConverter() {}

    /** Registers the converter on {@code cmd} and every subcommand it has now. */
    public static void register(CommandLine cmd) {
        cmd.registerConverter(Path.class, PathConverter::path);
    }

    static Path path(String value) {
        if (value.isBlank()) {
            throw new TypeConversionException("'" + value + "' is empty: give a file or directory name");
        }
        return Path.of(value);
    }
}
