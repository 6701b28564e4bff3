package io.chanops.finance;

import io.chanops.ledger.Problem;
import io.chanops.ledger.csv.CsvRow;
import io.chanops.ledger.csv.CsvSource;
import io.chanops.ledger.imports.ProblemList;
import io.chanops.ledger.master.KnownIds;
import io.chanops.ledger.master.SiteImport;
import io.chanops.ledger.model.Channel;
import io.chanops.ledger.model.ProductType;
import io.chanops.ledger.money.Fen;
import io.chanops.ledger.time.LocalTimes;
import io.chanops.ledger.time.TimeHints;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and validates {@code commission-rules.csv}
 * ({@code rule_id,channel,site_id,type,sku,basis,rate,tiers,valid_from,valid_to,clawback_days}). Every problem is
 * reported as {@code file:line: column: problem} and any problem rejects the whole file, including two rules that
 * could match the same order with the same specificity on the same day (both rule ids are named).
 */
public final class RuleFile {
    public static final List<String> COLUMNS = List.of(
            "rule_id",
            "channel",
            "site_id",
            "type",
            "sku",
            "basis",
            "rate",
            "tiers",
            "valid_from",
            "valid_to",
            "clawback_days");
    public static final List<String> REQUIRED = List.of("rule_id", "basis");
    private static final Pattern ID = SiteImport.ID;
    private static final Pattern PERCENT = Pattern.compile("\\d{1,3}(\\.\\d{1,4})?");
    private static final Pattern TIER = Pattern.compile("(\\d{1,9})-(\\d{1,9})?:(.+)");
    private static final int MAX_CLAWBACK_DAYS = 3650;

    /** What the ledger knows, to check rules against: site -> channel, SKU -> product type. */
    public record MasterData(Map<String, String> siteChannels, Map<String, String> skuTypes) {
        public static MasterData none() {
            return new MasterData(Map.of(), Map.of());
        }
    }

    /** The text cells of one rule, as in the file or the ledger. */
    public record Fields(
            String ruleId,
            String channel,
            String siteId,
            String type,
            String sku,
            String basis,
            String rate,
            String tiers,
            String validFrom,
            String validTo,
            String clawbackDays,
            long line) {
        static Fields of(CsvRow row) {
            return new Fields(
                    row.get("rule_id"),
                    row.get("channel"),
                    row.get("site_id"),
                    row.get("type"),
                    row.get("sku"),
                    row.get("basis"),
                    row.get("rate"),
                    row.get("tiers"),
                    row.get("valid_from"),
                    row.get("valid_to"),
                    row.get("clawback_days"),
                    row.line());
        }
    }

    private RuleFile() {}

    public static List<CommissionRule> read(Path file, Charset charset, MasterData master, Consumer<String> warn) {
        ProblemList problems = new ProblemList();
        List<CommissionRule> rules = new ArrayList<>();
        Map<String, Long> firstLine = new HashMap<>();
        String name = file.toString();
        try (CsvSource csv = CsvSource.open(file, charset)) {
            csv.require(REQUIRED).warnUnknown(Set.copyOf(COLUMNS), warn);
            for (CsvRow row : csv) {
                if (row.rejected(problems::add)) {
                    continue;
                }
                Fields f = Fields.of(row);
                Optional<CommissionRule> rule =
                        parse(f, (column, message) -> problems.add(row.problem(column, message)));
                if (!f.ruleId().isEmpty()) {
                    Long seen = firstLine.putIfAbsent(f.ruleId(), row.line());
                    if (seen != null) {
                        problems.add(row.problem(
                                "rule_id", "duplicate rule id '" + f.ruleId() + "' (first on line " + seen + ")"));
                        continue;
                    }
                }
                rule.ifPresent(r -> {
                    checkAgainstLedger(r, master, name, problems, warn);
                    warnOfFractionRate(r, name, warn);
                    rules.add(r);
                });
            }
        }
        if (rules.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem(name, 1, "", "no rules in the file"));
        }
        for (Problem p : ambiguities(name, rules)) {
            problems.add(p);
        }
        problems.rejectIfAny();
        return List.copyOf(rules);
    }

    /**
     * Pairs of rules no order could choose between: same specificity, overlapping validity, nothing that tells them
     * apart. Each is reported on the later rule's line, naming both.
     */
    public static List<Problem> ambiguities(String file, List<CommissionRule> rules) {
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            for (int j = 0; j < i; j++) {
                CommissionRule a = rules.get(j);
                CommissionRule b = rules.get(i);
                if (b.ambiguousWith(a)) {
                    problems.add(new Problem(
                            file,
                            b.line(),
                            "rule_id",
                            "rule " + b.ruleId() + " overlaps rule " + a.ruleId()
                                    + " (line " + a.line() + "): same specificity (" + b.specificityName()
                                    + "), validity "
                                    + b.validityText() + " overlaps " + a.validityText()
                                    + ", and both can match the same order ("
                                    + b.scope() + " / " + a.scope()
                                    + "); narrow one of them or make their dates disjoint"));
                }
            }
        }
        return problems;
    }

    /**
     * Parses one rule's cells; each problem goes to {@code problem(column, message)}. Empty result when any cell is
     * wrong.
     */
    public static Optional<CommissionRule> parse(Fields f, BiConsumer<String, String> problem) {
        int[] count = {0};
        BiConsumer<String, String> p = (c, m) -> {
            count[0]++;
            problem.accept(c, m);
        };
        String ruleId = f.ruleId();
        if (ruleId.isEmpty()) {
            p.accept("rule_id", "is empty");
        } else if (!ID.matcher(ruleId).matches()) {
            p.accept("rule_id", "'" + ruleId + "' is not a valid id (letters, digits, _ . -; at most 64)");
        }
        String channel = null;
        if (!f.channel().isEmpty()) {
            channel = Channel.parse(f.channel()).map(Channel::code).orElse(null);
            if (channel == null) {
                p.accept(
                        "channel",
                        "'" + f.channel() + "' is not hall, partner, e-channel or self-service (or empty for any)"
                                + KnownIds.hintAmong(
                                        List.of("hall", "partner", "e-channel", "self-service"), f.channel()));
            }
        }
        String type = null;
        if (!f.type().isEmpty()) {
            type = ProductType.parse(f.type()).map(ProductType::toString).orElse(null);
            if (type == null) {
                p.accept(
                        "type",
                        "'" + f.type() + "' is not handset, accessory, sim, plan or contract (or empty for any)"
                                + KnownIds.hintAmong(
                                        List.of("handset", "accessory", "sim", "plan", "contract"), f.type()));
            }
        }
        String siteId = emptyToNull(f.siteId());
        String sku = emptyToNull(f.sku());
        Basis basis = null;
        if (f.basis().isEmpty()) {
            p.accept("basis", "is empty (percent, fixed or tiered)");
        } else {
            basis = Basis.parse(f.basis()).orElse(null);
            if (basis == null) {
                p.accept(
                        "basis",
                        "'" + f.basis() + "' is not percent, fixed or tiered"
                                + KnownIds.hintAmong(List.of("percent", "fixed", "tiered"), f.basis()));
            }
        }
        BigDecimal percent = null;
        long fixedFen = 0;
        List<Tier> tiers = List.of();
        if (basis == Basis.PERCENT || basis == Basis.FIXED) {
            if (!f.tiers().isEmpty()) {
                p.accept("tiers", "only a tiered rule has tiers (this one is " + basis + ")");
            }
            if (f.rate().isEmpty()) {
                p.accept(
                        "rate",
                        "is empty: a " + basis + " rule needs "
                                + (basis == Basis.PERCENT
                                        ? "a percent of the amount (e.g. 2.5)"
                                        : "yuan per unit (e.g. 50.00)"));
            } else if (basis == Basis.PERCENT) {
                String r = f.rate().endsWith("%")
                        ? f.rate().substring(0, f.rate().length() - 1).strip()
                        : f.rate();
                if (!PERCENT.matcher(r).matches()) {
                    p.accept("rate", "'" + f.rate() + "' is not a percent like 2.5 (at most 4 decimals)");
                } else {
                    percent = new BigDecimal(r);
                    if (percent.compareTo(BigDecimal.valueOf(100)) > 0) {
                        p.accept("rate", "'" + f.rate() + "' is over 100 percent");
                    }
                }
            } else {
                Optional<Long> fen = Fen.parseYuan(f.rate());
                if (fen.isEmpty()) {
                    p.accept("rate", Fen.whyNotYuan(f.rate()) + " (yuan per unit)");
                } else if (fen.get() < 0) {
                    p.accept("rate", "'" + f.rate() + "' is negative");
                } else {
                    fixedFen = fen.get();
                }
            }
        } else if (basis == Basis.TIERED) {
            if (!f.rate().isEmpty()) {
                p.accept("rate", "a tiered rule takes its yuan per unit from tiers; leave rate empty");
            }
            tiers = tiers(f.tiers(), p);
        }
        LocalDate from = date(f.validFrom(), "valid_from", p);
        LocalDate to = date(f.validTo(), "valid_to", p);
        if (from != null && to != null && to.isBefore(from)) {
            p.accept("valid_to", to + " is before valid_from " + from);
        }
        Integer clawbackDays = null;
        if (!f.clawbackDays().isEmpty()) {
            if (!f.clawbackDays().matches("\\d{1,5}") || Integer.parseInt(f.clawbackDays()) > MAX_CLAWBACK_DAYS) {
                p.accept(
                        "clawback_days",
                        "'" + f.clawbackDays() + "' is not a number of days 0.." + MAX_CLAWBACK_DAYS
                                + " (or empty for no clawback)");
            } else {
                clawbackDays = Integer.parseInt(f.clawbackDays());
            }
        }
        if (count[0] > 0) {
            return Optional.empty();
        }
        return Optional.of(new CommissionRule(
                ruleId, channel, siteId, type, sku, basis, percent, fixedFen, tiers, from, to, clawbackDays, f.line()));
    }

    /**
     * {@code 1-100:10.00;101-300:12.00;301-:15.00}: bands from 1, each starting right after the previous, the last
     * open.
     */
    static List<Tier> tiers(String text, BiConsumer<String, String> p) {
        if (text.isEmpty()) {
            p.accept("tiers", "is empty: a tiered rule needs bands like 1-100:10.00;101-300:12.00;301-:15.00");
            return List.of();
        }
        List<Tier> tiers = new ArrayList<>();
        long expectedFrom = 1;
        boolean open = false;
        for (String part : text.split(";", -1)) {
            String band = part.strip();
            Matcher m = TIER.matcher(band);
            if (!m.matches()) {
                p.accept(
                        "tiers",
                        "'" + band + "' is not a band FROM-TO:YUAN (e.g. 101-300:12.00; the last one FROM-:YUAN)");
                return List.of();
            }
            if (open) {
                p.accept("tiers", "band '" + band + "' follows an open-ended band");
                return List.of();
            }
            long from = Long.parseLong(m.group(1));
            Long to = m.group(2) == null ? null : Long.parseLong(m.group(2));
            Optional<Long> fen = Fen.parseYuan(m.group(3));
            if (from != expectedFrom) {
                p.accept(
                        "tiers",
                        "band '" + band + "' should start at " + expectedFrom
                                + (expectedFrom == 1
                                        ? " (bands start at 1 unit)"
                                        : " (right after the previous band: no gaps or overlaps)"));
                return List.of();
            }
            if (to != null && to < from) {
                p.accept("tiers", "band '" + band + "' ends before it starts");
                return List.of();
            }
            if (fen.isEmpty() || fen.get() < 0) {
                p.accept(
                        "tiers",
                        "band '" + band + "': "
                                + (fen.isEmpty() ? Fen.whyNotYuan(m.group(3)) : "negative yuan per unit"));
                return List.of();
            }
            tiers.add(new Tier(from, to, fen.get()));
            if (to == null) {
                open = true;
            } else {
                expectedFrom = to + 1;
            }
        }
        if (!open) {
            p.accept("tiers", "the last band must be open-ended (like 301-:15.00), so every unit count has a rate");
            return List.of();
        }
        return tiers;
    }

    /** A percent rate below this is more likely a fraction (0.015 for 1.5 %) than a rate anyone pays. */
    static final BigDecimal LEAST_LIKELY_PERCENT = new BigDecimal("0.1");

    /**
     * Warns of a percent rate above 0 and below {@link #LEAST_LIKELY_PERCENT}: most likely the rate written as a
     * fraction, which would pay a hundredth of it. The rule is kept as written.
     */
    private static void warnOfFractionRate(CommissionRule r, String file, Consumer<String> warn) {
        if (r.basis() != Basis.PERCENT
                || r.percent().signum() <= 0
                || r.percent().compareTo(LEAST_LIKELY_PERCENT) >= 0) {
            return;
        }
        String meant = r.percent().movePointRight(2).stripTrailingZeros().toPlainString();
        warn.accept(new Problem(
                        file,
                        r.line(),
                        "rate",
                        r.percent().toPlainString() + " percent is less than a tenth of a percent: rates are percents"
                                + " (" + meant + " means " + meant + " %); if "
                                + r.percent().toPlainString()
                                + " is a fraction, give " + meant)
                .toString());
    }

    private static void checkAgainstLedger(
            CommissionRule r, MasterData master, String file, ProblemList problems, Consumer<String> warn) {
        if (r.siteId() != null) {
            String siteChannel = master.siteChannels().get(r.siteId());
            if (siteChannel == null) {
                warn.accept(new Problem(
                                file,
                                r.line(),
                                "site_id",
                                "site '" + r.siteId()
                                        + "' is not in the ledger (yet); the rule matches nothing until it is"
                                        + new KnownIds(master.siteChannels().keySet()).hint(r.siteId(), ""))
                        .toString());
            } else if (r.channel() != null && !r.channel().equals(siteChannel)) {
                problems.add(new Problem(
                        file,
                        r.line(),
                        "channel",
                        "site " + r.siteId() + " is in channel " + siteChannel + ", not " + r.channel()
                                + ": the rule could never match"));
            }
        }
        if (r.sku() != null) {
            String skuType = master.skuTypes().get(r.sku());
            if (skuType == null) {
                warn.accept(new Problem(
                                file,
                                r.line(),
                                "sku",
                                "SKU '" + r.sku() + "' is not in the catalog (yet)"
                                        + new KnownIds(master.skuTypes().keySet()).hint(r.sku(), ""))
                        .toString());
            } else if (r.type() != null && !r.type().equals(skuType)) {
                problems.add(new Problem(
                        file,
                        r.line(),
                        "type",
                        r.sku() + " is " + withArticle(skuType) + ", not " + withArticle(r.type())
                                + ": the rule could never match"));
            }
        }
    }

    private static LocalDate date(String text, String column, BiConsumer<String, String> p) {
        if (text.isEmpty()) {
            return null;
        }
        Optional<LocalDate> d = LocalTimes.parseDate(text);
        if (d.isEmpty()) {
            p.accept(column, "'" + text + "' is not a date YYYY-MM-DD" + TimeHints.date(text));
        }
        return d.orElse(null);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static String withArticle(String type) {
        return ProductType.parse(type).map(ProductType::withArticle).orElse("a " + type);
    }
}
