package io.chanops.cli.finance;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.finance.ChannelCost;
import io.chanops.finance.ChannelRates;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChannelMixBarsTest {
    private static String bars(Map<String, Long> txns) {
        StringWriter out = new StringWriter();
        CostReportCommand.bars(
                ChannelCost.compute(YearMonth.of(2026, 2), txns, Map.of(), ChannelRates.defaults()),
                new PrintWriter(out, true),
                false);
        return out.toString();
    }

    @Test
    void theLargestShareGetsTheFullBarAndTheOthersTheirProportion() {
        String chart = bars(Map.of("hall", 100L, "e-channel", 300L));
        assertThat(chart)
                .contains("e-channel    " + "█".repeat(40) + " 75.00%")
                .contains("hall         " + "█".repeat(13) + " 25.00%")
                .contains("partner       0.00%");
    }

    @Test
    void noTransactionsNoChart() {
        assertThat(bars(Map.of())).isEmpty();
    }
}
