package io.chanops.cli.finance;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --month YYYY-MM}. */
public final class MonthConverter implements ITypeConverter<YearMonth> {
    @Override
    public YearMonth convert(String value) {
        try {
            if (!value.strip().matches("\\d{4}-\\d{2}")) {
                throw new DateTimeParseException("", value, 0);
            }
            return YearMonth.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("'" + value + "' is not a month YYYY-MM (like 2026-02)" + meant(value));
        }
    }

    /**
     * {@code ": did you mean '2026-02'?"} for a month written with another separator, without the leading zero, or as a
     * spreadsheet writes it ({@code 2026/2}, {@code 2026.02}, {@code 202602}); empty when it is not one.
     */
    static String meant(String value) {
        Matcher m = LOOSE.matcher(value.strip());
        if (!m.matches()) {
            return "";
        }
        int month = Integer.parseInt(m.group(2));
        return month >= 1 && month <= 12
                ? ": did you mean '" + YearMonth.of(Integer.parseInt(m.group(1)), month) + "'?"
                : ": there is no month " + month;
    }

    private static final Pattern LOOSE = Pattern.compile("(\\d{4})[-/.年]?(\\d{1,2})月?");
}
