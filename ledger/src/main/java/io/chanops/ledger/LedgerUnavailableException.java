package io.chanops.ledger;

/**
 * The ledger cannot be used right now: locked past the busy timeout, unreadable, or newer than this binary (exit 5).
 */
public final class LedgerUnavailableException extends RuntimeException {
    public LedgerUnavailableException(String message) {
        super(message);
    }

    public LedgerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
