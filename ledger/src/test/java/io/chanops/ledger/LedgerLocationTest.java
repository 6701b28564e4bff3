package io.chanops.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.postgresql.util.ServerErrorMessage;

/** --db names an SQLite file or a PostgreSQL URL, nothing else; a URL's password never shows. */
class LedgerLocationTest {
    @Test
    void aFilePathOrAnSqliteUrlIsAnSqliteLedger() {
        LedgerLocation plain = LedgerLocation.parse("chanops.db");
        assertThat(plain.dialect()).isEqualTo(Ledger.Dialect.SQLITE);
        assertThat(plain.file()).isEqualTo(Path.of("chanops.db").toAbsolutePath());
        assertThat(plain.display()).isEqualTo("chanops.db");
        assertThat(LedgerLocation.parse("jdbc:sqlite:/srv/l.db").file()).isEqualTo(Path.of("/srv/l.db"));
        assertThat(LedgerLocation.parse("jdbc:sqlite:/srv/l.db").display()).isEqualTo("/srv/l.db");
        assertThat(LedgerLocation.parse("jdbc:postgresql://db/chanops").dialect())
                .isEqualTo(Ledger.Dialect.POSTGRESQL);
    }

    @Test
    void otherDatabasesAndUrlsAreRefusedInsteadOfBecomingAFileOfThatName() {
        for (String spec : new String[] {
            "jdbc:h2:mem:x",
            "jdbc:mysql://db/chanops",
            "JDBC:H2:./x",
            "postgresql://db/chanops",
            "postgres://u:secret@db/chanops",
            "jdbc:sqlite::memory:",
            "jdbc:sqlite:",
            "jdbc:sqlite:file:x.db?mode=memory",
            " "
        }) {
            assertThatThrownBy(() -> LedgerLocation.parse(spec))
                    .as(spec)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("--db")
                    .hasMessageNotContaining("secret");
        }
    }

    /** A URL as psql takes it is named as the JDBC URL meant: the user a parameter, the password left out. */
    @Test
    void aPostgresqlUrlAsPsqlTakesItNamesTheJdbcUrlMeant() {
        assertThatThrownBy(
                        () -> LedgerLocation.parse("postgresql://ops:secret@db.example:5433/chanops?sslmode=require"))
                .hasMessage("--db postgresql://ops:***@db.example:5433/chanops?sslmode=require: a chanops ledger is an"
                        + " SQLite file or a jdbc:postgresql: URL: did you mean"
                        + " jdbc:postgresql://db.example:5433/chanops?user=ops&sslmode=require? (a password goes in"
                        + " PGPASSWORD, ~/.pgpass or db.password of the config file)");
        assertThatThrownBy(() -> LedgerLocation.parse("postgres:///chanops?password=secret"))
                .hasMessageContaining("did you mean jdbc:postgresql://localhost/chanops?")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> LedgerLocation.parse("jdbc:postgres://db/chanops?user=ops&password=secret"))
                .hasMessage(
                        "--db jdbc:postgres://db/chanops?user=ops&password=***: a chanops ledger is an SQLite file"
                                + " or a jdbc:postgresql: URL: did you mean jdbc:postgresql://db/chanops?user=ops&password=***?");
        assertThatThrownBy(() -> LedgerLocation.parse("mysql://db/chanops"))
                .hasMessageEndingWith("(a PostgreSQL URL starts with jdbc:postgresql://)");
    }

    @Test
    void aPasswordInAUrlIsMasked() {
        assertThat(LedgerLocation.parse("jdbc:postgresql://db/chanops?user=ops&password=s3cret&ssl=true")
                        .display())
                .isEqualTo("jdbc:postgresql://db/chanops?user=ops&password=***&ssl=true");
        assertThat(LedgerLocation.parse("jdbc:postgresql://ops:s3cret@db/chanops")
                        .display())
                .isEqualTo("jdbc:postgresql://ops:***@db/chanops");
        assertThat(LedgerLocation.parse("jdbc:postgresql://db/chanops?PASSWORD=x")
                        .display())
                .isEqualTo("jdbc:postgresql://db/chanops?PASSWORD=***");
    }

    @Test
    void theHintToCreateALedgerIsQuotedForTheShell() {
        assertThat(LedgerLocation.parse("/srv/my ledger.db").initCommand())
                .isEqualTo("chanops init --db '/srv/my ledger.db'");
        assertThat(LedgerLocation.parse("/srv/ledger.db").initCommand()).isEqualTo("chanops init --db /srv/ledger.db");
    }

    @Test
    void postgresqlLockTimeoutIsBusyInOneLineWithoutTheStatement() {
        LedgerLocation at = LedgerLocation.parse("jdbc:postgresql://db/chanops?user=ops&password=s3cret");
        PSQLException timeout = new PSQLException(
                new ServerErrorMessage(
                        "SERROR\0VERROR\0C55P03\0Mcanceling statement due to lock timeout\0WSQL statement \"SELECT pg_advisory_xact_lock(1)\"\0"));
        RuntimeException e = Ledger.translate(
                at,
                Duration.ofSeconds(10),
                "ledger write failed",
                new RuntimeException("SELECT 1 FROM (SELECT pg_advisory_xact_lock(:key))", timeout));
        assertThat(e)
                .isInstanceOf(LedgerUnavailableException.class)
                .hasMessage(
                        "ledger jdbc:postgresql://db/chanops?user=ops&password=*** is busy: another chanops command "
                                + "held it for more than 10 s; try again");
    }

    @Test
    void postgresqlConnectionFailuresAreOneLineWithThePasswordMasked() {
        LedgerLocation at = LedgerLocation.parse("jdbc:postgresql://127.0.0.1:1/chanops?user=ops&password=s3cret");
        PSQLException refused = new PSQLException(
                "Connection to 127.0.0.1:1 refused. Check that the hostname and port are correct.",
                PSQLState.CONNECTION_UNABLE_TO_CONNECT);
        RuntimeException e =
                Ledger.translate(at, Duration.ofSeconds(10), "cannot open ledger", new RuntimeException(refused));
        assertThat(e)
                .isInstanceOf(LedgerUnavailableException.class)
                .hasMessage("cannot connect to ledger jdbc:postgresql://127.0.0.1:1/chanops?user=ops&password=***: "
                        + "Connection to 127.0.0.1:1 refused. Check that the hostname and port are correct.");
        PSQLException auth = new PSQLException(
                new ServerErrorMessage("SFATAL\0VFATAL\0C28P01\0Mpassword authentication failed for user \"ops\"\0"));
        assertThat(Ledger.translate(at, Duration.ofSeconds(1), "x", new RuntimeException(auth)))
                .hasMessageEndingWith(": password authentication failed for user \"ops\"")
                .hasMessageNotContaining("s3cret");
    }
}
