package io.chanops.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class FuturesTest {
    @Test
    void aTaskFailureIsRethrownAsTheTaskThrewIt() {
        assertThat(Futures.join(CompletableFuture.supplyAsync(() -> 42))).isEqualTo(42);
        assertThatThrownBy(() -> Futures.join(CompletableFuture.supplyAsync(() -> {
                    throw new IllegalArgumentException("bad row");
                })))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("bad row");
        // an error such as running out of memory reaches the CLI as itself, which turns it into its one-line advice
        assertThatThrownBy(() -> Futures.join(CompletableFuture.supplyAsync(() -> {
                    throw new OutOfMemoryError("Java heap space");
                })))
                .isExactlyInstanceOf(OutOfMemoryError.class);
        CompletableFuture<Object> checked = new CompletableFuture<>();
        checked.completeExceptionally(new IOException("disk"));
        assertThatThrownBy(() -> Futures.join(checked))
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(IOException.class);
    }
}
