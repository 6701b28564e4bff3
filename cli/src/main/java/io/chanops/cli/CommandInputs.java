package io.chanops.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The files a command reads: every file-valued option and parameter of the command and its parents (as given, or
 * defaulted from the config file), except the outputs. Read from the command's model rather than listed by each
 * command, so that a new input option is protected from {@code --out} without anyone remembering to.
 */
final class CommandInputs {
    /** The options that name files the command writes. */
    static final Set<String> OUTPUT_OPTIONS = Set.of("--out", "--detail");

    private CommandInputs() {}

    static List<Path> of(CommandSpec spec) {
        List<Path> inputs = new ArrayList<>();
        for (CommandSpec s = spec; s != null; s = s.parent()) {
            for (OptionSpec o : s.options()) {
                if (Collections.disjoint(Arrays.asList(o.names()), OUTPUT_OPTIONS)) {
                    add(inputs, o.getValue());
                }
            }
            for (PositionalParamSpec p : s.positionalParameters()) {
                add(inputs, p.getValue());
            }
        }
        return inputs;
    }

    private static void add(List<Path> inputs, Object value) {
        if (value instanceof Path p) {
            inputs.add(p);
        } else if (value instanceof Collection<?> c) {
            c.forEach(v -> add(inputs, v));
        } else if (value instanceof Object[] a) {
            Arrays.asList(a).forEach(v -> add(inputs, v));
        }
    }
}
