package io.chanops.cli.support;

import io.chanops.cli.RunContext;
import io.chanops.ledger.WorkProgress;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of long work on a terminal's standard error, one line rewritten in place: a bar with a total (the file's
 * bytes while reading, drawn by {@code me.tongfei:progressbar}) or, for a phase of unknown size, its label and the
 * time it has taken ({@code writing… 3.4 s}). Nothing is drawn before the work has taken {@link #QUIET} (work under
 * about 2 s leaves nothing on the screen), and the line is erased when the work ends. Nothing at all when standard
 * error is not a terminal (cron, pipes) or with {@code --quiet}.
 */
public final class Progress implements WorkProgress, AutoCloseable {
    static final Duration QUIET = Duration.ofSeconds(2);
    private static final long MB = 1_000_000;

    private final PrintWriter err;
    private final boolean colour;
    private final String unit;
    /** Guards the line on the screen; the bar's drawing thread takes only this lock, never the progress's own. */
    private final Object screen = new Object();

    private final long started = System.nanoTime();
    private final long quietNanos;
    private final ScheduledExecutorService timer;

    private String label;
    private long total;
    private boolean bytes;
    private long done;
    private long phaseStarted = started;
    private ProgressBar bar;
    private boolean drawn;
    private int drawnLength;
    private volatile boolean closed;

    Progress(PrintWriter err, boolean colour, String task, long total, String unit, Duration quiet) {
        this.err = err;
        this.colour = colour;
        this.unit = unit;
        this.label = task;
        this.total = total;
        this.quietNanos = quiet.toNanos();
        if (err == null) {
            timer = null;
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "progress");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(this::tick, quiet.toMillis(), 200, TimeUnit.MILLISECONDS);
    }

    /**
     * Progress of {@code task} for this run: drawn on standard error only when it is a terminal and not --quiet.
     * {@code total} (in {@code unit}) may be -1 when unknown; phases reported by a service replace it.
     */
    public static Progress start(RunContext ctx, String task, long total, String unit) {
        return new Progress(ctx.progressShown() ? ctx.err() : null, ctx.colour(), task, total, unit, QUIET);
    }

    @Override
    public synchronized void phase(Phase phase, String what, long total) {
        if (closed) {
            return;
        }
        finishBar();
        this.label = phase.label() + (what == null || what.isEmpty() ? "" : " " + what);
        this.total = total;
        this.bytes = phase == Phase.READING && total >= 0;
        this.done = 0;
        this.phaseStarted = System.nanoTime();
        if (drawn) {
            draw();
        }
    }

    @Override
    public synchronized void accept(long done) {
        this.done = done;
        if (bar != null) {
            bar.stepTo(bytes ? done / MB : done);
        }
    }

    private synchronized void tick() {
        if (closed || System.nanoTime() - started < quietNanos) {
            return;
        }
        draw();
    }

    /** The current phase: through the bar when it has a total, else as its label and time. */
    private void draw() {
        if (total > 0) {
            if (bar == null) {
                bar = new ProgressBarBuilder()
                        .setTaskName(label)
                        .setInitialMax(bytes ? Math.max(1, total / MB) : total)
                        .setUnit(bytes ? " MB" : " " + unit, 1)
                        .setStyle(colour ? ProgressBarStyle.COLORFUL_UNICODE_BLOCK : ProgressBarStyle.ASCII)
                        .setConsumer(new Line())
                        .setUpdateIntervalMillis(200)
                        .setMaxRenderedLength(79)
                        .startsFrom(0, Duration.ofNanos(System.nanoTime() - phaseStarted))
                        .hideEta()
                        .continuousUpdate()
                        .build();
                bar.stepTo(bytes ? done / MB : done);
            }
            return;
        }
        double seconds = (System.nanoTime() - phaseStarted) / 1e9;
        String text = label + "… " + (done > 0 ? String.format(Locale.ROOT, "%,d %s, ", done, unit) : "")
                + String.format(Locale.ROOT, "%.1f s", seconds);
        show(text);
    }

    /** Rewrites the line in place. */
    private void show(String text) {
        synchronized (screen) {
            showLocked(text);
        }
    }

    private void showLocked(String text) {
        StringBuilder line = new StringBuilder("\r").append(text);
        int gap = drawnLength - DisplayWidth.of(text);
        if (gap > 0) {
            line.append(" ".repeat(gap)).append('\r').append(text);
        }
        err.print(line);
        err.flush();
        drawn = true;
        drawnLength = DisplayWidth.of(text);
    }

    private void erase() {
        synchronized (screen) {
            eraseLocked();
        }
    }

    private void eraseLocked() {
        if (drawn) {
            err.print("\r" + " ".repeat(drawnLength) + "\r");
            err.flush();
            drawnLength = 0;
        }
    }

    private void finishBar() {
        if (bar != null) {
            ProgressBar b = bar;
            bar = null;
            b.close();
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        if (timer != null) {
            timer.shutdownNow();
        }
        synchronized (this) {
            finishBar();
            if (err != null) {
                erase();
            }
        }
    }

    /** Where the bar draws: the run's standard error, its line erased when the bar is done. */
    private final class Line implements ProgressBarConsumer {
        @Override
        public int getMaxRenderedLength() {
            return 78;
        }

        @Override
        public void accept(String rendered) {
            if (!closed) {
                show(rendered);
            }
        }

        @Override
        public void close() {
            erase();
        }
    }
}
