package io.chanops.cli.support;

import java.util.OptionalInt;
import java.util.function.Function;
import org.jline.jansi.AnsiConsole;
import org.jline.nativ.CLibrary;

/**
 * The size of the terminal standard output goes to, for fitting tables and deciding on a pager. {@code COLUMNS} and
 * {@code LINES} win when set (a script can ask for a width even into a pipe); otherwise the terminal is asked through
 * Jansi's native library; a terminal that cannot say is taken as 80 by 24. Standard output that is not a terminal has
 * no width unless {@code COLUMNS} is set: tables into files and pipes are never fitted.
 */
public final class Screen {
    static final int DEFAULT_COLUMNS = 80;
    static final int DEFAULT_ROWS = 24;
    private static final int STDOUT = 1;

    private Screen() {}

    /** The width to fit tables into; empty when standard output is not a terminal and {@code COLUMNS} is not set. */
    public static OptionalInt columns(boolean terminal, Function<String, String> environment) {
        OptionalInt set = positive(environment.apply("COLUMNS"));
        if (set.isPresent()) {
            return set;
        }
        if (!terminal) {
            return OptionalInt.empty();
        }
        int asked = nativeSize(false);
        return OptionalInt.of(asked > 0 ? asked : DEFAULT_COLUMNS);
    }

    /** The terminal's height in lines: {@code LINES}, else the terminal's, else 24. */
    public static int rows(boolean terminal, Function<String, String> environment) {
        OptionalInt set = positive(environment.apply("LINES"));
        if (set.isPresent()) {
            return set.getAsInt();
        }
        int asked = terminal ? nativeSize(true) : 0;
        return asked > 0 ? asked : DEFAULT_ROWS;
    }

    /** Whether standard error is a terminal (progress is drawn only there); false when it cannot be told. */
    public static boolean stderrIsTerminal() {
        try {
            return CLibrary.isatty(2) == 1;
        } catch (Throwable notAvailable) {
            return false;
        }
    }

    private static OptionalInt positive(String text) {
        if (text == null || text.isBlank()) {
            return OptionalInt.empty();
        }
        try {
            int n = Integer.parseInt(text.strip());
            return n > 0 ? OptionalInt.of(n) : OptionalInt.empty();
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /** The terminal's rows or columns from the TIOCGWINSZ ioctl; 0 when unknown (no native library, Windows). */
    private static int nativeSize(boolean rows) {
        try {
            if (System.getProperty("os.name", "").startsWith("Windows")) {
                return rows ? 0 : AnsiConsole.out().getTerminalWidth();
            }
            CLibrary.WinSize size = new CLibrary.WinSize();
            if (CLibrary.ioctl(STDOUT, CLibrary.TIOCGWINSZ, size) != 0) {
                return 0;
            }
            return rows ? size.ws_row : size.ws_col;
        } catch (Throwable notAvailable) {
            return 0;
        }
    }
}
