package io.chanops.ledger.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The files a command must never write over: the ledger (with its {@code -wal}, {@code -shm} and {@code -journal}
 * companions) and the command's own inputs. Paths are compared as the file system resolves them (a different
 * spelling, a symbolic link in a parent or to the file, a hard link), not as they were typed.
 */
public final class OutputGuard {
    /** Guards nothing: for writers whose caller has no ledger file and no inputs to protect. */
    public static final OutputGuard NONE = new OutputGuard(List.of());

    private static final List<String> LEDGER_COMPANIONS = List.of("", "-wal", "-shm", "-journal");

    private record Protected(Path path, Path resolved, String what) {}

    private final List<Protected> protectedFiles;

    private OutputGuard(List<Protected> protectedFiles) {
        this.protectedFiles = List.copyOf(protectedFiles);
    }

    /** Protects the ledger file (if {@code ledgerFile} is present) and every input. */
    public static OutputGuard of(Optional<Path> ledgerFile, Collection<Path> inputs) {
        List<Protected> files = new ArrayList<>();
        ledgerFile.ifPresent(ledger -> {
            for (String suffix : LEDGER_COMPANIONS) {
                Path p = ledger.resolveSibling(ledger.getFileName() + suffix);
                files.add(new Protected(
                        p, resolved(p), "the ledger" + (suffix.isEmpty() ? "" : "'s " + suffix + " file")));
            }
        });
        for (Path input : inputs) {
            files.add(new Protected(input, resolved(input), "an input of this command"));
        }
        return new OutputGuard(files);
    }

    public static OutputGuard inputs(Path... inputs) {
        return of(Optional.empty(), List.of(inputs));
    }

    /**
     * The SQLite file a ledger location names ({@code PATH} or {@code jdbc:sqlite:PATH}); empty for a server
     * ({@code jdbc:postgresql:...}) or any other URL.
     */
    public static Optional<Path> ledgerFile(String location) {
        if (location == null || location.isBlank()) {
            return Optional.empty();
        }
        if (location.startsWith("jdbc:sqlite:")) {
            return Optional.of(Path.of(location.substring("jdbc:sqlite:".length())));
        }
        if (location.startsWith("jdbc:")) {
            return Optional.empty();
        }
        return Optional.of(Path.of(location));
    }

    /** Refuses {@code target} if it is a protected file. */
    void check(Path target) {
        Path resolved = resolved(target);
        for (Protected p : protectedFiles) {
            if (resolved.equals(p.resolved()) || sameExistingFile(target, p.path())) {
                throw new OutputRefusedException(target + ": refusing to write over " + p.what());
            }
        }
    }

    /**
     * The absolute path with every symbolic link in its directories resolved (as far as they exist); the last name is
     * kept as it is, so that a file which does not exist yet (a WAL file, a report) compares too.
     */
    static Path resolved(Path path) {
        Path absolute = path.toAbsolutePath();
        Path name = absolute.getFileName();
        if (name == null) {
            return absolute;
        }
        Path existing = absolute.getParent();
        Path rest = Path.of("");
        while (existing != null && !Files.isDirectory(existing)) {
            rest = existing.getFileName().resolve(rest);
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute.normalize();
        }
        try {
            return existing.toRealPath().resolve(rest).resolve(name).normalize();
        } catch (IOException e) {
            return absolute.normalize();
        }
    }

    private static boolean sameExistingFile(Path a, Path b) {
        if (!Files.exists(a, LinkOption.NOFOLLOW_LINKS) || !Files.exists(b)) {
            return false;
        }
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}
