package io.chanops.finance;

import io.chanops.ledger.csv.CsvRow;
import io.chanops.ledger.csv.CsvSource;
import io.chanops.ledger.imports.ProblemList;
import io.chanops.ledger.master.KnownIds;
import io.chanops.ledger.model.Channel;
import io.chanops.ledger.money.Fen;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Cost per transaction of each channel, from {@code channel-rates.csv} ({@code channel,cost_per_txn}, yuan); channels
 * the file leaves out keep the defaults: e-channel 0.18, self-service 0.18, hall 3.94, partner 3.94.
 */
public final class ChannelRates {
    public static final List<String> COLUMNS = List.of("channel", "cost_per_txn");

    private ChannelRates() {}

    /** Channel code -> fen per transaction, in the order hall, partner, e-channel, self-service. */
    public static Map<String, Long> defaults() {
        Map<String, Long> rates = new LinkedHashMap<>();
        rates.put(Channel.HALL.code(), 394L);
        rates.put(Channel.PARTNER.code(), 394L);
        rates.put(Channel.E_CHANNEL.code(), 18L);
        rates.put(Channel.SELF_SERVICE.code(), 18L);
        return rates;
    }

    /** How many times a channel's default rate a rate may be before it looks like fen given as yuan. */
    static final long FEN_LIKE = 50;

    /**
     * Warns of a rate {@link #FEN_LIKE} times the channel's default or more: most likely fen written where yuan are
     * read, which would make the channel cost a hundred times what it does. The rate is kept as written.
     */
    private static void warnOfFen(CsvRow row, Channel channel, long fen, Consumer<String> warn) {
        long usual = defaults().get(channel.code());
        if (fen < FEN_LIKE * usual) {
            return;
        }
        String given = row.get("cost_per_txn");
        warn.accept(row.problem(
                        "cost_per_txn",
                        Fen.toYuan(fen).toPlainString() + " yuan a transaction is " + Math.round((double) fen / usual)
                                + " times the usual " + channel.code() + " rate ("
                                + Fen.toYuan(usual).toPlainString()
                                + "): rates are in yuan"
                                + (fen % 100 == 0
                                        ? "; if " + given + " is fen, give "
                                                + Fen.toYuan(fen / 100).toPlainString()
                                        : ""))
                .toString());
    }

    public static Map<String, Long> read(Path file, Charset charset, Consumer<String> warn) {
        Map<String, Long> rates = defaults();
        ProblemList problems = new ProblemList();
        Map<String, Long> firstLine = new HashMap<>();
        try (CsvSource csv = CsvSource.open(file, charset)) {
            csv.require(COLUMNS).warnUnknown(Set.copyOf(COLUMNS), warn);
            for (CsvRow row : csv) {
                if (row.rejected(problems::add)) {
                    continue;
                }
                Optional<Channel> channel = Channel.parse(row.get("channel"));
                if (channel.isEmpty()) {
                    problems.add(row.problem(
                            "channel",
                            "'" + row.get("channel") + "' is not hall, partner, e-channel or self-service"
                                    + KnownIds.hintAmong(
                                            List.of("hall", "partner", "e-channel", "self-service"),
                                            row.get("channel"))));
                } else {
                    Long seen = firstLine.putIfAbsent(channel.get().code(), row.line());
                    if (seen != null) {
                        problems.add(row.problem(
                                "channel",
                                "channel " + channel.get().code() + " given twice (first on line " + seen + ")"));
                    }
                }
                Optional<Long> fen = Fen.parseYuan(row.get("cost_per_txn"));
                if (fen.isEmpty()) {
                    problems.add(row.problem("cost_per_txn", Fen.whyNotYuan(row.get("cost_per_txn"))));
                } else if (fen.get() < 0) {
                    problems.add(row.problem("cost_per_txn", "'" + row.get("cost_per_txn") + "' is negative"));
                } else {
                    channel.ifPresent(c -> {
                        warnOfFen(row, c, fen.get(), warn);
                        rates.put(c.code(), fen.get());
                    });
                }
            }
        }
        problems.rejectIfAny();
        return rates;
    }
}
