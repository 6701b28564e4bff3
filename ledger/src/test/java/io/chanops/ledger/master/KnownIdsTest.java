package io.chanops.ledger.master;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KnownIdsTest {
    private final KnownIds sites = new KnownIds(List.of("GZ-SS-01", "GZ-SS-02", "GZ-WH", "SZ-FT-P1", "S1", "S2"));

    @Test
    void anIdInAnotherCaseOrWithoutItsSeparatorsIsTheOneMeant() {
        assertThat(sites.closest("gz-wh")).contains("GZ-WH");
        assertThat(sites.closest("GZWH")).contains("GZ-WH");
        assertThat(sites.closest("gz_ss_01")).contains("GZ-SS-01");
        assertThat(sites.closest("s1")).contains("S1"); // however short
    }

    @Test
    void oneSlipIsForgivenFromFourCharacters() {
        assertThat(sites.closest("GZ-W")).contains("GZ-WH"); // left out
        assertThat(sites.closest("SZ-TF-P1")).contains("SZ-FT-P1"); // two swapped: one slip
        assertThat(sites.closest("SZ-FT-PP1")).contains("SZ-FT-P1"); // one added
        assertThat(sites.closest("SZ-FX-P1")).contains("SZ-FT-P1"); // one changed
        assertThat(sites.closest("SX-FT-Q1")).isEmpty(); // two changed
        assertThat(sites.closest("S3")).isEmpty(); // under 4 characters: none
    }

    @Test
    void anotherNumberIsNotASlip() {
        KnownIds one = new KnownIds(List.of("GZ-TH-01", "SZ-FT-P1"));
        assertThat(one.closest("GZ-TH-03")).isEmpty(); // most likely a store not imported yet
        assertThat(one.closest("GZ-TH-99")).isEmpty();
        assertThat(one.closest("SZ-FT-P2")).isEmpty();
        assertThat(one.closest("GZ-TH-1")).contains("GZ-TH-01"); // a digit left out is a slip
        assertThat(one.closest("GZ-TH-0I")).contains("GZ-TH-01"); // a letter for a digit too
        assertThat(one.closest("GZ-TH-10")).contains("GZ-TH-01"); // two digits swapped
    }

    @Test
    void anIdAsCloseToTwoKnownOnesNamesNeither() {
        assertThat(sites.closest("GZ-SS-0")).isEmpty(); // a digit left out of GZ-SS-01 or of GZ-SS-02
        assertThat(sites.hint("GZ-SS-0", " (import it first)")).isEqualTo(" (import it first)");
    }

    @Test
    void aKnownIdHasNoSuggestionAndTheHintNamesTheOneMeant() {
        assertThat(sites.closest("GZ-WH")).isEmpty();
        assertThat(sites.hint("gz-wh", "")).isEqualTo(" (did you mean 'GZ-WH'?)");
    }

    @Test
    void theDistanceCountsInsertionsDeletionsChangesAndSwapsUpToTheLimit() {
        assertThat(KnownIds.distance("abcd", "abcd", 2)).isZero();
        assertThat(KnownIds.distance("abcd", "abdc", 2)).isEqualTo(1);
        assertThat(KnownIds.distance("abcd", "abd", 2)).isEqualTo(1);
        assertThat(KnownIds.distance("abcd", "xbcdy", 2)).isEqualTo(2);
        assertThat(KnownIds.distance("abcd", "wxyz", 2)).isEqualTo(3); // past the limit: limit + 1
        assertThat(KnownIds.distance("a", "abcdef", 2)).isEqualTo(3);
    }
}
