package io.chanops.ledger.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NamedTest {
    @Test
    void upToTheFirstAllAreNamedPastThemACount() {
        assertThat(Named.firstOf(List.of(), 2)).isEmpty();
        assertThat(Named.firstOf(List.of("A", "B"), 2)).isEqualTo("A, B");
        assertThat(Named.firstOf(List.of("A", "B", "C", "D"), 2)).isEqualTo("A, B and 2 more");
    }
}
