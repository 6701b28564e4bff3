package io.chanops.ledger;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Waiting for work run on another thread. */
public final class Futures {
    private Futures() {}

    /**
     * The result of {@code f}, once done. A task that failed with an unchecked exception or an error (running out of
     * memory, say) has it rethrown as it was thrown, so that callers and the CLI's exit codes see the real failure, not
     * a {@link CompletionException} around it.
     */
    public static <T> T join(CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}
