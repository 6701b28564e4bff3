package io.chanops.reconcile.platform;

import java.util.Optional;

/** Status of an online-store order. Paid and completed orders are live: BOSS should show a live transaction. */
public enum PlatformStatus {
    PAID, COMPLETED, CANCELLED, REFUNDED;

    public boolean live() {
        return this == PAID || this == COMPLETED;
    }

    public static Optional<PlatformStatus> parse(String text) {
        return switch (text) {
            case "paid" -> Optional.of(PAID);
            case "completed" -> Optional.of(COMPLETED);
            case "cancelled" -> Optional.of(CANCELLED);
            case "refunded" -> Optional.of(REFUNDED);
            default -> Optional.empty();
        };
    }

    private final String text = name().toLowerCase(java.util.Locale.ROOT);

    @Override
    public String toString() {
        return text;
    }
}
