package io.chanops.ledger;

/** An output file or standard output could not be written; nothing was committed (exit 6). */
public final class OutputFailedException extends RuntimeException {
    public OutputFailedException(String message) {
        super(message);
    }

    public OutputFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
