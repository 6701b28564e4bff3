package io.chanops.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.jdbcurlresolver.PgPassParser;

/** A PostgreSQL password comes from the URL, PGPASSWORD, the config file or the password file, and never shows. */
class PgPasswordTest {
    private static final String URL = "jdbc:postgresql://db.example:5433/chanops?user=ops&sslmode=require";

    @Test
    void theUrlsOwnPasswordWinsThenPgpasswordThenTheConfigFile() {
        Map<String, String> env = Map.of("PGPASSWORD", "from-env");
        assertThat(PgPassword.resolve(URL + "&password=in-url", env::get, "from-config"))
                .isEmpty();
        assertThat(PgPassword.resolve("jdbc:postgresql://ops:in-url@db/chanops", env::get, "from-config"))
                .isEmpty();
        assertThat(PgPassword.resolve(URL, env::get, "from-config")).contains("from-env");
        assertThat(PgPassword.resolve(URL, k -> null, "from-config")).contains("from-config");
        assertThat(PgPassword.resolve(URL, k -> null, null)).isEmpty(); // the driver then reads the password file
    }

    @Test
    void aPasswordFromOutsideTheUrlIsNeverShown() {
        LedgerLocation location = LedgerLocation.parse(URL).withPassword("s3cret");
        assertThat(location.display()).isEqualTo(URL).doesNotContain("s3cret");
        assertThat(location.toString()).doesNotContain("s3cret");
        assertThat(location.initCommand()).doesNotContain("s3cret");
    }

    /**
     * The password file is read by pgjdbc itself (PGPASSFILE, else ~/.pgpass), as libpq reads it: the first matching
     * line wins, {@code *} matches any value, {@code \:} and {@code \\} are a colon and a backslash, comments are
     * skipped. Pinned here because chanops relies on it.
     */
    @Test
    void theDriverReadsThePasswordFileAsLibpqDoes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("pgpass");
        Files.writeString(
                file,
                String.join(
                        "\n",
                        "# comment:*:*:*:nope",
                        "other.example:*:*:*:wrong-host",
                        "db.example:5433:chanops:ops:pa\\:ss\\\\word",
                        "*:*:*:ops:any-host",
                        "db.example:*:reports:*:any-port-and-user",
                        ""),
                StandardCharsets.UTF_8);
        String property = "org.postgresql.pgpassfile";
        String before = System.getProperty(property);
        System.setProperty(property, file.toString());
        try {
            assertThat(PgPassParser.getPassword("db.example", "5433", "chanops", "ops"))
                    .isEqualTo("pa:ss\\word");
            assertThat(PgPassParser.getPassword("elsewhere", "5432", "chanops", "ops"))
                    .isEqualTo("any-host");
            assertThat(PgPassParser.getPassword("db.example", "5432", "reports", "finance"))
                    .isEqualTo("any-port-and-user");
            assertThat(PgPassParser.getPassword("db.example", "5432", "chanops", "finance"))
                    .isNull();
        } finally {
            if (before == null) {
                System.clearProperty(property);
            } else {
                System.setProperty(property, before);
            }
        }
    }
}
