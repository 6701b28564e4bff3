package io.chanops.ledger;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a ledger is, as given by {@code --db}: an SQLite file path (also written {@code jdbc:sqlite:PATH}) or a
 * {@code jdbc:postgresql:} URL. Anything else (another JDBC driver, an in-memory database, a URL without {@code jdbc:})
 * is refused: chanops would otherwise make an SQLite file of that name, or keep its ledger nowhere.
 *
 * @param spec    the value as given
 * @param dialect the database it names
 * @param file    the SQLite file, absolute; null for PostgreSQL
 * @param password a PostgreSQL password from outside the URL ({@link PgPassword}), handed to the driver; null for none
 */
public record LedgerLocation(String spec, Ledger.Dialect dialect, Path file, String password) {
    private static final String POSTGRESQL = "jdbc:postgresql:";
    private static final String SQLITE = "jdbc:sqlite:";
    private static final Pattern URL = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://");
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)([?&;]password=)[^&;]*");
    private static final Pattern USER_INFO = Pattern.compile("(//[^/@:?]*:)[^/@?]*@");
    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    /** Reads {@code --db}; throws {@link IllegalArgumentException} (a usage error) for a value that names no ledger. */
    public static LedgerLocation parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("--db is empty: give a ledger file or a jdbc:postgresql: URL");
        }
        if (spec.startsWith(POSTGRESQL)) {
            return new LedgerLocation(spec, Ledger.Dialect.POSTGRESQL, null, null);
        }
        String lower = spec.toLowerCase(Locale.ROOT);
        String path = spec;
        if (lower.startsWith(SQLITE)) {
            path = spec.substring(SQLITE.length());
        } else if (lower.startsWith("jdbc:postgres://")) {
            throw new IllegalArgumentException("--db " + mask(spec) + ": a chanops ledger is an SQLite file or a "
                    + "jdbc:postgresql: URL: did you mean " + POSTGRESQL
                    + mask(spec.substring("jdbc:postgres:".length()))
                    + "?");
        } else if (lower.startsWith("jdbc:")) {
            throw new IllegalArgumentException("--db " + mask(spec) + ": a chanops ledger is an SQLite file or a "
                    + "jdbc:postgresql: URL, not this JDBC URL");
        } else if (URL.matcher(spec).find()) {
            throw new IllegalArgumentException("--db " + mask(spec) + ": a chanops ledger is an SQLite file or a "
                    + "jdbc:postgresql: URL"
                    + jdbcUrlOf(spec)
                            .map(url -> ": did you mean " + url + "? (a password goes in PGPASSWORD, ~/.pgpass or"
                                    + " db.password of the config file)")
                            .orElse(" (a PostgreSQL URL starts with jdbc:postgresql://)"));
        }
        if (path.isBlank()
                || path.equals(":memory:")
                || path.toLowerCase(Locale.ROOT).startsWith("file:")) {
            throw new IllegalArgumentException("--db " + spec
                    + ": a chanops ledger is a file on disk, not an in-memory " + "database or an SQLite URI");
        }
        try {
            return new LedgerLocation(spec, Ledger.Dialect.SQLITE, Path.of(path).toAbsolutePath(), null);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("--db " + spec + ": not a file path (" + e.getReason() + ")");
        }
    }

    /**
     * The JDBC URL of a PostgreSQL URL as libpq and psql take it ({@code postgresql://user:password@host:port/db?...},
     * or {@code postgres://}): the user as a parameter, since the JDBC driver reads none from before the host, and the
     * password left out. Empty for anything else.
     */
    static Optional<String> jdbcUrlOf(String spec) {
        String lower = spec.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("postgresql://") && !lower.startsWith("postgres://")) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(spec);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String host = uri.getHost() == null ? "localhost" : uri.getHost();
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        List<String> parameters = new ArrayList<>();
        if (uri.getRawUserInfo() != null) {
            String user = uri.getRawUserInfo().split(":", 2)[0];
            if (!user.isEmpty()) {
                parameters.add("user=" + user);
            }
        }
        if (uri.getRawQuery() != null) {
            for (String parameter : uri.getRawQuery().split("&")) {
                if (!parameter.isEmpty() && !parameter.toLowerCase(Locale.ROOT).startsWith("password=")) {
                    parameters.add(parameter);
                }
            }
        }
        return Optional.of(POSTGRESQL + "//" + host + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + path
                + (parameters.isEmpty() ? "" : "?" + String.join("&", parameters)));
    }

    /** This PostgreSQL location with {@code password} given to the driver (the URL, and what is shown, unchanged). */
    public LedgerLocation withPassword(String password) {
        return new LedgerLocation(spec, dialect, file, password);
    }

    /** Never the password: a location may end up in a message or a log. */
    @Override
    public String toString() {
        return display();
    }

    /** The location as shown in messages: the file as given, or the URL with any password replaced by {@code ***}. */
    public String display() {
        if (dialect == Ledger.Dialect.SQLITE) {
            return spec.regionMatches(true, 0, SQLITE, 0, SQLITE.length()) ? spec.substring(SQLITE.length()) : spec;
        }
        return mask(spec);
    }

    /** {@code url} with the password of a {@code password=} parameter or of {@code user:password@} masked. */
    public static String mask(String url) {
        return USER_INFO
                .matcher(PASSWORD_PARAMETER.matcher(url).replaceAll("$1***"))
                .replaceAll("$1***@");
    }

    /** The command that creates a ledger here, to paste into a shell. */
    String initCommand() {
        String db = display();
        return "chanops init --db " + (SHELL_SAFE.matcher(db).matches() ? db : "'" + db.replace("'", "'\\''") + "'");
    }
}
