package io.chanops.cli.support;

import io.chanops.cli.UserException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * Settings from {@code chanops.properties}: {@code --config FILE}, else {@code ./chanops.properties}, else
 * {@code ~/.config/chanops/chanops.properties}; none at all is fine. Command-line options always win.
 */
public final class Config {
    private final Properties properties;
    private final Path source;

    private Config(Properties properties, Path source) {
        this.properties = properties;
        this.source = source;
    }

    public static Config empty() {
        return new Config(new Properties(), null);
    }

    public static Config load(Path explicit) {
        if (explicit != null) {
            if (!Files.isRegularFile(explicit)) {
                throw UserException.usage("--config " + explicit + ": no such file");
            }
            return read(explicit);
        }
        Path local = Path.of("chanops.properties");
        if (Files.isRegularFile(local)) {
            return read(local);
        }
        Path home = Path.of(System.getProperty("user.home"), ".config", "chanops", "chanops.properties");
        return Files.isRegularFile(home) ? read(home) : empty();
    }

    private static Config read(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw UserException.usage("cannot read config " + file + ": " + e.getMessage());
        }
        return new Config(p, file);
    }

    /** The raw settings, for picocli's properties default provider. */
    public Properties properties() {
        return properties;
    }

    public Optional<String> get(String key) {
        String v = properties.getProperty(key);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }

    public String get(String key, String fallback) {
        return get(key).orElse(fallback);
    }

    public int getInt(String key, int fallback) {
        Optional<String> v = get(key);
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.get());
        } catch (NumberFormatException e) {
            throw UserException.usage(where() + key + "=" + v.get() + " is not a whole number");
        }
    }

    /** Prefix for messages about a bad setting: the config file it came from. */
    public String where() {
        return source == null ? "" : source + ": ";
    }
}
