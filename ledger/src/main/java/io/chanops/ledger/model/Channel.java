package io.chanops.ledger.model;

import java.util.Arrays;
import java.util.Optional;

/** The sales channel of a store: drives channel-cost reports and commission rules. */
public enum Channel {
    HALL("hall", "own halls"),
    PARTNER("partner", "partner stores"),
    E_CHANNEL("e-channel", "online store"),
    SELF_SERVICE("self-service", "self-service terminals");

    private final String code;
    private final String label;

    Channel(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The channel in words, as reports name it beside its code. */
    public String label() {
        return label;
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
