package io.chanops.ledger;

import java.util.Optional;
import java.util.function.Function;

/**
 * Where the password of a PostgreSQL ledger comes from when its URL has none, first found wins: {@code PGPASSWORD},
 * then the config file's {@code db.password}, then the password file ({@code PGPASSFILE}, else {@code ~/.pgpass}),
 * which pgjdbc itself reads as libpq does ({@code PgPasswordTest} holds it to that). The password is handed to the
 * driver, never put into the URL, so it is never shown.
 */
public final class PgPassword {
    private PgPassword() {}

    /**
     * The password to hand to the driver for {@code url}: empty when the URL carries one itself, or when neither
     * {@code PGPASSWORD} nor {@code configPassword} gives one (then the driver looks in the password file).
     *
     * @param env            the environment ({@code PGPASSWORD})
     * @param configPassword the config file's {@code db.password}, or null
     */
    public static Optional<String> resolve(String url, Function<String, String> env, String configPassword) {
        if (!LedgerLocation.mask(url).equals(url)) {
            return Optional.empty(); // the URL's own password
        }
        String fromEnv = env.apply("PGPASSWORD");
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return Optional.of(fromEnv);
        }
        return configPassword == null || configPassword.isEmpty() ? Optional.empty() : Optional.of(configPassword);
    }
}
