package io.chanops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.cli.demo.DemoCommand;
import io.chanops.cli.support.ErrorHandler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The root command knows its subcommands and the error handler, never the other way round: the error handler is given
 * what it asks of the run, and the demo a runner for its steps.
 */
class DependencyDirectionTest {
    /** The root class's name in a class file's constant pool (ChanopsCommand, the commands' base class, is allowed). */
    private static final Pattern ROOT = Pattern.compile("io/chanops/cli/Chanops(?![\\w$])");

    private static String classFile(Class<?> c) throws IOException {
        try (InputStream in = c.getResourceAsStream(c.getSimpleName() + ".class")) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void theErrorHandlerDoesNotReferToTheRootCommand() throws IOException {
        assertThat(ROOT.matcher(classFile(ErrorHandler.class)).find()).isFalse();
    }

    @Test
    void theDemoDoesNotReferToTheRootCommand() throws IOException {
        assertThat(ROOT.matcher(classFile(DemoCommand.class)).find()).isFalse();
    }

    @Test
    void thePatternFindsTheRootWhereItIsReferredTo() throws IOException {
        assertThat(ROOT.matcher(classFile(RunContext.class)).find()).isTrue();
        assertThat(ROOT.matcher("io/chanops/cli/ChanopsCommand").find()).isFalse();
    }
}
