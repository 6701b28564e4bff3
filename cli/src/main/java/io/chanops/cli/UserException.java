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

    /**
     * The JVM ran out of heap: exit 1 (the command did not complete; its transaction, if any, was rolled back) with
     * what to do about it instead of a stack trace.
     */
    public static UserException outOfMemory(OutOfMemoryError e) {
        long maxMb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        return new UserException(
                ExitCode.INTERNAL,
                "out of memory (" + e.getMessage() + ", Java heap at most " + maxMb
                        + " MB): the input is too large for this heap; nothing was committed. Give chanops more "
                        + "memory, e.g. "
                        + "CHANOPS_JAVA_OPTS=-Xmx" + Math.max(1, 2 * maxMb / 1024 + 1) + "g");
    }

    public static UserException outputFailed(String message) {
        return new UserException(ExitCode.OUTPUT_FAILED, message);
    }

    public static UserException notFound(String message) {
        return new UserException(ExitCode.INPUT_REJECTED, message);
    }

    public int exitCode() {
        return exitCode;
    }
}
