package io.chanops.finance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChannelCostTest {
    @Test
    void costsPerChannelAddUpAndTheSavingIsAgainstTheHallRate() {
        Map<String, Long> txns = Map.of("hall", 600L, "partner", 200L, "e-channel", 150L, "self-service", 50L);
        Map<String, Long> commission = Map.of("hall", 10_000L, "partner", 25_000L, "e-channel", -500L);
        ChannelCost.Report r = ChannelCost.compute(YearMonth.of(2026, 2), txns, commission, ChannelRates.defaults());
        assertThat(r.rows())
                .extracting(ChannelCost.Row::channel)
                .containsExactly("hall", "partner", "e-channel", "self-service");
        ChannelCost.Row hall = r.rows().get(0);
        assertThat(hall.transactionCostFen()).isEqualTo(600 * 394);
        assertThat(hall.totalCostFen()).isEqualTo(600 * 394 + 10_000);
        assertThat(hall.sharePercent()).isEqualByComparingTo("60.00");
        assertThat(hall.allInPerTxnFen()).isEqualTo(411); // (236400 + 10000) / 600 = 410.67 -> 411
        ChannelCost.Row total = r.total();
        assertThat(total.transactions()).isEqualTo(1000);
        assertThat(total.transactionCostFen())
                .isEqualTo(r.rows().stream()
                        .mapToLong(ChannelCost.Row::transactionCostFen)
                        .sum());
        assertThat(total.commissionFen()).isEqualTo(34_500);
        assertThat(total.totalCostFen()).isEqualTo(total.transactionCostFen() + total.commissionFen());
        assertThat(r.eChannelSharePercent()).isEqualByComparingTo("15.00");
        assertThat(r.electronicSharePercent()).isEqualByComparingTo("20.00");
        // all 1000 at 3.94 = 3940.00; actual 800 x 3.94 + 200 x 0.18 = 3188.00
        assertThat(r.savingFen()).isEqualTo(394_000 - 318_800);
    }

    @Test
    void aMonthWithoutTransactionsHasZeroRowsAndNoPerTransactionCost() {
        ChannelCost.Report r = ChannelCost.compute(YearMonth.of(2026, 5), Map.of(), Map.of(), ChannelRates.defaults());
        assertThat(r.rows()).hasSize(4).allSatisfy(row -> {
            assertThat(row.transactions()).isZero();
            assertThat(row.allInPerTxnFen()).isNull();
        });
        assertThat(r.total().totalCostFen()).isZero();
        assertThat(r.savingFen()).isZero();
    }

    @Test
    void transactionsAtUnknownSitesGetTheirOwnRowWithoutARate() {
        Map<String, Long> txns = new HashMap<>();
        txns.put("hall", 10L);
        txns.put(null, 5L);
        ChannelCost.Report r = ChannelCost.compute(YearMonth.of(2026, 2), txns, Map.of(), ChannelRates.defaults());
        ChannelCost.Row unknown = r.rows().get(4);
        assertThat(unknown.channel()).isEqualTo(ChannelCost.UNKNOWN);
        assertThat(unknown.costPerTxnFen()).isNull();
        assertThat(unknown.transactionCostFen()).isZero();
        assertThat(r.total().transactions()).isEqualTo(15);
    }
}
