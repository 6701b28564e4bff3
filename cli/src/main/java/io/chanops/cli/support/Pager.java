package io.chanops.cli.support;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * Standard output through a pager once it grows longer than the screen, as git pages: {@code $PAGER} (run by
 * {@code sh -c}), else {@code less}, with {@code LESS=FRX} when {@code LESS} is not set (quit if one screen, keep
 * colours, leave the text on the screen). Output that fits the screen is printed as it is, when the command ends; the
 * pager starts as soon as the output passes the screen's height, then takes the rest as it comes. Used only when
 * standard output is a terminal ({@link io.chanops.cli.RunContext}); {@code --no-pager}, an empty {@code PAGER} or
 * {@code PAGER=cat} turn it off.
 */
public final class Pager {
    private final PagingStream stream;
    private final CheckedPrintWriter writer;
    private boolean finished;

    private Pager(PagingStream stream) {
        this.stream = stream;
        this.writer = CheckedPrintWriter.of(stream, true);
    }

    /** A pager for {@code terminal} of {@code rows} x {@code columns}; null when the environment turns paging off. */
    public static Pager of(PrintWriter terminal, int rows, int columns, Function<String, String> environment) {
        String command = environment.apply("PAGER");
        if (command == null) {
            if (!onPath("less", environment.apply("PATH"))) {
                return null;
            }
            command = "less";
        }
        if (command.isBlank() || command.strip().equals("cat")) {
            return null;
        }
        String less = environment.apply("LESS");
        return new Pager(new PagingStream(terminal, rows, columns, command.strip(), less == null ? "FRX" : less));
    }

    private static boolean onPath(String program, String path) {
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    /** Where the command writes its standard output while paging is possible. */
    public PrintWriter writer() {
        return writer;
    }

    /** Whether the pager was started (the output was longer than the screen). */
    public boolean started() {
        return stream.process != null;
    }

    /**
     * Ends the output: prints what was held back when it fit the screen, or closes the pager's input and waits for the
     * person to quit it.
     */
    public void finish() {
        if (finished) {
            return;
        }
        finished = true;
        writer.flush();
        stream.finish();
    }

    /** Holds output until it passes the screen, then pipes it (and all that follows) into the pager's process. */
    private static final class PagingStream extends OutputStream {
        private final PrintWriter terminal;
        private final int rows;
        private final int columns;
        private final String command;
        private final String less;
        private final ByteArrayOutputStream held = new ByteArrayOutputStream();
        private int lines;
        private int lineBytes;
        private Process process;
        private OutputStream toPager;

        PagingStream(PrintWriter terminal, int rows, int columns, String command, String less) {
            this.terminal = terminal;
            this.rows = Math.max(2, rows);
            this.columns = Math.max(1, columns);
            this.command = command;
            this.less = less;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (toPager != null) {
                toPager.write(b, off, len);
                return;
            }
            held.write(b, off, len);
            for (int i = off; i < off + len; i++) {
                // a line longer than the screen takes several of its rows (bytes overcount wide text: a safe side)
                if (b[i] == '\n' || ++lineBytes > columns) {
                    lines++;
                    lineBytes = 0;
                }
            }
            if (lines >= rows - 1) {
                start();
            }
        }

        private void start() throws IOException {
            ProcessBuilder pb = new ProcessBuilder(List.of("sh", "-c", command))
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                    .redirectError(ProcessBuilder.Redirect.INHERIT);
            pb.environment().put("LESS", less);
            pb.environment().putIfAbsent("LV", "-c");
            terminal.flush();
            try {
                process = pb.start();
            } catch (IOException e) {
                // no pager to be had (less not installed): the output goes to the terminal as it would without one
                lines = Integer.MIN_VALUE;
                return;
            }
            toPager = process.getOutputStream();
            held.writeTo(toPager);
            held.reset();
        }

        @Override
        public void flush() throws IOException {
            if (toPager != null) {
                toPager.flush();
            } else if (lines < 0) {
                release();
            }
        }

        private void release() {
            terminal.print(held.toString(StandardCharsets.UTF_8));
            terminal.flush();
            held.reset();
        }

        void finish() {
            if (toPager == null) {
                release();
                return;
            }
            try {
                toPager.close();
            } catch (IOException e) {
                // the person quit the pager before the end: what they did not read is not wanted
            }
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
