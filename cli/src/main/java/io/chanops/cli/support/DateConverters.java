package io.chanops.cli.support;

import io.chanops.ledger.time.LocalTimes;
import io.chanops.ledger.time.TimeHints;
import java.time.LocalDate;
import java.time.LocalDateTime;
import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

/**
 * The converters of every date and date-time option, registered once on the whole command line: a value in another
 * form is a usage error that names the expected form ({@code '02/03/2026' is not a date: expected YYYY-MM-DD}).
 */
public final class DateConverters {
    private DateConverters() {}

    /** Registers the converters on {@code cmd} and every subcommand it has now. */
    public static void register(CommandLine cmd) {
        cmd.registerConverter(LocalDate.class, DateConverters::date);
        cmd.registerConverter(LocalDateTime.class, DateConverters::dateTime);
    }

    /** {@code YYYY-MM-DD}. */
    public static LocalDate date(String value) {
        return LocalTimes.parseDate(value.strip())
                .orElseThrow(() -> new TypeConversionException("'" + value + "' is not a date: expected YYYY-MM-DD"
                        + orExample(TimeHints.date(value), "2026-03-02")));
    }

    /** {@code YYYY-MM-DD HH:MM[:SS]}, as the CSV files write them. */
    public static LocalDateTime dateTime(String value) {
        return LocalTimes.parseDateTime(value.strip())
                .orElseThrow(() -> new TypeConversionException("'" + value
                        + "' is not a date-time: expected 'YYYY-MM-DD HH:MM[:SS]'"
                        + orExample(TimeHints.dateTime(value), "'2026-03-02 09:30'")));
    }

    /** The hint of what was meant, else an example of the form. */
    public static String orExample(String hint, String example) {
        return hint.isEmpty() ? " (like " + example + ")" : hint;
    }
}
