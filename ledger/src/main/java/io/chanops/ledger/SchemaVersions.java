package io.chanops.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The migration versions bundled with this binary ({@code db/migration/V<n>__*.sql} and Java migrations
 * {@code db.migration.V<n>__*} as class files in the same folder, plus the dialect's own {@code db/sqlite} or
 * {@code db/postgresql}), read without Flyway. Lets a
 * command skip Flyway's start-up (hundreds of milliseconds, paid by every cron run) when the ledger is already at the
 * bundled version; Flyway still runs whenever anything is missing.
 */
final class SchemaVersions {
    private static final String PORTABLE = "db/migration";
    private static final Pattern FILE = Pattern.compile("V(\\d+)__[^$]*\\.(sql|class)");

    private SchemaVersions() {}

    /** Where the dialect's migrations are: the portable ones and the dialect's own (classpath folders). */
    static List<String> locations(Ledger.Dialect dialect) {
        return List.of(PORTABLE, dialect == Ledger.Dialect.SQLITE ? "db/sqlite" : "db/postgresql");
    }

    static Set<Integer> bundled(Ledger.Dialect dialect) {
        Set<Integer> versions = new TreeSet<>();
        for (String location : locations(dialect)) {
            scan(location, versions);
        }
        return versions;
    }

    private static void scan(String location, Set<Integer> versions) {
        try {
            Enumeration<URL> roots = SchemaVersions.class.getClassLoader().getResources(location);
            while (roots.hasMoreElements()) {
                URL url = roots.nextElement();
                if ("jar".equals(url.getProtocol())) {
                    JarURLConnection conn = (JarURLConnection) url.openConnection();
                    conn.setUseCaches(false);
                    try (JarFile jar = conn.getJarFile()) {
                        Enumeration<JarEntry> entries = jar.entries();
                        while (entries.hasMoreElements()) {
                            String name = entries.nextElement().getName();
                            if (name.startsWith(location + "/")) {
                                add(versions, name.substring(location.length() + 1));
                            }
                        }
                    }
                } else if ("file".equals(url.getProtocol())) {
                    try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                        files.forEach(p -> add(versions, p.getFileName().toString()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void add(Set<Integer> versions, String fileName) {
        Matcher m = FILE.matcher(fileName);
        if (m.matches()) {
            versions.add(Integer.parseInt(m.group(1)));
        }
    }
}
