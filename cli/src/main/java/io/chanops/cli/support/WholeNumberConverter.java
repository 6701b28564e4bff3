package io.chanops.cli.support;

import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

/**
 * The converter of every whole-number option, registered once on the whole command line: ASCII digits with an
 * optional sign, as every file's whole numbers are read (full-width digits, which Java's own parsing takes, are
 * refused as they are in a file).
 */
public final class WholeNumberConverter {
    private WholeNumberConverter() {}

    /** Registers the converters of int and long options on {@code cmd} and every subcommand it has now. */
    public static void register(CommandLine cmd) {
        cmd.registerConverter(Integer.class, v -> (int) whole(v, Integer.MIN_VALUE, Integer.MAX_VALUE));
        cmd.registerConverter(Integer.TYPE, v -> (int) whole(v, Integer.MIN_VALUE, Integer.MAX_VALUE));
        cmd.registerConverter(Long.class, v -> whole(v, Long.MIN_VALUE, Long.MAX_VALUE));
        cmd.registerConverter(Long.TYPE, v -> whole(v, Long.MIN_VALUE, Long.MAX_VALUE));
    }

    static long whole(String value, long min, long max) {
        String v = value.strip();
        int from = v.startsWith("-") || v.startsWith("+") ? 1 : 0;
        boolean digits = v.length() > from;
        for (int i = from; i < v.length(); i++) {
            char c = v.charAt(i);
            digits &= c >= '0' && c <= '9';
        }
        if (!digits) {
            throw new TypeConversionException("'" + value + "' is not a whole number (digits 0-9 only"
                    + (v.chars().anyMatch(Character::isDigit) ? ", not full-width or other digits)" : ")"));
        }
        try {
            long n = Long.parseLong(v);
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is too large a number (at most " + max + ")");
        }
    }
}
