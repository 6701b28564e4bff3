package io.chanops.ledger.master;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.ledger.imports.ImportVoice;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LookAlikeIdsTest {
    private final LookAlikeIds skus = new LookAlikeIds("SKU", "sku");

    private List<String> warnings(Set<String> known, LookAlikeIds.NewId... created) {
        List<String> out = new ArrayList<>();
        skus.warn("catalog.csv", known, List.of(created), ImportVoice.IMPORT, out::add);
        return out;
    }

    /** New ids {@code ids}, on lines 2, 3, ... */
    private static LookAlikeIds.NewId[] newIds(String... ids) {
        return IntStream.range(0, ids.length)
                .mapToObj(i -> new LookAlikeIds.NewId(ids[i], i + 2))
                .toArray(LookAlikeIds.NewId[]::new);
    }

    @Test
    void aNewIdWrittenAsAKnownOneButForCaseOrSeparatorsIsNamedWithIt() {
        assertThat(warnings(Set.of("HS-IP16-128", "SIM-STD"), newIds("hs-ip16-128", "SIMSTD", "HS-IP16-256")))
                .containsExactly(
                        "catalog.csv:2: sku: new SKU 'hs-ip16-128' differs from 'HS-IP16-128' only in case or"
                                + " separators; it is imported as a new SKU: if it means 'HS-IP16-128', correct the file",
                        "catalog.csv:3: sku: new SKU 'SIMSTD' differs from 'SIM-STD' only in case or separators; it is"
                                + " imported as a new SKU: if it means 'SIM-STD', correct the file");
    }

    @Test
    void twoNewIdsOfOneFileWrittenAlikeNameTheEarlierLine() {
        assertThat(warnings(Set.of(), new LookAlikeIds.NewId("AC-CASE", 5), new LookAlikeIds.NewId("ac_case", 9)))
                .containsExactly("catalog.csv:9: sku: new SKU 'ac_case' differs from 'AC-CASE' (line 5) only in case"
                        + " or separators; it is imported as a new SKU: if it means 'AC-CASE', correct the file");
    }

    @Test
    void idsThatDifferOtherwiseAreNotWarnedOf() {
        assertThat(warnings(Set.of("GZ-TH-01", "HS-P70-128"), newIds("GZ-TH-02", "HS-P70-12", "HS-P70-1280")))
                .isEmpty();
    }

    @Test
    void pastTwentyWarningsOneLineCountsTheRest() {
        LookAlikeIds.NewId[] created =
                newIds(IntStream.range(0, 25).mapToObj(i -> "sku-" + i).toArray(String[]::new));
        Set<String> known =
                Set.copyOf(IntStream.range(0, 25).mapToObj(i -> "SKU-" + i).toList());
        List<String> out = warnings(known, created);
        assertThat(out).hasSize(LookAlikeIds.NAMED + 1);
        assertThat(out.get(LookAlikeIds.NAMED))
                .isEqualTo("catalog.csv: 5 more new SKUs differ from another only in case or separators");
    }
}
