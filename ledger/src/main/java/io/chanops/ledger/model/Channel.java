package io.chanops.ledger.model;

import java.util.Arrays;
import java.util.Optional;

/** The sales channel of a store: drives channel-cost reports and commission rules. */
public enum Channel {
    HALL("hall"),
    PARTNER("partner"),
    E_CHANNEL("e-channel"),
    SELF_SERVICE("self-service");

    private final String code;

    Channel(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** E-channel and self-service: the electronic channels, cheaper per transaction than a hall. */
    public boolean electronic() {
        return this == E_CHANNEL || this == SELF_SERVICE;
    }

    public static Optional<Channel> parse(String text) {
        return Arrays.stream(values())
                .filter(c -> c.code.equalsIgnoreCase(text.strip()))
                .findFirst();
    }

    @Override
    public String toString() {
        return code;
    }
}
