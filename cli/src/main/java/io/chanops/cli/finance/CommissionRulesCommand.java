package io.chanops.cli.finance;

import io.chanops.cli.ChanopsCommand;
import io.chanops.cli.ExitCode;
import io.chanops.cli.UserException;
import io.chanops.cli.mixin.OutputOptions;
import io.chanops.cli.support.ColumnType;
import io.chanops.cli.support.Listing;
import io.chanops.cli.support.Style;
import io.chanops.finance.CommissionRule;
import io.chanops.finance.CommissionService;
import io.chanops.finance.RuleFile;
import io.chanops.finance.RuleSetRepository;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "rules",
        footerHeading = "%nExamples:%n",
        footer = {"  chanops commission rules", "  chanops commission rules --history"},
        description = {
            "The commission rules in the ledger: the active set (or --set N) in the columns of commission-rules.csv, "
                    + "so --format csv writes a file that loads back unchanged; --history lists every set loaded."
        })
public final class CommissionRulesCommand extends ChanopsCommand {
    @Option(names = "--set", paramLabel = "N", description = "An earlier rule set instead of the active one.")
    Long setId;

    @Option(names = "--history", description = "List the rule sets loaded so far (the last one is active).")
    boolean history;

    @Mixin
    OutputOptions output;

    @Override
    protected int run() {
        CommissionService commission = new CommissionService(ctx().ledger(), ctx().operation());
        if (history) {
            List<RuleSetRepository.SetInfo> sets = commission.ruleSetHistory();
            Listing listing = Listing.of("set_id", "file_name", "rules", "loaded_at", "os_user", "active", "sha256");
            for (int i = 0; i < sets.size(); i++) {
                RuleSetRepository.SetInfo s = sets.get(i);
                boolean active = i == sets.size() - 1;
                listing.add(
                        active ? Style.BOLD : Style.NONE,
                        List.of(
                                s.setId(),
                                s.fileName(),
                                s.rules(),
                                s.loadedAt(),
                                s.osUser(),
                                active ? "yes" : "no",
                                s.sha256()));
            }
            listing.type(ColumnType.BOOLEAN, "active");
            output.render(ctx(), listing);
            return ExitCode.OK;
        }
        RuleSetRepository.RuleSet set = setId == null
                ? commission.activeRuleSet()
                : commission
                        .ruleSet(setId)
                        .orElseThrow(() -> UserException.notFound(
                                "no commission rule set " + setId + " (see commission rules --history)"));
        if (output.tableOnTerminal(ctx())) {
            out().printf("Rule set %d (%s, loaded %s)%n", set.setId(), set.fileName(), set.loadedAt());
        }
        Listing listing = new Listing(RuleFile.COLUMNS);
        for (CommissionRule r : set.book().rules()) {
            listing.add(
                    r.ruleId(),
                    r.channel(),
                    r.siteId(),
                    r.type(),
                    r.sku(),
                    r.basis().toString(),
                    r.rateText(),
                    r.tiersText(),
                    r.validFrom() == null ? null : r.validFrom().toString(),
                    r.validTo() == null ? null : r.validTo().toString(),
                    r.clawbackDays() == null ? null : String.valueOf(r.clawbackDays()));
        }
        listing.type(ColumnType.NUMBER, "rate", "clawback_days");
        output.render(ctx(), listing);
        return ExitCode.OK;
    }
}
