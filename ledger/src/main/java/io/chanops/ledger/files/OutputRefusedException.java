package io.chanops.ledger.files;

/**
 * An output the command must not write, found before any work was done: the target is a directory, a device, a FIFO
 * or a symbolic link, it is the ledger or one of the command's inputs, or its directory does not exist (exit 2).
 */
public final class OutputRefusedException extends RuntimeException {
    public OutputRefusedException(String message) {
        super(message);
    }
}
