package io.chanops.finance;

import io.chanops.catalog.ProductRepository;
import io.chanops.ledger.InputRejectedException;
import io.chanops.ledger.imports.Ids;
import io.chanops.ledger.model.Site;
import io.chanops.ledger.site.SiteRepository;
import io.chanops.ledger.time.LocalTimes;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * Commission rule sets in the ledger ({@code commission_rule_set}, {@code commission_rule}: the only code that reads or
 * writes them). Loading a file validates it and makes it the active set (the highest set id);
 * earlier sets are kept, so what was active when is never lost. Loading the content that is already active again adds
 * nothing.
 */
public final class RuleSetRepository {
    /** A rule set as stored. */
    public record RuleSet(long setId, String fileName, String loadedAt, RuleBook book) {}

    public record Loaded(RuleSet set, boolean unchanged) {}

    private final Handle h;

    /** The rule sets of the ledger, read and written within the transaction of {@code h}. */
    public RuleSetRepository(Handle h) {
        this.h = h;
    }

    /** A rule file read and checked against the ledger's sites and catalog, not stored yet. */
    public record Validated(Path file, String sha256, List<CommissionRule> rules) {}

    /** Makes {@code validated} the active set, within the caller's write transaction (unless it already is). */
    public Loaded store(Validated validated, LocalDateTime now, String user) {
        Path file = validated.file();
        String sha = validated.sha256();
        List<CommissionRule> rules = validated.rules();
        Optional<String> activeSha = h.createQuery(
                        "SELECT sha256 FROM commission_rule_set ORDER BY set_id DESC LIMIT 1")
                .mapTo(String.class)
                .findOne();
        if (activeSha.isPresent() && activeSha.get().equals(sha)) {
            return new Loaded(active().orElseThrow(), true);
        }
        long setId = Ids.next(h, "commission_rule_set", "set_id");
        h.createUpdate("INSERT INTO commission_rule_set (set_id, file_name, sha256, rules, loaded_at, os_user) "
                        + "VALUES (:id, :file, :sha, :rules, :at, :user)")
                .bind("id", setId)
                .bind("file", file.getFileName().toString())
                .bind("sha", sha)
                .bind("rules", rules.size())
                .bind("at", LocalTimes.format(now))
                .bind("user", user)
                .execute();
        var batch = h.prepareBatch(
                "INSERT INTO commission_rule (set_id, rule_id, line, channel, site_id, type, sku, basis, "
                        + "rate, tiers, valid_from, valid_to, clawback_days) VALUES (:set, :id, :line, :channel, "
                        + ":site, :type, :sku, :basis, :rate, :tiers, :from, :to, :claw)");
        for (CommissionRule r : rules) {
            batch.bind("set", setId)
                    .bind("id", r.ruleId())
                    .bind("line", r.line())
                    .bind("channel", r.channel())
                    .bind("site", r.siteId())
                    .bind("type", r.type())
                    .bind("sku", r.sku())
                    .bind("basis", r.basis().toString())
                    .bind("rate", r.basis() == Basis.TIERED ? null : r.rateText())
                    .bind("tiers", r.basis() == Basis.TIERED ? r.tiersText() : null)
                    .bind("from", r.validFrom() == null ? null : r.validFrom().toString())
                    .bind("to", r.validTo() == null ? null : r.validTo().toString())
                    .bind("claw", r.clawbackDays())
                    .add();
        }
        batch.execute();
        return new Loaded(
                new RuleSet(setId, file.getFileName().toString(), LocalTimes.format(now), new RuleBook(rules)), false);
    }

    /** The active (latest) rule set, if any was ever loaded. */
    public Optional<RuleSet> active() {
        return load(h.createQuery(
                "SELECT set_id, file_name, loaded_at FROM commission_rule_set ORDER BY set_id DESC LIMIT 1"));
    }

    /** The set the query finds (set_id, file_name, loaded_at), with its rules. */
    private Optional<RuleSet> load(Query head) {
        return head.map((rs, ctx) ->
                        new Head(rs.getLong("set_id"), rs.getString("file_name"), rs.getString("loaded_at")))
                .findOne()
                .map(set -> new RuleSet(set.setId(), set.fileName(), set.loadedAt(), new RuleBook(rules(set.setId()))));
    }

    private record Head(long setId, String fileName, String loadedAt) {}

    /** Rule set {@code setId}, if it exists. */
    public Optional<RuleSet> find(long setId) {
        return load(h.createQuery("SELECT set_id, file_name, loaded_at FROM commission_rule_set WHERE set_id = :id")
                .bind("id", setId));
    }

    /** Every set ever loaded, oldest first (the last one is active). */
    public record SetInfo(long setId, String fileName, String sha256, int rules, String loadedAt, String osUser) {}

    public List<SetInfo> history() {
        return h.createQuery(
                        "SELECT set_id, file_name, sha256, rules, loaded_at, os_user FROM commission_rule_set ORDER BY "
                                + "set_id")
                .map((rs, ctx) -> new SetInfo(
                        rs.getLong("set_id"),
                        rs.getString("file_name"),
                        rs.getString("sha256"),
                        rs.getInt("rules"),
                        rs.getString("loaded_at"),
                        rs.getString("os_user")))
                .list();
    }

    /** The active set, or a clear refusal (exit 4) when none was ever loaded. */
    public RuleSet requireActive() {
        return active().orElseThrow(() -> new InputRejectedException(
                "no commission rules in the ledger yet: load a rule file once with --rules FILE (see "
                        + "samples/commission-rules.csv)"));
    }

    List<CommissionRule> rules(long setId) {
        List<RuleFile.Fields> fields = h.createQuery(
                        "SELECT rule_id, line, channel, site_id, type, sku, basis, rate, tiers, "
                                + "valid_from, valid_to, clawback_days FROM commission_rule WHERE set_id = :id ORDER "
                                + "BY line")
                .bind("id", setId)
                .map((rs, ctx) -> {
                    int claw = rs.getInt("clawback_days");
                    String clawText = rs.wasNull() ? "" : Integer.toString(claw);
                    return new RuleFile.Fields(
                            rs.getString("rule_id"),
                            text(rs.getString("channel")),
                            text(rs.getString("site_id")),
                            text(rs.getString("type")),
                            text(rs.getString("sku")),
                            rs.getString("basis"),
                            text(rs.getString("rate")),
                            text(rs.getString("tiers")),
                            text(rs.getString("valid_from")),
                            text(rs.getString("valid_to")),
                            clawText,
                            rs.getLong("line"));
                })
                .list();
        List<CommissionRule> rules = new ArrayList<>(fields.size());
        for (RuleFile.Fields f : fields) {
            rules.add(RuleFile.parse(f, (column, message) -> {
                        throw new IllegalStateException(
                                "rule set " + setId + ", rule " + f.ruleId() + ": " + column + ": " + message);
                    })
                    .orElseThrow());
        }
        return rules;
    }

    /** Site channels and SKU types, to check rules against and to place orders. */
    public RuleFile.MasterData masterData() {
        Map<String, String> sites = new HashMap<>();
        for (Site s : h.attach(SiteRepository.class).list()) {
            if (s.channel() != null) {
                sites.put(s.siteId(), s.channel().code());
            }
        }
        Map<String, String> skus =
                new HashMap<>(h.attach(ProductRepository.class).typeTexts());
        return new RuleFile.MasterData(sites, skus);
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
