package io.chanops.cli.support;

import io.chanops.ledger.OutputFailedException;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A UTF-8 {@link PrintWriter} that keeps the first {@link IOException} its stream threw. A PrintWriter only says that
 * something failed ({@link #checkError}); chanops must tell a full disk (exit 6) from a reader that went away, such
 * as {@code | head} (the command ends quietly).
 */
public final class CheckedPrintWriter extends PrintWriter {
    private final FailureRecorder recorder;

    private CheckedPrintWriter(FailureRecorder recorder, boolean autoFlush) {
        super(recorder, autoFlush);
        this.recorder = recorder;
    }

    public static CheckedPrintWriter of(OutputStream out, boolean autoFlush) {
        return new CheckedPrintWriter(
                new FailureRecorder(new OutputStreamWriter(out, StandardCharsets.UTF_8)), autoFlush);
    }

    /** The first write failure, if any. */
    public Optional<IOException> failure() {
        flush();
        return Optional.ofNullable(recorder.failure);
    }

    /**
     * Flushes {@code out} and throws {@link OutputFailedException} (exit 6, SPEC §3.1) if writing it failed (disk
     * full, I/O error), unless the reading end of a pipe was closed (a reader such as {@code head} that has all it
     * wanted: the command goes on quietly).
     */
    public static void requireWritten(PrintWriter out) {
        if (!out.checkError()) {
            return;
        }
        if (out instanceof CheckedPrintWriter checked) {
            if (checked.closedPipe()) {
                return;
            }
            throw new OutputFailedException("standard output: "
                    + checked.failure().map(Throwable::getMessage).orElse("write failed"));
        }
        throw new OutputFailedException("standard output: write failed");
    }

    /** True when writing failed because the reading end of a pipe was closed. */
    public boolean closedPipe() {
        return failure().map(CheckedPrintWriter::isClosedPipe).orElse(false);
    }

    /** Flushes, then throws the first write failure, if any. */
    public void throwIfFailed() throws IOException {
        Optional<IOException> failed = failure();
        if (failed.isPresent()) {
            throw new IOException(failed.get().getMessage(), failed.get());
        }
    }

    /**
     * EPIPE as the JDK reports it: "Broken pipe" on Unix, "The pipe is being closed" or "... has been ended" on
     * Windows.
     */
    static boolean isClosedPipe(IOException e) {
        String m = e.getMessage();
        return m != null
                && (m.contains("Broken pipe")
                        || m.contains("pipe is being closed")
                        || m.contains("pipe has been ended"));
    }

    private static final class FailureRecorder extends FilterWriter {
        private volatile IOException failure;

        FailureRecorder(Writer out) {
            super(out);
        }

        @Override
        public void write(int c) throws IOException {
            try {
                super.write(c);
            } catch (IOException e) {
                throw remember(e);
            }
        }

        @Override
        public void write(char[] cbuf, int off, int len) throws IOException {
            try {
                super.write(cbuf, off, len);
            } catch (IOException e) {
                throw remember(e);
            }
        }

        @Override
        public void write(String str, int off, int len) throws IOException {
            try {
                super.write(str, off, len);
            } catch (IOException e) {
                throw remember(e);
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                super.flush();
            } catch (IOException e) {
                throw remember(e);
            }
        }

        @Override
        public void close() throws IOException {
            try {
                super.close();
            } catch (IOException e) {
                throw remember(e);
            }
        }

        private IOException remember(IOException e) {
            if (failure == null) {
                failure = e;
            }
            return e;
        }
    }
}
