package io.chanops.cli.support;

import io.chanops.cli.UserException;
import java.nio.file.Path;
import java.util.Locale;

/** {@code --format csv|xlsx} of the commands that write several files: one xlsx workbook instead of a directory. */
public final class Workbooks {
    private Workbooks() {}

    /** Whether to write one workbook: {@code --format xlsx}, or no --format and an --out ending in .xlsx. */
    public static boolean wanted(String format, Path out) {
        if (format == null) {
            return out != null
                    && out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx");
        }
        switch (format.toLowerCase(Locale.ROOT)) {
            case "csv":
                return false;
            case "xlsx":
                if (out == null) {
                    throw UserException.usage(
                            "--format xlsx needs --out FILE: a workbook is written to a file, not to standard output");
                }
                return true;
            default:
                throw UserException.usage("--format " + format + ": expected csv or xlsx");
        }
    }
}
