package io.chanops.cli.support;

import java.util.function.Function;
import org.jline.jansi.Ansi;
import org.jline.jansi.AnsiConsole;
import picocli.CommandLine;

/**
 * Whether a run's output is coloured, and the one place text gets its colours: through Jansi for chanops' own output,
 * through picocli's {@link CommandLine.Help.Ansi} for its help and usage messages. No escape code is written by hand.
 */
public final class Colours {
    private static final Colours ON = new Colours(true);
    private static final Colours OFF = new Colours(false);

    private final boolean on;

    private Colours(boolean on) {
        this.on = on;
    }

    /**
     * Colour only on an interactive terminal, and never with {@code --no-color} or {@code NO_COLOR} set (non-empty).
     */
    public static Colours decide(boolean terminal, boolean noColorOption, Function<String, String> environment) {
        String noColor = environment.apply("NO_COLOR");
        return of(terminal && !noColorOption && (noColor == null || noColor.isEmpty()));
    }

    /** A decision already made. */
    public static Colours of(boolean on) {
        return on ? ON : OFF;
    }

    public boolean on() {
        return on;
    }

    /** {@code text} in {@code style} when colour is on; {@code text} itself otherwise. */
    public String paint(Style style, String text) {
        if (!on || style == Style.NONE) {
            return text;
        }
        Ansi ansi = new Ansi(text.length() + 12);
        switch (style) {
            case RED -> ansi.fgRed();
            case YELLOW -> ansi.fgYellow();
            case GREEN -> ansi.fgGreen();
            case CYAN -> ansi.fgCyan();
            case BOLD -> ansi.bold();
            case DIM -> ansi.a(Ansi.Attribute.INTENSITY_FAINT);
            case NONE -> {}
        }
        return ansi.a(text).reset().toString();
    }

    /** picocli's help and usage-error colours, on or off with this decision. */
    public CommandLine.Help.ColorScheme helpScheme() {
        return CommandLine.Help.defaultColorScheme(on ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF);
    }

    /**
     * On a Windows console, lets Jansi make {@code System.out} and {@code System.err} understand the colours (it turns
     * on the console's ANSI processing, or translates where there is none). Elsewhere terminals understand them as they
     * are, and nothing is loaded. Called once, by {@code main}, before the writers are made.
     */
    public static void prepareConsole(boolean terminal) {
        if (terminal && System.getProperty("os.name", "").startsWith("Windows")) {
            AnsiConsole.systemInstall();
        }
    }
}
