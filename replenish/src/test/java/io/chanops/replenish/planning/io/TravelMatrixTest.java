package io.chanops.replenish.planning.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chanops.ledger.InputRejectedException;
import io.chanops.ledger.model.Site;
import io.chanops.ledger.testing.TestLedgers;
import io.chanops.replenish.planning.domain.TravelTimes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TravelMatrixTest {
    @TempDir
    Path dir;

    private static Site site(String id, Double lat, Double lon) {
        return new Site(
                id,
                id,
                id.startsWith("WH") ? Site.Kind.WAREHOUSE : Site.Kind.STORE,
                "gz",
                null,
                null,
                lat,
                lon,
                null,
                null);
    }

    private final Map<String, Site> sites = Map.of(
            "WH", site("WH", 23.0, 113.0),
            "A", site("A", 23.1, 113.0),
            "NOCOORD", site("NOCOORD", null, null));

    /** A matrix.csv of {@code lines} (the first the header), read for {@link #sites}. */
    private MatrixFile.Entries matrix(String... lines) {
        return MatrixFile.read(TestLedgers.write(dir, "matrix.csv", lines), StandardCharsets.UTF_8, sites, w -> {});
    }

    @Test
    void matrixRowIsUsedExactlyInsteadOfGreatCircle() {
        MatrixFile.Entries m = matrix("from,to,minutes,km", "WH,A,7.4,3");
        TravelTimes t = TravelMatrix.build(List.of("WH", "A"), sites, m, 30);
        assertThat(t.minutes(0, 1)).isEqualTo(7);
        assertThat(t.minutes(1, 0)).as("reverse row serves when missing").isEqualTo(7);
        assertThat(t.minutes(0, 0)).isZero();
    }

    @Test
    void missingPairsFallBackToGreatCircleAtTheGivenSpeed() {
        TravelTimes t = TravelMatrix.build(List.of("WH", "A"), sites, MatrixFile.Entries.none(), 30);
        // 0.1 degree of latitude is about 11.1 km: 22 minutes at 30 km/h
        assertThat(t.minutes(0, 1)).isEqualTo(22);
    }

    @Test
    void siteWithoutCoordinatesAndNoRowIsRejectedNamingThePair() {
        assertThatThrownBy(() -> TravelMatrix.build(List.of("WH", "NOCOORD"), sites, MatrixFile.Entries.none(), 30))
                .isInstanceOf(InputRejectedException.class)
                .satisfies(
                        e -> assertThat(((InputRejectedException) e).problems().toString())
                                .contains("no row WH -> NOCOORD"));
    }

    @Test
    void siteWithoutCoordinatesIsFineWhenTheMatrixCoversIt() {
        MatrixFile.Entries m = matrix("from,to,minutes", "NOCOORD,WH,12");
        assertThat(TravelMatrix.build(List.of("WH", "NOCOORD"), sites, m, 30).minutes(0, 1))
                .isEqualTo(12);
    }

    @Test
    void duplicatePairAndNegativeMinutesAreLocated() {
        assertThatThrownBy(() -> matrix("from,to,minutes", "WH,A,5", "WH,A,6", "A,WH,-2", "NOCOORD,A,99999999999"))
                .isInstanceOf(InputRejectedException.class)
                .satisfies(
                        e -> assertThat(((InputRejectedException) e).problems().toString())
                                .contains("matrix.csv:3: to: WH -> A already given on line 2")
                                .contains("matrix.csv:4: minutes: '-2'")
                                .contains("matrix.csv:5: minutes: '99999999999': must be at most 100000"));
    }
}
