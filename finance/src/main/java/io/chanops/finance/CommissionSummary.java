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
        return keyOf(line.siteId(), line.channel(), line.ruleId(), by);
    }

    static String keyOf(String siteId, String channel, String ruleId, GroupBy by) {
        return switch (by) {
            case SITE -> siteId == null ? "(no site)" : siteId;
            case CHANNEL -> channel == null ? ChannelCost.UNKNOWN : channel;
            case RULE -> ruleId == null ? "(no rule)" : ruleId;
        };
    }

    /** One row per key, sorted by key. */
    public static List<Row> rows(List<CommissionLine> lines, GroupBy by) {
        Tally tally = new Tally(by);
        lines.forEach(tally::add);
        return tally.rows();
    }

    /** Adds up lines, or whole groups of order lines, into rows by key. */
    static final class Tally {
        private final GroupBy by;
        private final Map<String, Row> rows = new TreeMap<>();

        Tally(GroupBy by) {
            this.by = by;
        }

        void add(CommissionLine l) {
            String key = keyOf(l, by);
            rows.merge(
                    key,
                    l.clawback()
                            ? new Row(key, 0, 0, 0, 0, l.commissionFen())
                            : new Row(key, 1, l.units(), l.amountFen(), l.commissionFen(), 0),
                    Row::plus);
        }

        /** {@code orders} order lines of {@code units} units, {@code amountFen} and {@code commissionFen} in all. */
        void add(
                String siteId,
                String channel,
                String ruleId,
                long orders,
                long units,
                long amountFen,
                long commissionFen) {
            String key = keyOf(siteId, channel, ruleId, by);
            rows.merge(key, new Row(key, orders, units, amountFen, commissionFen, 0), Row::plus);
        }

        List<Row> rows() {
            return new ArrayList<>(rows.values());
        }
    }

    public static Row total(List<Row> rows) {
        Row total = new Row(TOTAL, 0, 0, 0, 0, 0);
        for (Row r : rows) {
            total = total.plus(r);
        }
        return total;
    }
}
