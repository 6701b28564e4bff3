package io.chanops.cli.finance;

import io.chanops.cli.RunContext;
import io.chanops.cli.support.CharsetConverter;
import io.chanops.finance.CommissionService;
import io.chanops.finance.RuleSetRepository;
import io.chanops.ledger.text.Named;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --rules FILE} (and its {@code --charset}) shared by the commission and cost reports. */
public final class RuleOptions {
    @Option(
            names = "--rules",
            paramLabel = "FILE",
            description = "commission-rules.csv: validate it and make it the active rule set (earlier sets are kept). "
                    + "Without it, the active set in the ledger is used.")
    Path rules;

    @Option(
            names = "--charset",
            paramLabel = "CS",
            converter = CharsetConverter.class,
            description =
                    "Charset of the --rules (and --rates) file (default UTF-8, BOM tolerated; GB18030 for files saved "
                            + "by Chinese Excel).")
    Charset charset = StandardCharsets.UTF_8;

    @Option(
            names = "--dry-run",
            description = "A what-if: the report and its files as they would be, with nothing written to the ledger "
                    + "(--rules is not made the active set, no clawback is booked).")
    boolean dryRun;

    /** Whether this run is a what-if, rolled back at its end. */
    public boolean dryRun() {
        return dryRun;
    }

    public Charset charset() {
        return charset;
    }

    /**
     * Reads and validates --rules, if given (exit 4 with every problem): it becomes active in the report's transaction.
     */
    public Optional<RuleSetRepository.Validated> readIfGiven(CommissionService commission, RunContext ctx) {
        return rules == null ? Optional.empty() : Optional.of(commission.readRules(rules, charset, ctx::warn));
    }

    /** The --rules file's name, or null without one. */
    public String fileName() {
        return rules == null ? null : rules.getFileName().toString();
    }

    /** Tells the user which set is now active, when --rules was given, or that a dry run wrote nothing. */
    public void tell(RunContext ctx, Optional<RuleSetRepository.Loaded> loaded) {
        if (dryRun) {
            ctx.info("dry run: nothing written to the ledger"
                    + (loaded.isPresent()
                            ? " (the rules of " + fileName() + " were used; the active set is unchanged)"
                            : ""));
            return;
        }
        loaded.ifPresent(l -> {
            RuleSetRepository.RuleSet set = l.set();
            ctx.info(
                    l.unchanged()
                            ? "commission rules: " + rules.getFileName() + " is already the active set " + set.setId()
                                    + " (" + Named.count(set.book().rules().size(), "rule") + ")"
                            : "commission rules: set " + set.setId() + " from " + rules.getFileName() + " ("
                                    + Named.count(set.book().rules().size(), "rule") + ") is now active");
        });
    }
}
