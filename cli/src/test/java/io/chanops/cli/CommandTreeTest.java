package io.chanops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chanops.cli.stock.StockCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command line built for one invoked subcommand behaves as the whole one does. */
class CommandTreeTest {

    @Test
    void findsTheInvokedSubcommandPastGlobalOptionsAndTheirValues() {
        assertSame(StockCommand.class, Chanops.invokedSubcommand(new String[] {
            "--db", "stock", "--now", "2026-03-02 09:30", "-q", "stock", "show"
        }));
        assertSame(
                StockCommand.class,
                Chanops.invokedSubcommand(new String[] {"--db=x.db", "-v", "stock", "import", "m.csv"}));
        assertNull(Chanops.invokedSubcommand(new String[] {"help", "stock"}));
        assertNull(Chanops.invokedSubcommand(new String[] {"stok", "show"}));
        assertNull(Chanops.invokedSubcommand(new String[] {"--db", "x.db"}));
        assertNull(Chanops.invokedSubcommand(new String[] {"completion"}));
        assertNull(Chanops.invokedSubcommand(new String[] {}));
    }

    /** Every command path's help, built lazily from its own arguments, is the same text as from the whole tree. */
    @Test
    void everyCommandsHelpIsTheSameFromItsOwnTree() {
        CommandLine whole = HelpCliTest.whole();
        List<List<String>> paths = new ArrayList<>();
        collect(whole, new ArrayList<>(), paths);
        assertTrue(paths.size() > 30, "command paths: " + paths.size());
        for (List<String> path : paths) {
            List<String> args = new ArrayList<>(List.of("--db", "unused.db"));
            args.addAll(path);
            args.add("--help");
            String[] argv = args.toArray(String[]::new);
            assertEquals(help(null, argv), help(argv, argv), "help of " + path);
        }
    }

    /**
     * Every command's help renders as written: picocli formats descriptions with {@code String.format}, so a bare
     * {@code %} (a percentage typed in a description) prints a warning on stderr and the raw text instead.
     */
    @Test
    void everyCommandsHelpFormatsWithoutWarnings() {
        CommandLine whole = HelpCliTest.whole();
        PrintStream stderr = System.err;
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
        try {
            usageOfAll(whole);
        } finally {
            System.setErr(stderr);
        }
        assertEquals("", warnings.toString(StandardCharsets.UTF_8));
    }

    private static void usageOfAll(CommandLine cmd) {
        cmd.getUsageMessage(CommandLine.Help.Ansi.OFF);
        cmd.getSubcommands().values().forEach(CommandTreeTest::usageOfAll);
    }

    @Test
    void versionNeedsNoSubcommands() {
        String[] argv = {"--db", "x.db", "--version"};
        Output lazy = run(argv, argv);
        assertEquals(0, lazy.code);
        assertEquals(run(null, argv).out, lazy.out);
        assertTrue(lazy.out.startsWith("chanops "), lazy.out);
        assertTrue(Chanops.asksOnlyForVersion(argv));
        assertTrue(!Chanops.asksOnlyForVersion(new String[] {"--version", "--help"}));
    }

    @Test
    void aTypoStillGetsSuggestionsAndTheFullList() {
        String[] argv = {"stok"};
        String err = run(argv, argv).err;
        assertTrue(err.contains("stock"), err);
    }

    private static void collect(CommandLine cmd, List<String> path, List<List<String>> into) {
        for (var e : cmd.getSubcommands().entrySet()) {
            if (e.getKey().equals("help")) {
                continue;
            }
            List<String> p = new ArrayList<>(path);
            p.add(e.getKey());
            into.add(p);
            collect(e.getValue(), p, into);
        }
    }

    private static String help(String[] treeFor, String[] argv) {
        Output o = run(treeFor, argv);
        assertEquals(0, o.code, o.err);
        return o.out;
    }

    private record Output(int code, String out, String err) {}

    private static Output run(String[] treeFor, String[] argv) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Chanops.create(
                        treeFor,
                        new PrintWriter(out, true),
                        new PrintWriter(err, true),
                        false,
                        Map.<String, String>of()::get)
                .execute(argv);
        return new Output(code, out.toString(), err.toString());
    }
}
