package io.chanops.cli;

/** A failure the user can act on; carries its exit code and a one-line message. */
public final class UserException extends RuntimeException {
    private final int exitCode;

    private UserException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public static UserException usage(String message) {
        return new UserException(ExitCode.USAGE, message);
    }

    public static UserException inputRejected(String message) {
        return new UserException(ExitCode.INPUT_REJECTED, message);
    }

    public static UserException ledgerBusy(String message) {
        return new UserException(ExitCode.LEDGER_UNAVAILABLE, message);
    }

    public static UserException notFound(String message) {
        return new UserException(ExitCode.INPUT_REJECTED, message);
    }

    public int exitCode() {
        return exitCode;
    }
}
