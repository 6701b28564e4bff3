package io.chanops.ledger.files;

import io.chanops.ledger.OutputFailedException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The files one command writes (SPEC §3.1 "Files written"), published all together or not at all.
 *
 * <ol>
 *   <li>Declare every file (and output directory) before any work: {@link #file} and {@link #directory} refuse, with
 *       an {@link OutputRefusedException} (exit 2), a target that exists and is not a regular file (directory, device,
 *       FIFO, socket, symbolic link), the ledger, an input of the command, a file given twice, or a file whose
 *       directory does not exist; a directory that cannot be written is an {@link OutputFailedException} (exit 6).</li>
 *   <li>Write each file with {@link OutputFile#write}: a temporary file, created exclusively under an unpredictable
 *       name in the target's directory, written and flushed to disk. A command that also commits to the ledger writes
 *       its files inside its transaction, before the commit: a file that cannot be written commits nothing.</li>
 *   <li>{@link #publish}: each written file is renamed onto its target (atomic within a directory). A command that
 *       commits publishes as the last step of its transaction: a crash between the renames and the commit leaves
 *       files of a run the ledger does not have (the next run replaces them), never a committed run without its
 *       files.</li>
 *   <li>{@link #close}: removes whatever was not published (temporary files, a new output directory left empty).
 *       Until then a shutdown hook does the same if the JVM is stopped (SIGTERM, Ctrl-C); after a SIGKILL, hidden
 *       {@code .NAME.RANDOM.tmp} files may remain, never a half-written target.</li>
 * </ol>
 */
public final class OutputSet implements AutoCloseable {
    /** Longest part of the target's name kept in a temporary file's name (file names are limited to 255 bytes). */
    private static final int NAME_IN_TEMP = 100;

    private static final int TEMP_ATTEMPTS = 10;

    /** A temporary file just created for writing. */
    record Temp(Path path, FileChannel channel) {}

    private final OutputGuard guard;
    private final SecureRandom random = new SecureRandom();
    private final List<OutputFile> files = new ArrayList<>();
    private final List<Path> obsolete = new ArrayList<>();
    private final Set<Path> targets = new HashSet<>();
    private final Set<Path> temps = new LinkedHashSet<>();
    private final Set<Path> directoriesToCreate = new LinkedHashSet<>();
    private final List<Path> createdDirectories = new ArrayList<>();
    private Thread shutdownHook;
    private boolean closed;

    public OutputSet(OutputGuard guard) {
        this.guard = guard;
    }

    /** Declares a file this command will write; see the class comment for what is refused. */
    public synchronized OutputFile file(Path target) {
        Path resolved = OutputGuard.resolved(target);
        guard.check(target);
        Path dir = resolved.getParent();
        if (!directoriesToCreate.contains(dir)) {
            requireWritableDirectory(target, dir);
        }
        refuseUnlessRegularOrMissing(target);
        if (!targets.add(resolved)) {
            throw new OutputRefusedException(target + ": given as two outputs of one command");
        }
        OutputFile file = new OutputFile(this, target, resolved);
        files.add(file);
        return file;
    }

    /**
     * Declares a directory whose files this command writes: an existing directory (not a symbolic link), or a new one
     * in an existing directory, created when its first file is written and removed again if nothing is published.
     */
    public synchronized Path directory(Path dir) {
        Path resolved = OutputGuard.resolved(dir);
        guard.check(dir);
        BasicFileAttributes a = attributes(dir);
        if (a == null) {
            requireWritableDirectory(dir, resolved.getParent());
            directoriesToCreate.add(resolved);
        } else if (a.isSymbolicLink()) {
            throw new OutputRefusedException(dir + ": is a symbolic link; give the directory itself");
        } else if (!a.isDirectory()) {
            throw new OutputRefusedException(dir + ": is not a directory");
        } else if (!Files.isWritable(dir)) {
            throw new OutputFailedException(dir + ": directory is not writable");
        }
        return dir;
    }

    /**
     * Declares a file of this command's set that this run does not write ({@code resolved-late.csv} of a reconcile run
     * without --carry): a copy an earlier run left there is removed when the outputs are published, so that a directory
     * never mixes the files of two runs. Only a regular file is removed; anything else there is left alone.
     */
    public synchronized void obsolete(Path target) {
        try {
            guard.check(target);
        } catch (OutputRefusedException e) {
            return; // the ledger or an input of the command: never removed
        }
        obsolete.add(OutputGuard.resolved(target));
    }

    /**
     * Renames every written, unpublished file onto its target, then removes the {@link #obsolete} files. Every target is checked first (a directory that
     * appeared at a target meanwhile would fail its rename): all are published or, if one cannot be, none is.
     */
    public synchronized void publish() {
        if (closed) {
            throw new OutputFailedException("the command is stopping: nothing published");
        }
        List<OutputFile> ready =
                files.stream().filter(f -> f.temp() != null && !f.published()).toList();
        for (OutputFile f : ready) {
            if (Files.isDirectory(f.resolved(), LinkOption.NOFOLLOW_LINKS)) {
                throw new OutputFailedException(
                        f.target() + ": became a directory while the command ran; nothing published");
            }
        }
        Set<Path> dirs = new LinkedHashSet<>();
        for (OutputFile f : ready) {
            Path temp = f.temp();
            try {
                Files.move(temp, f.resolved(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new OutputFailedException(f.target() + ": " + OutputFile.reason(e), e);
            }
            temps.remove(temp);
            f.markPublished();
            dirs.add(f.resolved().getParent());
        }
        for (Path stale : obsolete) {
            BasicFileAttributes a = attributes(stale);
            if (a != null && a.isRegularFile()) {
                try {
                    Files.deleteIfExists(stale);
                } catch (IOException e) {
                    throw new OutputFailedException(
                            stale + ": an earlier run's file cannot be removed: " + OutputFile.reason(e), e);
                }
                dirs.add(stale.getParent());
            }
        }
        obsolete.clear();
        dirs.forEach(OutputSet::syncDirectory);
    }

    /** Removes every temporary file not published, and new output directories left empty. */
    @Override
    public synchronized void close() {
        discard();
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook runs (or ran) discard() itself
            }
            shutdownHook = null;
        }
    }

    /** Creates the temporary file for {@code file} (and its new directory, the first time). */
    synchronized Temp openTemp(OutputFile file, OutputFile.Access access) {
        if (closed) {
            throw new OutputFailedException(file.target() + ": not written: the command is stopping");
        }
        if (file.temp() != null || file.published()) {
            throw new IllegalStateException(file.target() + " is written twice");
        }
        Path dir = file.resolved().getParent();
        try {
            if (directoriesToCreate.contains(dir) && !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectory(dir);
                createdDirectories.add(dir);
            }
            FileAttribute<?>[] attributes = attributes(dir, access);
            for (int attempt = 1; ; attempt++) {
                Path temp = dir.resolve(tempName(file.resolved().getFileName().toString()));
                try {
                    // CREATE_NEW is O_CREAT|O_EXCL: it never opens an existing file, nor follows a symbolic link
                    FileChannel channel = FileChannel.open(
                            temp, EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attributes);
                    temps.add(temp);
                    registerShutdownHook();
                    return new Temp(temp, channel);
                } catch (FileAlreadyExistsException e) {
                    if (attempt == TEMP_ATTEMPTS) {
                        throw e;
                    }
                }
            }
        } catch (IOException e) {
            throw new OutputFailedException(file.target() + ": " + OutputFile.reason(e), e);
        }
    }

    synchronized void written(OutputFile file, Path temp) {
        if (closed) {
            deleteQuietly(temp);
            throw new OutputFailedException(file.target() + ": not written: the command is stopping");
        }
        file.temp(temp);
    }

    synchronized void discardTemp(Path temp) {
        temps.remove(temp);
        deleteQuietly(temp);
    }

    private synchronized void discard() {
        closed = true;
        for (Path temp : temps) {
            deleteQuietly(temp);
        }
        temps.clear();
        for (int i = createdDirectories.size() - 1; i >= 0; i--) {
            try {
                Files.deleteIfExists(createdDirectories.get(i));
            } catch (DirectoryNotEmptyException e) {
                // something was published into it, or someone else put a file there: keep it
            } catch (IOException e) {
                // a leftover empty directory is not worth failing for
            }
        }
        createdDirectories.clear();
    }

    private void registerShutdownHook() {
        if (shutdownHook == null) {
            shutdownHook = new Thread(this::discard, "chanops-output-cleanup");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
    }

    private String tempName(String name) {
        byte[] bytes = new byte[8];
        random.nextBytes(bytes);
        String kept = name.length() > NAME_IN_TEMP ? name.substring(0, NAME_IN_TEMP) : name;
        return "." + kept + "." + HexFormat.of().formatHex(bytes) + ".tmp";
    }

    private static FileAttribute<?>[] attributes(Path dir, OutputFile.Access access) {
        if (access == OutputFile.Access.OWNER_ONLY
                && dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            // the mode is given at creation (and the umask can only take bits away): never readable by others, not even
            // briefly
            return new FileAttribute<?>[] {
                PosixFilePermissions.asFileAttribute(
                        EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE))
            };
        }
        return new FileAttribute<?>[0];
    }

    private static void refuseUnlessRegularOrMissing(Path target) {
        BasicFileAttributes a = attributes(target);
        if (a == null || a.isRegularFile()) {
            return;
        }
        if (a.isSymbolicLink()) {
            throw new OutputRefusedException(target + ": is a symbolic link; refusing to write through it");
        }
        if (a.isDirectory()) {
            throw new OutputRefusedException(target + ": is a directory; give a file name");
        }
        throw new OutputRefusedException(
                target + ": is not a regular file (a device, FIFO or socket); refusing to replace it");
    }

    private static void requireWritableDirectory(Path target, Path dir) {
        if (dir == null || !Files.isDirectory(dir)) {
            Path shown = target.toAbsolutePath().getParent();
            throw new OutputRefusedException(target + ": " + shown
                    + (dir != null && Files.exists(dir) ? " is not a directory" : ": no such directory"));
        }
        if (!Files.isWritable(dir)) {
            throw new OutputFailedException(target + ": directory " + dir + " is not writable");
        }
    }

    /** The attributes of {@code path} itself (a symbolic link is not followed), or null if nothing is there. */
    private static BasicFileAttributes attributes(Path path) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new OutputFailedException(path + ": " + OutputFile.reason(e), e);
        }
    }

    /** Makes the renames durable; not every platform can open a directory, and then there is nothing to do. */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // the rename itself is done; only its durability across a power cut is at stake
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // best effort: a hidden temporary file may remain
        }
    }
}
