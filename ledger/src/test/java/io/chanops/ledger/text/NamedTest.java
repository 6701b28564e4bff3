package io.chanops.ledger.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NamedTest {
    @Test
    void upToTheFirstAllAreNamedPastThemACount() {
        assertThat(Named.firstOf(List.of(), 2)).isEmpty();
        assertThat(Named.firstOf(List.of("A", "B"), 2)).isEqualTo("A, B");
        assertThat(Named.firstOf(List.of("A", "B", "C", "D"), 2)).isEqualTo("A, B and 2 more");
    }

    @Test
    void theFirstWarningsArePassedOnAndTheRestCounted() {
        List<String> out = new ArrayList<>();
        Named.warnFirst(List.of("w1", "w2", "w3"), 2, "f.csv", "things", out::add);
        assertThat(out).containsExactly("w1", "w2", "f.csv: 1 more things");
        out.clear();
        Named.warnFirst(List.of("w1", "w2"), 2, "f.csv", "things", out::add);
        assertThat(out).containsExactly("w1", "w2");
    }

    @Test
    void aCountTakesItsNounInTheSingularForOne() {
        assertThat(Named.count(1, "store")).isEqualTo("1 store");
        assertThat(Named.count(11, "store")).isEqualTo("11 stores");
    }
}
