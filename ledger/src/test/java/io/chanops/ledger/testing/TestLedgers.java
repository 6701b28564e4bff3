package io.chanops.ledger.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.chanops.ledger.InputRejectedException;
import io.chanops.ledger.Ledger;
import io.chanops.ledger.OperationContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.sqlite.SQLiteDataSource;

/** Test helpers shared by every module (published as the ledger test-jar): real migrations on a temp file. */
public final class TestLedgers {
    private TestLedgers() {}

    /** The zone of the tests' operation contexts. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** A context whose clock stands still at {@code now} (in {@link #ZONE}), acting as the OS user. */
    public static OperationContext at(LocalDateTime now) {
        return OperationContext.at(now, ZONE);
    }

    /** A fresh, migrated SQLite ledger in {@code dir} (as {@code chanops init}; an existing one is opened). */
    public static Ledger fresh(Path dir) {
        return Ledger.init(dir.resolve("test.db").toString(), Duration.ofSeconds(2), ZONE);
    }

    /**
     * A SQLite ledger file migrated only up to schema {@code version}, as an older chanops left it (upgrade tests);
     * gives a Jdbi on it for writing that version's rows.
     */
    public static Jdbi sqliteAtVersion(Path db, String version) {
        Flyway.configure()
                .dataSource("jdbc:sqlite:" + db, null, null)
                .locations("classpath:db/migration", "classpath:db/sqlite")
                .target(version)
                .load()
                .migrate();
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + db);
        return Jdbi.create(ds);
    }

    /** Runs {@code statements} on the SQLite file {@code db} (made if missing) outside chanops: a foreign database. */
    public static void sqlite(Path db, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement st = c.createStatement()) {
            for (String statement : statements) {
                st.execute(statement);
            }
        }
    }

    /**
     * The problems, as text, of the {@link InputRejectedException} that {@code read} throws; fails the test when it
     * throws none or another exception.
     */
    public static List<String> rejection(ThrowingCallable read) {
        InputRejectedException e = catchThrowableOfType(InputRejectedException.class, read);
        assertThat(e).as("an InputRejectedException").isNotNull();
        return e.problems().stream().map(Object::toString).toList();
    }

    /** The repository's samples/ folder (tests run with the module folder as working directory). */
    public static Path samples() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("samples")) && Files.exists(p.resolve("pom.xml"))) {
                return p.resolve("samples");
            }
        }
        throw new IllegalStateException(
                "samples/ not found above " + Path.of("").toAbsolutePath());
    }

    public static Path sample(String name) {
        return samples().resolve(name);
    }

    /** Writes {@code lines} (joined with \n) to {@code dir/name} in UTF-8. */
    public static Path write(Path dir, String name, String... lines) {
        return write(dir, name, StandardCharsets.UTF_8, lines);
    }

    /** Writes {@code header}, then {@code rows}, to {@code dir/name} in UTF-8. */
    public static Path writeRows(Path dir, String name, String header, String... rows) {
        String[] lines = new String[rows.length + 1];
        lines[0] = header;
        System.arraycopy(rows, 0, lines, 1, rows.length);
        return write(dir, name, lines);
    }

    public static Path write(Path dir, String name, Charset charset, String... lines) {
        try {
            Path file = dir.resolve(name);
            Files.writeString(file, String.join("\n", lines) + "\n", charset);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names of the files (and folders) in {@code dir}, sorted. */
    public static List<String> fileNames(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /**
     * Deletes a directory tree (if any): for jqwik properties, which cannot use {@code @TempDir}, in their
     * {@code @AfterContainer}.
     */
    public static void deleteTree(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
