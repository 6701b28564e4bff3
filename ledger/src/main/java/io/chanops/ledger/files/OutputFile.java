package io.chanops.ledger.files;

import io.chanops.ledger.OutputFailedException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * One file of an {@link OutputSet}, checked when it was declared. {@link #write} puts the whole content in a new
 * temporary file beside the target (created exclusively, under an unpredictable name), flushed to disk; the target
 * itself changes only when the set is published.
 */
public final class OutputFile {
    /** Who may read the file. */
    public enum Access {
        /** Owner only (0600): files holding unmasked phone numbers, rejects files. */
        OWNER_ONLY,
        /** As the user's umask allows (0644 under the usual 022). */
        DEFAULT
    }

    /** Writes the file's content; {@code out} is buffered, and closing it only flushes. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes the file's content by its path: a program that writes a file of its own (SQLite's VACUUM INTO). */
    @FunctionalInterface
    public interface PathContent {
        void writeTo(Path temp) throws IOException;
    }

    /** Either kind of content, given the temporary file's path and an open channel on it. */
    @FunctionalInterface
    private interface TempContent {
        void writeTo(Path temp, FileChannel channel) throws IOException;
    }

    private final OutputSet set;
    private final Path target;
    private final Path resolved;
    private Path temp;
    private boolean published;

    OutputFile(OutputSet set, Path target, Path resolved) {
        this.set = set;
        this.target = target;
        this.resolved = resolved;
    }

    /** The path as the user gave it. */
    public Path target() {
        return target;
    }

    /**
     * Refuses (exit 2) to replace the target when it exists, is not empty and does not hold {@code kind}: a report
     * replaces an earlier copy of itself, never a moves file, a BOSS export or someone's workbook. A target that does
     * not exist yet, or that cannot be read (the write then says why), passes. Called before the content is made;
     * returns this file.
     */
    public OutputFile requireReplaceable(OutputKind kind) {
        if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            return this;
        }
        byte[] head;
        try {
            head = FileHead.read(target);
        } catch (IOException e) {
            return this;
        }
        if (head.length == 0) {
            return this;
        }
        boolean same;
        try {
            same = kind.matches(head, target);
        } catch (IOException | UncheckedIOException e) {
            same = false;
        }
        if (!same) {
            throw new OutputRefusedException(target + ": already holds other data (" + FileHead.describe(head)
                    + "), not what this command writes there (" + kind.describe() + "): refusing to replace it; delete"
                    + " it or give another name");
        }
        return this;
    }

    /**
     * Writes the whole file to its temporary file. A failure (disk full, permission, a write error of {@code content})
     * removes the temporary file and is an {@link OutputFailedException} naming the target (exit 6).
     */
    public void write(Access access, Content content) {
        produce(access, (temp, channel) -> {
            OutputStream out = new FlushOnClose(new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16));
            content.writeTo(out);
            out.flush();
        });
    }

    /**
     * As {@link #write}, for content written by path into the temporary file, which exists and is empty when {@code
     * content} starts; it is flushed to disk afterwards.
     */
    public void fill(Access access, PathContent content) {
        produce(access, (temp, channel) -> content.writeTo(temp));
    }

    private void produce(Access access, TempContent content) {
        OutputSet.Temp t = set.openTemp(this, access);
        try (FileChannel channel = t.channel()) {
            content.writeTo(t.path(), channel);
            channel.force(true);
        } catch (IOException | UncheckedIOException e) {
            set.discardTemp(t.path());
            throw new OutputFailedException(target + ": " + reason(e), e);
        } catch (RuntimeException | Error e) {
            set.discardTemp(t.path());
            throw e;
        }
        set.written(this, t.path());
    }

    Path resolved() {
        return resolved;
    }

    /** The temporary file holding the written content, or null while nothing was written. */
    Path temp() {
        return temp;
    }

    void temp(Path temp) {
        this.temp = temp;
    }

    boolean published() {
        return published;
    }

    void markPublished() {
        published = true;
        temp = null;
    }

    /** An I/O failure in words: what the operating system said, or what the exception type means. */
    static String reason(Throwable e) {
        Throwable cause = e instanceof UncheckedIOException u && u.getCause() != null ? u.getCause() : e;
        if (cause instanceof FileSystemException f) {
            if (f.getReason() != null) {
                return f.getReason();
            }
            if (f instanceof AccessDeniedException) {
                return "permission denied";
            }
            if (f instanceof NoSuchFileException) {
                return "no such file or directory";
            }
            if (f instanceof FileAlreadyExistsException) {
                return "already exists";
            }
            if (f instanceof NotDirectoryException) {
                return "not a directory";
            }
            if (f instanceof DirectoryNotEmptyException) {
                return "directory not empty";
            }
        }
        return cause.getMessage() != null
                ? cause.getMessage()
                : cause.getClass().getSimpleName();
    }
}
