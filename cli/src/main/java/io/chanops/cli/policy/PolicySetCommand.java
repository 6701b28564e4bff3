package io.chanops.cli.policy;

import io.chanops.cli.ChanopsCommand;
import io.chanops.cli.ExitCode;
import io.chanops.replenish.policy.PolicyRecord;
import io.chanops.replenish.policy.PolicyService;
import java.time.LocalDate;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "set",
        footerHeading = "%nExamples:%n",
        footer = {
            "  chanops policy set --site GZ-TH-01 --sku HS-IP16-128 --R 8 --S 20 --reason 'launch promotion' --until "
                    + "2026-03-15",
            "  chanops policy set --site GZ-TH-01 --sku HS-IP16-128 --unlock"
        },
        description = {
            "Set a position's policy by hand. New values are manual: they record who, why (--reason) and until when "
                    + "(--until),",
            "and lock the position against tuning (until --until, if given; --unlock to let tuning change them).",
            "--lock/--unlock alone lock or release the current values. Rules: 0 <= L <= R <= S, S > 0, t >= 1."
        })
public final class PolicySetCommand extends ChanopsCommand {
    @Option(names = "--site", required = true, paramLabel = "S", description = "Store.")
    String site;

    @Option(names = "--sku", required = true, paramLabel = "K", description = "SKU.")
    String sku;

    @Option(names = "--t", paramLabel = "N", description = "Review period in days (new policies default to 7).")
    Integer t;

    @Option(
            names = "--R",
            paramLabel = "N",
            description = "Reorder point: a review orders when inventory position < R.")
    Long r;

    @Option(names = "--S", paramLabel = "N", description = "Order-up-to level.")
    Long s;

    @Option(
            names = "--L",
            paramLabel = "N",
            description = "Emergency point: an emergency order when on hand < L (new policies default to 0).")
    Long l;

    @ArgGroup(exclusive = true)
    LockChoice lock;

    static final class LockChoice {
        @Option(names = "--lock", description = "Tuning never changes this position (until --until, if given).")
        boolean lock;

        @Option(names = "--unlock", description = "Tuning may change this position again.")
        boolean unlock;
    }

    @Option(
            names = "--reason",
            paramLabel = "TEXT",
            description = "Why (shown by 'policy list' and 'replenish explain').")
    String reason;

    @Option(
            names = "--until",
            paramLabel = "DATE",
            description = "The lock expires after this day (YYYY-MM-DD); tuning may then change the values.")
    LocalDate until;

    @Override
    protected int run() {
        LocalDate untilDate = until;
        Boolean locking = lock == null ? null : lock.lock;
        PolicyRecord p = PolicyService.of(ctx().ledger(), ctx().operation())
                .set(new PolicyService.Change(site, sku, t, r, s, l, locking, reason, untilDate), ctx()::warn);
        out().printf(
                        "%s/%s: %s%s%n",
                        p.siteId(),
                        p.sku(),
                        p.policy(),
                        p.locked()
                                ? ", locked" + (p.lockedUntil() == null ? "" : " until " + p.lockedUntil())
                                : ", not locked");
        return ExitCode.OK;
    }
}
