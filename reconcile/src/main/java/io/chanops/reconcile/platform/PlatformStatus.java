package io.chanops.reconcile.platform;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Status of an online-store order. Paid and completed orders are live: BOSS should show a live transaction. */
public enum PlatformStatus {
    PAID,
    COMPLETED,
    CANCELLED,
    REFUNDED;

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

    private static final PlatformStatus[] ALL = values();

    /** The status whose word is the ASCII bytes {@code b[from..to)} (as {@link #parse} for text), or null. */
    static PlatformStatus of(byte[] b, int from, int to) {
        for (PlatformStatus s : ALL) {
            if (Arrays.equals(b, from, to, s.ascii, 0, s.ascii.length)) {
                return s;
            }
        }
        return null;
    }

    /** The status of ordinal {@code ordinal}. */
    static PlatformStatus ofOrdinal(int ordinal) {
        return ALL[ordinal];
    }

    private final String text = name().toLowerCase(Locale.ROOT);
    private final byte[] ascii = text.getBytes(StandardCharsets.US_ASCII);

    /** The word as it is written in files, in ASCII bytes (shared: do not modify). */
    public byte[] ascii() {
        return ascii;
    }

    @Override
    public String toString() {
        return text;
    }
}
