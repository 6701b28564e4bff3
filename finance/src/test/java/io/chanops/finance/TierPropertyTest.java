package io.chanops.finance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class TierPropertyTest {
    /** Random contiguous bands from 1, the last open. */
    private static List<Tier> bands(long seed, int count) {
        Random random = new Random(seed);
        List<Tier> tiers = new ArrayList<>();
        long from = 1;
        for (int i = 0; i < count - 1; i++) {
            long to = from + random.nextInt(500);
            tiers.add(new Tier(from, to, random.nextInt(10_000)));
            from = to + 1;
        }
        tiers.add(new Tier(from, null, random.nextInt(10_000)));
        return tiers;
    }

    @Property(tries = 300)
    void tiersWrittenBackParseToTheSameBands(@ForAll long seed, @ForAll @IntRange(min = 1, max = 6) int count) {
        List<Tier> tiers = bands(seed, count);
        String text = String.join(";", tiers.stream().map(Tier::toString).toList());
        List<String> problems = new ArrayList<>();
        assertThat(RuleFile.tiers(text, (c, m) -> problems.add(m))).isEqualTo(tiers);
        assertThat(problems).isEmpty();
    }

    @Property(tries = 300)
    void everyPositiveUnitCountFallsInExactlyOneBand(
            @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 6) int count,
            @ForAll @LongRange(min = 1, max = 5_000) long units) {
        List<Tier> tiers = bands(seed, count);
        assertThat(tiers.stream().filter(t -> t.contains(units))).hasSize(1);
        CommissionRule rule =
                new CommissionRule("T", null, null, "sim", null, Basis.TIERED, null, 0, tiers, null, null, null, 2);
        assertThat(rule.tierFor(units).contains(units)).isTrue();
    }

    @Property(tries = 200)
    void theRuleChosenDoesNotDependOnTheOrderOfTheFile(@ForAll long seed) {
        List<String> lines = new ArrayList<>(List.of(
                "ANY,,,,,fixed,1.00,,,,",
                "HS,,,handset,,percent,1.5,,,,30",
                "HS-P,partner,,handset,,percent,3,,,,30",
                "HS-SITE,,GZ-TH-P2,handset,,percent,3.5,,,,30",
                "IP-P,partner,,,HS-IP16P-256,percent,1.2,,,,30",
                "IP,,,,HS-IP16P-256,percent,1,,,,30",
                "IP-SITE,,GZ-TH-01,,HS-IP16P-256,percent,0.5,,,,30"));
        Collections.shuffle(lines, new Random(seed));
        RuleBook book = Rules.book(lines.toArray(String[]::new));
        assertThat(ruleOf(book, "GZ-TH-P2", "partner", "HS-IP16P-256", "handset"))
                .isEqualTo("IP-P");
        assertThat(ruleOf(book, "GZ-TH-01", "hall", "HS-IP16P-256", "handset")).isEqualTo("IP-SITE");
        assertThat(ruleOf(book, "GZ-TH-02", "hall", "HS-IP16P-256", "handset")).isEqualTo("IP");
        assertThat(ruleOf(book, "GZ-TH-P2", "partner", "HS-MI15-256", "handset"))
                .isEqualTo("HS-SITE");
        assertThat(ruleOf(book, "GZ-PY-P1", "partner", "HS-MI15-256", "handset"))
                .isEqualTo("HS-P");
        assertThat(ruleOf(book, "GZ-PY-P1", "partner", "AC-FILM-01", "accessory"))
                .isEqualTo("ANY");
    }

    /** The rule {@code book} picks for one unit sold on 2026-02-01 at {@code site} in {@code channel}. */
    private static String ruleOf(RuleBook book, String site, String channel, String sku, String type) {
        return book.find(Rules.sale("o", "2026-02-01 10:00", site, channel, sku, type, 1, 1))
                .orElseThrow()
                .ruleId();
    }
}
