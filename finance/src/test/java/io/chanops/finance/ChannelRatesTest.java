package io.chanops.finance;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.ledger.testing.TestLedgers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChannelRatesTest {
    @TempDir
    Path dir;

    @Test
    void channelsTheFileLeavesOutKeepTheDefaults() {
        Path file = TestLedgers.write(dir, "rates.csv", "channel,cost_per_txn", "partner,2.50");
        Map<String, Long> rates = ChannelRates.read(file, StandardCharsets.UTF_8, w -> {});
        assertThat(rates)
                .containsEntry("partner", 250L)
                .containsEntry("hall", 394L)
                .containsEntry("e-channel", 18L)
                .containsEntry("self-service", 18L);
    }

    @Test
    void badRowsAreRejectedWithTheirLine() {
        Path file = TestLedgers.write(dir, "rates.csv", "channel,cost_per_txn", "shop,1.00", "hall,abc", "hall,3.00");
        assertThat(TestLedgers.rejection(() -> ChannelRates.read(file, StandardCharsets.UTF_8, w -> {})))
                .containsExactly(
                        file + ":2: channel: 'shop' is not hall, partner, e-channel or self-service",
                        file + ":3: cost_per_txn: 'abc' is not an amount in yuan (like 123.45)",
                        file + ":4: channel: channel hall given twice (first on line 3)");
    }

    @Test
    void aChannelASlipAwayFromOneIsNamed() {
        Path file = TestLedgers.write(dir, "rates.csv", "channel,cost_per_txn", "self_servic,1.00");
        assertThat(TestLedgers.rejection(() -> ChannelRates.read(file, StandardCharsets.UTF_8, w -> {})))
                .containsExactly(file + ":2: channel: 'self_servic' is not hall, partner, e-channel or self-service"
                        + " (did you mean 'self-service'?)");
    }

    @Test
    void aRateFiftyTimesTheChannelsUsualOneIsKeptWithAWarningThatItLooksLikeFen() {
        Path file = TestLedgers.write(
                dir, "rates.csv", "channel,cost_per_txn", "hall,394", "e-channel,9.05", "partner,30.00");
        List<String> warnings = new ArrayList<>();
        Map<String, Long> rates = ChannelRates.read(file, StandardCharsets.UTF_8, warnings::add);
        assertThat(rates).containsEntry("hall", 39400L).containsEntry("e-channel", 905L);
        assertThat(warnings)
                .containsExactly(
                        file + ":2: cost_per_txn: 394.00 yuan a transaction is 100 times the usual hall rate (3.94):"
                                + " rates are in yuan; if 394 is fen, give 3.94",
                        file + ":3: cost_per_txn: 9.05 yuan a transaction is 50 times the usual e-channel rate (0.18):"
                                + " rates are in yuan");
    }
}
