package io.chanops.finance;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The summary of a month's commission lines by site, channel or rule: orders, units and amount of the month's own
 * orders, their commission, the clawbacks booked this month, and net = commission + clawback (clawback is negative).
 * The TOTAL row is the sum of the rows, and equals the sum of the detail lines' commission.
 */
public final class CommissionSummary {
    public static final String TOTAL = "TOTAL";

    public enum GroupBy {
        SITE,
        CHANNEL,
        RULE;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public record Row(String key, long orders, long units, long amountFen, long commissionFen, long clawbackFen) {
        public long netFen() {
            return commissionFen + clawbackFen;
        }

        Row plus(Row o) {
            return new Row(
                    key,
                    orders + o.orders,
                    units + o.units,
                    amountFen + o.amountFen,
                    commissionFen + o.commissionFen,
                    clawbackFen + o.clawbackFen);
        }
    }

    private CommissionSummary() {}

    public static String keyOf(CommissionLine line, GroupBy by) {
        return switch (by) {
            case SITE -> line.siteId() == null ? "(no site)" : line.siteId();
            case CHANNEL -> line.channel() == null ? ChannelCost.UNKNOWN : line.channel();
            case RULE -> line.ruleId() == null ? "(no rule)" : line.ruleId();
        };
    }

    /** One row per key, sorted by key. */
    public static List<Row> rows(List<CommissionLine> lines, GroupBy by) {
        Map<String, Row> rows = new TreeMap<>();
        for (CommissionLine l : lines) {
            String key = keyOf(l, by);
            Row add = l.clawback()
                    ? new Row(key, 0, 0, 0, 0, l.commissionFen())
                    : new Row(key, 1, l.units(), l.amountFen(), l.commissionFen(), 0);
            rows.merge(key, add, Row::plus);
        }
        return new ArrayList<>(rows.values());
    }

    public static Row total(List<Row> rows) {
        Row total = new Row(TOTAL, 0, 0, 0, 0, 0);
        for (Row r : rows) {
            total = total.plus(r);
        }
        return total;
    }
}
