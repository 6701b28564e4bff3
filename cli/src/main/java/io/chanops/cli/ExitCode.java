package io.chanops.cli;

/** The exit codes of SPEC §3, by name. */
public final class ExitCode {
    /** Done, nothing needs attention. */
    public static final int OK = 0;
    /** Internal error: a bug. */
    public static final int INTERNAL = 1;
    /** Usage error. */
    public static final int USAGE = 2;
    /** Done, and something needs attention (emergency raised, discrepancies found, dry run found invalid rows). */
    public static final int ATTENTION = 3;
    /** Input rejected, nothing written. */
    public static final int INPUT_REJECTED = 4;
    /** Ledger unavailable: locked past the busy timeout, unreadable, or newer schema. */
    public static final int LEDGER_UNAVAILABLE = 5;
    /** Output could not be written (disk full, permission, standard output failed); nothing was committed. */
    public static final int OUTPUT_FAILED = 6;

    private ExitCode() {}
}
