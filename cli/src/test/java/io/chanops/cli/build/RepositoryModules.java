package io.chanops.cli.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The repository's modules, seen from a test that runs in the cli module's folder. */
final class RepositoryModules {
    private RepositoryModules() {}

    /** The repository's root: the folder above the module the tests run in. */
    static Path root() {
        return Path.of("").toAbsolutePath().getParent();
    }

    /** The folder {@code sub} (say {@code src/main}) of every module that has one. */
    static List<Path> folders(String sub) throws IOException {
        try (Stream<Path> modules = Files.list(root())) {
            return modules.map(m -> m.resolve(sub)).filter(Files::isDirectory).toList();
        }
    }
}
