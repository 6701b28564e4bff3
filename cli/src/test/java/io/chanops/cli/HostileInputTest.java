package io.chanops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.ledger.testing.TestLedgers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile-input corpus ({@code src/test/resources/hostile/<importer>/}, written by
 * {@code scripts/test/hostile_corpus.py}): every file, run through the real command that reads it against a ledger
 * holding the samples, is rejected with exit 4 and at least one error line {@code FILE:LINE: ...} (a sibling
 * {@code .expect} file gives what must follow {@code FILE:} on one of them), prints no raw control character, and
 * commits nothing to the ledger: SQLite's {@code PRAGMA data_version}, read on a connection of the test's own, changes
 * when any other connection commits. After the last case every table is compared, row by row, with the ledger before.
 */
class HostileInputTest {
    /** Anything a terminal would act on: C0 other than TAB and line feed, DEL, C1. */
    private static final Pattern RAW_CONTROL = Pattern.compile("[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f]");

    @TempDir
    static Path dir;

    private static CliHarness cli;
    private static Map<String, List<String>> before;
    private static Connection watch;

    @BeforeAll
    static void ledgerHoldingTheSamples() {
        cli = new CliHarness(dir);
        ok(cli.run("init"));
        ok(cli.run("site", "import", sample("sites.csv")));
        ok(cli.run("catalog", "import", sample("catalog.csv")));
        ok(cli.run("stock", "import", sample("moves.csv")));
        ok(cli.run("policy", "import", sample("policies.csv")));
        before = dump(cli.db());
        try {
            watch = DriverManager.getConnection("jdbc:sqlite:" + cli.db());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void everyTableIsAsBefore() throws SQLException {
        watch.close();
        assertThat(dump(cli.db())).as("the ledger's content after every case").isEqualTo(before);
    }

    /** The ledger's commit count as this test's connection sees it: it changes when another connection commits. */
    private static long dataVersion() throws SQLException {
        try (Statement s = watch.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA data_version")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static Stream<Arguments> corpus() throws IOException, URISyntaxException {
        Path root = Path.of(HostileInputTest.class.getResource("/hostile").toURI());
        List<Arguments> cases = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = f.getFileName().toString();
                if (!name.endsWith(".expect") && !name.startsWith("_")) {
                    cases.add(Arguments.of(f.getParent().getFileName() + "/" + name, f));
                }
            }
        }
        assertThat(cases).hasSizeGreaterThanOrEqualTo(150);
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void isRejectedWithALocatedProblemAndTheLedgerIsUnchanged(String name, Path file) throws IOException, SQLException {
        long version = dataVersion();
        CliHarness.Result r = cli.run(command(file));
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.INPUT_REJECTED);
        String at = file + ":";
        // every error line starts with "error: " (the CLI's one convention for error lines)
        List<String> located = r.err()
                .lines()
                .map(l -> l.startsWith("error: ") ? l.substring("error: ".length()) : l)
                .filter(l -> l.startsWith(at) && l.substring(at.length()).matches("\\d+: .+"))
                .toList();
        assertThat(located).as("an error line FILE:LINE: ...\n" + r).isNotEmpty();
        Path expect = file.resolveSibling(name.substring(name.indexOf('/') + 1).replaceFirst("\\.[a-z]+$", ".expect"));
        if (Files.exists(expect)) {
            String wanted = at + Files.readString(expect).strip();
            assertThat(located).as(r.toString()).anyMatch(l -> l.startsWith(wanted));
        }
        assertThat(RAW_CONTROL.matcher(r.err() + r.out()).find())
                .as("raw control characters printed\n" + r)
                .isFalse();
        if (dataVersion() != version) {
            assertThat(dump(cli.db()))
                    .as("the ledger's content, after a commit")
                    .isEqualTo(before);
            throw new AssertionError("the command committed to the ledger, leaving its rows as they were\n" + r);
        }
    }

    /** The command that reads a file of the importer the case's folder names. */
    private List<String> command(Path file) {
        String f = file.toString();
        String out = dir.resolve("out-" + file.getParent().getFileName() + "-" + file.getFileName())
                .toString();
        return switch (file.getParent().getFileName().toString()) {
            case "sites" -> List.of("site", "import", f);
            case "catalog" -> List.of("catalog", "import", f);
            case "moves" -> List.of("stock", "import", f);
            case "policies" -> List.of("policy", "import", f);
            case "platform" ->
                CliHarness.reconcileArgs(f, sample("boss-2026-02.csv"), sample("boss-profile.properties"), out);
            case "boss" ->
                CliHarness.reconcileArgs(
                        sample("platform-orders-2026-02.csv"),
                        f,
                        file.resolveSibling("_profile.properties").toString(),
                        out);
            case "profile" ->
                CliHarness.reconcileArgs(sample("platform-orders-2026-02.csv"), sample("boss-2026-02.csv"), f, out);
            case "rules" -> List.of("commission", "report", "--month", "2026-02", "--rules", f);
            case "rates" -> List.of("cost", "report", "--month", "2026-02", "--rates", f);
            case "vehicles" -> List.of("replenish", "plan", "--date", "2026-03-02", "--vehicles", f);
            case "matrix" ->
                List.of(
                        "replenish",
                        "plan",
                        "--date",
                        "2026-03-02",
                        "--vehicles",
                        sample("vehicles.csv"),
                        "--matrix",
                        f);
            default -> throw new IllegalArgumentException("no command for the folder of " + file);
        };
    }

    private static String sample(String name) {
        return TestLedgers.sample(name).toString();
    }

    private static void ok(CliHarness.Result r) {
        assertThat(r.code()).as(r.toString()).isIn(ExitCode.OK, ExitCode.ATTENTION);
    }

    /** Every row of every table, in key order: what "the ledger is unchanged" compares. */
    static Map<String, List<String>> dump(Path db) {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement s = c.createStatement()) {
            List<String> names = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            for (String table : names) {
                List<String> rows = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= n; i++) {
                            row.append(i > 1 ? "|" : "").append(rs.getString(i));
                        }
                        rows.add(row.toString());
                    }
                }
                rows.sort(null);
                tables.put(table, rows);
            }
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException("cannot dump " + db, e));
        }
        return tables;
    }
}
