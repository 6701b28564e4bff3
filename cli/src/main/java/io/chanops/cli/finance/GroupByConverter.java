package io.chanops.cli.finance;

import io.chanops.finance.CommissionSummary;
import io.chanops.ledger.master.KnownIds;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --by site|channel|rule}. */
public final class GroupByConverter implements ITypeConverter<CommissionSummary.GroupBy> {
    @Override
    public CommissionSummary.GroupBy convert(String value) {
        try {
            return CommissionSummary.GroupBy.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("'" + value + "' is not site, channel or rule"
                    + KnownIds.hintAmong(List.of("site", "channel", "rule"), value));
        }
    }
}
