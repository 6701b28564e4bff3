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

    /**
     * Among a fixed set of words, which is sparse, a slip is forgiven from 3 characters: {@code wbe} is {@code web}.
     */
    @Test
    void amongAFixedSetOfWordsASlipIsForgivenFromThreeCharacters() {
        List<String> channels = List.of("web", "wap", "app", "partner", "hall");
        assertThat(KnownIds.hintAmong(channels, "wbe")).isEqualTo(" (did you mean 'web'?)"); // two swapped
        assertThat(KnownIds.hintAmong(channels, "ap")).isEmpty(); // under 3 characters: none
        assertThat(KnownIds.hintAmong(channels, "wep")).isEmpty(); // 'web' and 'wap' as close
        assertThat(KnownIds.hintAmong(channels, "aps")).isEqualTo(" (did you mean 'app'?)"); // one changed
        assertThat(new KnownIds(channels).closest("wbe")).isEmpty(); // ids stay from 4 characters on
    }

    /** A spreadsheet drops the leading zeros of an id of digits it takes for a number: the padded id is named. */
    @Test
    void anIdOfDigitsWithoutItsLeadingZerosIsTheOneMeant() {
        KnownIds stores = new KnownIds(List.of("0101", "0102", "00012345", "1101", "0007", "007"));
        assertThat(stores.closest("101")).contains("0101"); // however short
        assertThat(stores.closest("12345")).contains("00012345");
        assertThat(stores.closest("012345")).contains("00012345"); // some of them dropped
        assertThat(stores.closest("7")).as("as close to two").isEmpty();
        assertThat(stores.hint("101", ""))
                .isEqualTo(" (did you mean '0101'? its leading zeros are missing, as when a spreadsheet takes an id for"
                        + " a number)");
        assertThat(stores.hint("11101", "")).as("a slip, not zeros").isEqualTo(" (did you mean '1101'?)");
        assertThat(stores.closest("0101")).isEmpty(); // known
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
    void oneSlipIsOneCharacterLeftOutAddedOrChangedOrTwoNeighboursSwapped() {
        assertThat(KnownIds.oneSlip("ABCD", "ABDC")).isTrue();
        assertThat(KnownIds.oneSlip("ABCD", "ABD")).isTrue();
        assertThat(KnownIds.oneSlip("ABD", "ABCD")).isTrue();
        assertThat(KnownIds.oneSlip("ABCD", "XBCD")).isTrue();
        assertThat(KnownIds.oneSlip("ABCD", "ABCDE")).isTrue();
        assertThat(KnownIds.oneSlip("ABCD", "BACDE")).isFalse();
        assertThat(KnownIds.oneSlip("ABCD", "XBCDY")).isFalse();
        assertThat(KnownIds.oneSlip("ABCD", "WXYZ")).isFalse();
        assertThat(KnownIds.oneSlip("A", "ABCDEF")).isFalse();
    }

    @Test
    void slipsAreCountedWithoutSeparatorsAndCase() {
        assertThat(sites.closest("gz-ss01x")).contains("GZ-SS-01"); // GZSS01X: one added to GZSS01, two from GZSS02
        assertThat(new KnownIds(List.of("GZ-SS-01")).closest("gz-s-01")).contains("GZ-SS-01");
    }

    @Test
    void afterManyDifferentUnknownIdsNoMoreAreSearched() {
        KnownIds skus = new KnownIds(List.of("HS-IP16-128"));
        for (int i = 0; i < KnownIds.MAX_SEARCHES; i++) {
            assertThat(skus.closest("UNKNOWN-" + i)).isEmpty();
        }
        assertThat(skus.closest("HS-IP61-128")).isEmpty(); // a slip, but past the searches allowed
        assertThat(skus.closest("HS-IP16-128")).isEmpty(); // known
    }
}
