package io.chanops.ledger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongConsumer;

/**
 * What long work reports as it goes, without knowing who watches: a bar on a terminal, nothing in cron. Work passes
 * through phases ({@link Phase}); within a phase it reports how much is done ({@link #accept}) out of the total the
 * phase began with (bytes of the file while reading), or only the phase when its size is not known.
 */
public interface WorkProgress extends LongConsumer {
    /** The phases of an import or a reconciliation, in the words a person reads. */
    enum Phase {
        READING("reading"),
        CHECKING("checking"),
        WRITING("writing"),
        COMMITTING("committing");

        private final String label;

        Phase(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Nobody watching. */
    WorkProgress NONE = new WorkProgress() {
        @Override
        public void phase(Phase phase, String what, long total) {}

        @Override
        public void accept(long done) {}
    };

    /**
     * A new phase begins, about {@code what} (a file name, or empty); {@code total} is its size in the units
     * {@link #accept} will report (bytes while reading a file), or -1 when not known.
     */
    void phase(Phase phase, String what, long total);

    /** How much of the current phase is done so far, in the units of its total. */
    @Override
    void accept(long done);

    /**
     * {@code progress} as work with phases: itself when it is one, else one that reports only amounts done to it
     * (phases are dropped), or {@link #NONE} for null. Lets services take any {@code LongConsumer} their callers have.
     */
    static WorkProgress of(LongConsumer progress) {
        if (progress instanceof WorkProgress w) {
            return w;
        }
        if (progress == null) {
            return NONE;
        }
        return new WorkProgress() {
            @Override
            public void phase(Phase phase, String what, long total) {}

            @Override
            public void accept(long done) {
                progress.accept(done);
            }
        };
    }

    /** The size of {@code file} in bytes, -1 when it cannot be told (the reader then reports the problem). */
    static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
