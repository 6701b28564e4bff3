package io.chanops.finance;

import io.chanops.ledger.model.Channel;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The channel-cost report of a month. Pure: transactions and commission per channel, and rates, in; rows out.
 *
 * <p>Per channel: transactions (BOSS rows of the month at the channel's sites), share of all transactions (percent,
 * two decimals, half-up; the TOTAL row says 100.00), transaction cost = transactions x cost per transaction (exact in
 * fen), commission (net of clawbacks), total cost, and all-in cost per transaction (total / transactions, half-up to
 * the fen; empty without transactions). Transactions at sites the ledger does not know form an "(unknown site)" row
 * with no rate. The saving is what the transactions would have cost at the hall rate minus what they cost.
 */
public final class ChannelCost {
    public static final String UNKNOWN = "(unknown site)";
    public static final String TOTAL = "TOTAL";

    public record Row(
            String channel,
            long transactions,
            BigDecimal sharePercent,
            Long costPerTxnFen,
            long transactionCostFen,
            long commissionFen,
            long totalCostFen,
            Long allInPerTxnFen) {}

    public record Report(
            YearMonth month,
            List<Row> rows,
            Row total,
            BigDecimal eChannelSharePercent,
            BigDecimal electronicSharePercent,
            long hallRateFen,
            long savingFen) {}

    private ChannelCost() {}

    /** Keys of the maps are channel codes, or null for sites the ledger does not know. */
    public static Report compute(
            YearMonth month,
            Map<String, Long> transactionsByChannel,
            Map<String, Long> commissionByChannel,
            Map<String, Long> rates) {
        // copies that accept the null key (immutable maps refuse even to look it up)
        Map<String, Long> transactions = new HashMap<>(transactionsByChannel);
        Map<String, Long> commission = new HashMap<>(commissionByChannel);
        Set<String> channels = new LinkedHashSet<>();
        for (Channel c : Channel.values()) {
            channels.add(c.code());
        }
        boolean unknown = transactions.containsKey(null) || commission.containsKey(null);
        long allTxns = transactions.values().stream().mapToLong(Long::longValue).sum();
        List<Row> rows = new ArrayList<>();
        long costSum = 0;
        long commissionSum = 0;
        for (String ch : channels) {
            rows.add(row(ch, ch, transactions, commission, rates, allTxns));
        }
        if (unknown) {
            rows.add(row(UNKNOWN, null, transactions, commission, rates, allTxns));
        }
        for (Row r : rows) {
            costSum += r.transactionCostFen();
            commissionSum += r.commissionFen();
        }
        long totalCost = costSum + commissionSum;
        Row total = new Row(
                TOTAL,
                allTxns,
                allTxns == 0
                        ? BigDecimal.ZERO.setScale(2)
                        : BigDecimal.valueOf(100).setScale(2),
                null,
                costSum,
                commissionSum,
                totalCost,
                perTxn(totalCost, allTxns));
        long hallRate =
                rates.getOrDefault(Channel.HALL.code(), ChannelRates.defaults().get(Channel.HALL.code()));
        long saving = hallRate * allTxns - costSum;
        long eTxns = transactions.getOrDefault(Channel.E_CHANNEL.code(), 0L);
        long electronic = Arrays.stream(Channel.values())
                .filter(Channel::electronic)
                .mapToLong(c -> transactions.getOrDefault(c.code(), 0L))
                .sum();
        return new Report(month, rows, total, percent(eTxns, allTxns), percent(electronic, allTxns), hallRate, saving);
    }

    private static Row row(
            String name,
            String key,
            Map<String, Long> transactions,
            Map<String, Long> commission,
            Map<String, Long> rates,
            long allTxns) {
        long txns = transactions.getOrDefault(key, 0L);
        Long rate = key == null ? null : rates.get(key);
        long cost = rate == null ? 0 : txns * rate;
        long paid = commission.getOrDefault(key, 0L);
        return new Row(name, txns, percent(txns, allTxns), rate, cost, paid, cost + paid, perTxn(cost + paid, txns));
    }

    static BigDecimal percent(long part, long whole) {
        if (whole == 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        return BigDecimal.valueOf(part)
                .multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }

    static Long perTxn(long fen, long txns) {
        if (txns == 0) {
            return null;
        }
        return BigDecimal.valueOf(fen)
                .divide(BigDecimal.valueOf(txns), 0, RoundingMode.HALF_UP)
                .longValueExact();
    }
}
