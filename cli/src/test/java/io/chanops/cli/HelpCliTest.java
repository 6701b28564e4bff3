package io.chanops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Help as users read it: examples in every leaf, global options apart, nested help, summaries that fit. */
class HelpCliTest {

    @Test
    void everyLeafCommandHasExamplesAndItsHelpIsReachableThroughHelpAtAnyDepth() {
        List<List<String>> leaves = new ArrayList<>();
        collectLeaves(whole(), new ArrayList<>(), leaves);
        assertThat(leaves).hasSizeGreaterThan(28);
        for (List<String> leaf : leaves) {
            String own = help(with(leaf, "--help"));
            assertThat(own)
                    .as("help of %s", leaf)
                    .contains("Examples:")
                    .contains("  chanops " + String.join(" ", leaf));
            assertThat(own).as("help of %s", leaf).contains("Global options (any command):");
            List<String> viaHelp = new ArrayList<>(List.of("help"));
            viaHelp.addAll(leaf);
            assertThat(help(viaHelp)).as("help %s", leaf).isEqualTo(own);
            if (leaf.size() == 2) {
                assertThat(help(List.of(leaf.get(0), "help", leaf.get(1))))
                        .as("%s help %s", leaf.get(0), leaf.get(1))
                        .isEqualTo(own);
            }
        }
    }

    @Test
    void globalOptionsAreInASectionOfTheirOwn() {
        String text = help(List.of("stock", "import", "--help"));
        String own = text.substring(text.indexOf("Options:"), text.indexOf("Global options (any command):"));
        String global = text.substring(text.indexOf("Global options (any command):"), text.indexOf("Examples:"));
        assertThat(own)
                .contains("--dry-run")
                .contains("--charset")
                .doesNotContain("--db")
                .doesNotContain("--zone");
        assertThat(global)
                .contains("--db")
                .contains("--now")
                .contains("--zone")
                .contains("--quiet")
                .doesNotContain("--dry-run");
        assertThat(text).contains("Usage: chanops stock import [OPTIONS] FILE");
    }

    @Test
    void commandListsShowTheFirstSentenceWhole() {
        String stock = help(List.of("stock", "--help"));
        assertThat(stock)
                .contains("summary")
                .contains("One line per store: positions with a policy, how many are below R");
        for (String line : stock.lines().toList()) {
            assertThat(line.length()).as(line).isLessThanOrEqualTo(80);
        }
        assertThat(stock).doesNotContain("(L),\n");
    }

    @Test
    void completionCallsItselfCompletion() {
        String text = help(List.of("completion", "--help"));
        assertThat(text)
                .contains("Usage: chanops completion")
                .doesNotContain("generate-completion")
                .contains("Examples:");
    }

    @Test
    void helpOfAnUnknownCommandIsAUsageError() {
        CliHarness.Result r = CliHarness.runExactly("help", "stock", "nope");
        assertThat(r.code()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).startsWith("error: unknown command 'chanops stock nope'");
    }

    /** Snapshots in src/test/resources/help; a differing text is written to target/help-actual for review. */
    @Test
    void helpTextsMatchTheirSnapshots() throws IOException {
        Map<String, List<String>> snapshots = Map.of(
                "stock-import", List.of("stock", "import", "--help"),
                "stock-add", List.of("stock", "add", "--help"),
                "replenish", List.of("replenish", "--help"),
                "replenish-rebalance", List.of("replenish", "rebalance", "--help"),
                "ledger-copy", List.of("ledger", "copy", "--help"));
        for (var e : snapshots.entrySet()) {
            String actual = help(e.getValue());
            String expected;
            try (var in = getClass().getResourceAsStream("/help/" + e.getKey() + ".txt")) {
                expected = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!actual.equals(expected)) {
                Path dir = Path.of("target", "help-actual");
                Files.createDirectories(dir);
                Files.writeString(dir.resolve(e.getKey() + ".txt"), actual);
            }
            assertThat(actual).as(e.getKey()).isEqualTo(expected);
        }
    }

    private static List<String> with(List<String> path, String last) {
        List<String> args = new ArrayList<>(path);
        args.add(last);
        return args;
    }

    /** The command line with every command built, as {@code --help} and a mistyped command build it. */
    static CommandLine whole() {
        return Chanops.create(
                null,
                new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()),
                false,
                Map.<String, String>of()::get);
    }

    private static void collectLeaves(CommandLine cmd, List<String> path, List<List<String>> into) {
        for (var e : cmd.getSubcommands().entrySet()) {
            if (e.getKey().equals("help")) {
                continue;
            }
            List<String> p = new ArrayList<>(path);
            p.add(e.getKey());
            if (e.getValue().getSubcommands().isEmpty()) {
                into.add(p);
            } else {
                collectLeaves(e.getValue(), p, into);
            }
        }
    }

    private static String help(List<String> args) {
        CliHarness.Result r = CliHarness.runExactly(args);
        assertThat(r.code()).as("%s: %s", args, r.err()).isZero();
        return r.out();
    }
}
