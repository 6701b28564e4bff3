package io.chanops.cli.demo;

import java.util.List;
import java.util.stream.Stream;

/**
 * One step of {@code chanops demo}: what it shows, the chanops arguments it runs (without --db/--now, which the demo
 * adds), and the exit code it is expected to end with (a deliberately broken file ends with 4, a check with an
 * emergency with 3).
 */
public record DemoStep(String title, List<String> args, int expectedExit) {
    public static DemoStep of(String title, String... args) {
        return new DemoStep(title, List.of(args), 0);
    }

    public static DemoStep expecting(int exit, String title, String... args) {
        return new DemoStep(title, List.of(args), exit);
    }

    /** {@code common} then {@code more}: the arguments of steps that run one command with a few options more. */
    static String[] args(List<String> common, String... more) {
        return Stream.concat(common.stream(), Stream.of(more)).toArray(String[]::new);
    }
}
