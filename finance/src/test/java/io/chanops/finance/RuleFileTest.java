package io.chanops.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chanops.ledger.InputRejectedException;
import io.chanops.ledger.Problem;
import io.chanops.ledger.testing.TestLedgers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleFileTest {
    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    private List<CommissionRule> read(String... lines) {
        List<String> all = new ArrayList<>(List.of(Rules.HEADER));
        all.addAll(List.of(lines));
        Path file = TestLedgers.write(dir, "rules.csv", all.toArray(String[]::new));
        return RuleFile.read(
                file,
                StandardCharsets.UTF_8,
                new RuleFile.MasterData(
                        Map.of("GZ-TH-01", "hall", "GZ-PY-P1", "partner"),
                        Map.of("HS-IP16-128", "handset", "SIM-STD", "sim")),
                warnings::add);
    }

    private List<String> problems(String... lines) {
        try {
            read(lines);
        } catch (InputRejectedException e) {
            return e.problems().stream().map(Problem::toString).toList();
        }
        throw new AssertionError("file was accepted");
    }

    @Test
    void theSampleRuleFileIsValid() {
        List<CommissionRule> rules = RuleFile.read(
                TestLedgers.sample("commission-rules.csv"),
                StandardCharsets.UTF_8,
                RuleFile.MasterData.none(),
                warnings::add);
        assertThat(rules).hasSizeGreaterThan(10);
        assertThat(rules).extracting(CommissionRule::basis).contains(Basis.PERCENT, Basis.FIXED, Basis.TIERED);
    }

    @Test
    void readsEachBasis() {
        List<CommissionRule> rules = read(
                "P,,,handset,,percent,2.5,,,,30",
                "F,hall,,contract,,fixed,80.00,,2026-01-01,2026-12-31,",
                "T,,,sim,,tiered,,1-100:10.00;101-300:12.00;301-:15.00,,,60");
        assertThat(rules.get(0).percent()).isEqualByComparingTo("2.5");
        assertThat(rules.get(0).clawbackDays()).isEqualTo(30);
        assertThat(rules.get(1).fixedFen()).isEqualTo(8000);
        assertThat(rules.get(1).clawbackDays()).isNull();
        assertThat(rules.get(2).tiers())
                .containsExactly(new Tier(1, 100L, 1000), new Tier(101, 300L, 1200), new Tier(301, null, 1500));
        assertThat(rules.get(2).line()).isEqualTo(4);
    }

    @Test
    void everyBadCellIsLocatedAsFileLineColumn() {
        List<String> p = problems(
                "A,shop,,gadget,,percent,abc,,2026-13-01,,x",
                "B,,,handset,,fixed,,,,,",
                "C,,,sim,,tiered,5,1-100:10.00;150-:12.00,,,",
                "D,,,,,bonus,1,,2026-02-01,2026-01-01,",
                "E,partners,,handsets,,percnt,1,,2026-02-01,,");
        String f = dir.resolve("rules.csv").toString();
        assertThat(p)
                .contains(
                        f + ":2: channel: 'shop' is not hall, partner, e-channel or self-service (or empty for any)",
                        f + ":2: type: 'gadget' is not handset, accessory, sim, plan or contract (or empty for any)",
                        f + ":2: rate: 'abc' is not a percent like 2.5 (at most 4 decimals)",
                        f + ":2: valid_from: '2026-13-01' is not a date YYYY-MM-DD: there is no month 13",
                        f + ":5: basis: 'bonus' is not percent, fixed or tiered",
                        f + ":5: valid_to: 2026-01-01 is before valid_from 2026-02-01",
                        f + ":6: channel: 'partners' is not hall, partner, e-channel or self-service (or empty for any)"
                                + " (did you mean 'partner'?)",
                        f + ":6: type: 'handsets' is not handset, accessory, sim, plan or contract (or empty for any)"
                                + " (did you mean 'handset'?)",
                        f + ":6: basis: 'percnt' is not percent, fixed or tiered (did you mean 'percent'?)");
        assertThat(p).anyMatch(s -> s.startsWith(f + ":2: clawback_days:"));
        assertThat(p).anyMatch(s -> s.startsWith(f + ":3: rate: is empty"));
        assertThat(p).anyMatch(s -> s.startsWith(f + ":4: rate: a tiered rule"));
        assertThat(p).anyMatch(s -> s.startsWith(f + ":4: tiers: band '150-:12.00' should start at 101"));
    }

    @Test
    void tiersMustEndOpen() {
        assertThat(problems("T,,,sim,,tiered,,1-100:10.00;101-300:12.00,,,"))
                .anyMatch(s -> s.contains("the last band must be open-ended"));
        assertThat(problems("T,,,sim,,tiered,,2-100:10.00;101-:12.00,,,"))
                .anyMatch(s -> s.contains("should start at 1"));
    }

    @Test
    void duplicateRuleIdsAreRejected() {
        assertThat(problems("A,,,sim,,fixed,1.00,,,,", "A,,,handset,,fixed,1.00,,,,"))
                .contains(dir.resolve("rules.csv") + ":3: rule_id: duplicate rule id 'A' (first on line 2)");
    }

    @Test
    void ambiguousRulesAreRejectedNamingBoth() {
        List<String> p = problems(
                "H1,hall,,handset,,percent,1,,2026-01-01,2026-06-30,", "H2,hall,,handset,,percent,2,,2026-06-01,,");
        assertThat(p)
                .singleElement()
                .satisfies(s -> assertThat(s)
                        .startsWith(dir.resolve("rules.csv") + ":3: rule_id: rule H2 overlaps rule H1 (line 2)")
                        .contains("type+channel"));
    }

    @Test
    void sameSpecificityForDifferentChannelsOrDisjointDatesIsFine() {
        assertThat(read(
                        "H1,hall,,handset,,percent,1,,2026-01-01,2026-05-31,",
                        "H2,hall,,handset,,percent,2,,2026-06-01,,",
                        "P1,partner,,handset,,percent,3,,,,",
                        "S1,,GZ-TH-01,handset,,percent,4,,,,"))
                .hasSize(4);
    }

    @Test
    void aRuleWithAnEmptyFieldOverlapsOneThatSetsItAtTheSameLevel() {
        // both type-level and site-level; one also names the channel: an order at GZ-TH-01 (hall) matches both
        assertThat(problems("A,,GZ-TH-01,handset,,percent,1,,,,", "B,hall,GZ-TH-01,handset,,percent,2,,,,"))
                .anyMatch(s -> s.contains("rule B overlaps rule A"));
    }

    @Test
    void rulesThatCouldNeverMatchAreRejectedAndUnknownMasterDataWarned() {
        assertThat(problems("A,partner,GZ-TH-01,,,fixed,1.00,,,,"))
                .anyMatch(s -> s.contains("channel: site GZ-TH-01 is in channel hall, not partner"));
        assertThat(problems("A,,,handset,SIM-STD,fixed,1.00,,,,"))
                .anyMatch(s -> s.contains("type: SIM-STD is a sim, not a handset"));
        read("A,,GZ-NEW-01,,HS-NEW,fixed,1.00,,,,");
        assertThat(warnings)
                .anyMatch(w -> w.contains("site 'GZ-NEW-01' is not in the ledger"))
                .anyMatch(w -> w.contains("SKU 'HS-NEW' is not in the catalog"))
                .noneMatch(w -> w.contains("did you mean"));
    }

    @Test
    void aMistypedSiteOrSkuIsWarnedWithTheOneMeant() {
        read("A,,gz-th-01,,HS-IP61-128,fixed,1.00,,,,");
        assertThat(warnings)
                .anyMatch(
                        w -> w.contains("site 'gz-th-01' is not in the ledger (yet); the rule matches nothing until it "
                                + "is (did you mean 'GZ-TH-01'?)"))
                .anyMatch(
                        w -> w.contains("SKU 'HS-IP61-128' is not in the catalog (yet) (did you mean 'HS-IP16-128'?)"));
    }

    @Test
    void aPercentRateWrittenAsAFractionIsWarnedOfAndKept() {
        List<CommissionRule> rules = read(
                "A,,,handset,,percent,0.015,,,,30",
                "B,,,accessory,,percent,0.1,,,,",
                "C,,,sim,,percent,0,,,,",
                "D,,,plan,,fixed,0.05,,,,");
        assertThat(rules.get(0).percent()).isEqualByComparingTo("0.015");
        assertThat(warnings)
                .containsExactly(dir.resolve("rules.csv") + ":2: rate: 0.015 percent is less than a tenth of a"
                        + " percent: rates are percents (1.5 means 1.5 %); if 0.015 is a fraction, give 1.5");
    }

    @Test
    void anEmptyFileIsRejected() {
        assertThatThrownBy(() -> read())
                .isInstanceOf(InputRejectedException.class)
                .hasMessageContaining(":1: no data rows below the header");
    }
}
