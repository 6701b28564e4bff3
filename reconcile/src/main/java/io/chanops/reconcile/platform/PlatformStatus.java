package io.chanops.reconcile.platform;

import java.util.Optional;

/** Status of an online-store order. Paid and completed orders are live: BOSS should show a live transaction. */
public enum PlatformStatus {
    PAID, COMPLETED, CANCELLED, REFUNDED;

    public boolean live() {
        return this == PAID || this == COMPLETED;
    }

    public static Optional<PlatformStatus> parse(String text) {
        for (PlatformStatus s : values()) {
            if (s.text.equals(text)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    private final String text = name().toLowerCase(java.util.Locale.ROOT);
    private final byte[] ascii = text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** The word as it is written in files, in ASCII bytes (shared: do not modify). */
    public byte[] ascii() {
        return ascii;
    }

    @Override
    public String toString() {
        return text;
    }
}
