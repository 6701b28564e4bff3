package io.chanops.cli.finance;

import io.chanops.ledger.time.TimeHints;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
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
            throw new TypeConversionException(
                    "'" + value + "' is not a month YYYY-MM (like 2026-02)" + TimeHints.month(value));
        }
    }
}
