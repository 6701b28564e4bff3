package io.chanops.replenish.planning.io;

import io.chanops.ledger.OutputFailedException;
import io.chanops.replenish.planning.PlanResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The plan's files ({@link PlanFiles}) written completely into a new, privately named directory beside DIR, and moved
 * into DIR only by {@link #publish}: a plan whose apply is refused or fails leaves DIR as it was. {@link #close} removes
 * the staging directory and whatever in it was not published.
 */
public final class StagedPlanFiles implements AutoCloseable {
    private final Path dir;
    private final Path staging;

    private StagedPlanFiles(Path dir, Path staging) {
        this.dir = dir;
        this.staging = staging;
    }

    /** Writes the plan's files for {@code dir}, publishing nothing yet. */
    public static StagedPlanFiles write(Path dir, PlanResult plan, boolean bom) {
        Path target = dir.toAbsolutePath().normalize();
        Path staging;
        try {
            Path parent = target.getParent();
            Files.createDirectories(parent);
            // same directory as the target: publishing is a rename, never a copy
            staging = Files.createTempDirectory(parent, "." + target.getFileName() + "-");
        } catch (IOException e) {
            throw new OutputFailedException("cannot write to " + dir + ": " + e.getMessage(), e);
        }
        StagedPlanFiles staged = new StagedPlanFiles(dir, staging);
        try {
            PlanFiles.write(staging, plan, bom);
        } catch (UncheckedIOException e) {
            staged.close();
            throw new OutputFailedException(e.getMessage(), e);
        } catch (RuntimeException e) {
            staged.close();
            throw e;
        }
        return staged;
    }

    /** Moves every staged file into DIR (created if missing), replacing files of the same name. */
    public void publish() {
        try {
            Files.createDirectories(dir);
            for (Path file : files()) {
                Files.move(file, dir.resolve(file.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new OutputFailedException("cannot write to " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Removes the staging directory with anything left in it. */
    @Override
    public void close() {
        try (Stream<Path> all = Files.walk(staging)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a leftover hidden directory is not worth failing a command that did its work
        }
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> files = Files.list(staging)) {
            return files.sorted().toList();
        }
    }
}
