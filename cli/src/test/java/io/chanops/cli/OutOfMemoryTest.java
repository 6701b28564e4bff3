package io.chanops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** A command that runs out of heap ends with one line saying what to do, exit 1, not a stack trace. */
class OutOfMemoryTest {
    @Command(name = "exhaust")
    static final class ExhaustCommand extends ChanopsCommand {
        @Override
        protected int run() {
            throw new OutOfMemoryError("Java heap space");
        }
    }

    @Test
    void runningOutOfHeapIsOneActionableLineWithExitOne() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = Chanops.create(
                new PrintWriter(out, true), new PrintWriter(err, true), false, Map.<String, String>of()::get);
        cmd.addSubcommand(new ExhaustCommand());
        cmd.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)); // to the new subcommand too

        int code = cmd.execute("exhaust");

        assertThat(code).isEqualTo(ExitCode.INTERNAL);
        assertThat(err.toString().strip())
                .startsWith("error: out of memory (Java heap space, Java heap at most ")
                .contains("nothing was committed")
                .contains("CHANOPS_JAVA_OPTS=-Xmx")
                .doesNotContain("\tat ");
        assertThat(err.toString().strip().lines()).hasSize(1);
    }
}
