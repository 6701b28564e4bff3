package io.chanops.cli.reconcile;

import io.chanops.cli.ChanopsCommand;
import io.chanops.cli.ExitCode;
import io.chanops.cli.UserException;
import io.chanops.cli.mixin.OutputOptions;
import io.chanops.cli.support.Listing;
import io.chanops.cli.support.Style;
import io.chanops.ledger.master.KnownIds;
import io.chanops.ledger.money.Fen;
import io.chanops.reconcile.match.Category;
import io.chanops.reconcile.run.Msisdn;
import io.chanops.reconcile.run.RunHistory;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "show",
        footerHeading = "%nExamples:%n",
        footer = {"  chanops reconcile show 1", "  chanops reconcile show 1 --category MISSING_IN_BOSS --format csv"},
        description = "Show the findings a run stored: its discrepancies and RESOLVED_LATE items, "
                + "or with --category MATCHED the orders it confirmed.")
public final class ReconcileShowCommand extends ChanopsCommand {
    @Parameters(paramLabel = "RUN", description = "Run id (see reconcile list).")
    long runId;

    @Option(
            names = "--category",
            paramLabel = "C",
            description = "Only this category (MATCHED, AMOUNT_MISMATCH, "
                    + "STATUS_MISMATCH, MISSING_IN_BOSS, MISSING_IN_PLATFORM, DUPLICATE_PLATFORM, "
                    + "DUPLICATE_BOSS, RESOLVED_LATE).")
    String category;

    @Option(names = "--mask", description = "Show msisdn as 138****1234.")
    boolean mask;

    @Mixin
    OutputOptions output;

    @Override
    protected int run() {
        Optional<Category> cat = Optional.empty();
        if (category != null) {
            cat = Category.parse(category);
            if (cat.isEmpty() || cat.get() == Category.OK_CANCELLED) {
                List<String> stored = Arrays.stream(Category.values())
                        .filter(c -> c != Category.OK_CANCELLED)
                        .map(Category::name)
                        .toList();
                throw UserException.usage("--category " + category + ": expected one of " + String.join(", ", stored)
                        + " (OK_CANCELLED orders are counted, not stored)"
                        + KnownIds.hintAmong(stored, category));
            }
        }
        RunHistory history = new RunHistory(ctx().ledger());
        if (history.run(runId).isEmpty()) {
            List<RunHistory.Run> runs = history.runs();
            throw UserException.notFound("no reconciliation run " + runId
                    + (runs.isEmpty()
                            ? " (no reconcile run is recorded yet)"
                            : runs.size() == 1
                                    ? " (the only run is " + runs.get(0).runId() + ")"
                                    : " (runs " + runs.get(0).runId() + " to "
                                            + runs.get(runs.size() - 1).runId() + ": see reconcile list)"));
        }
        Listing listing = Listing.of(
                "category",
                "order_id",
                "boss_ids",
                "msisdn",
                "site_id",
                "created_at",
                "platform_amount",
                "boss_amount",
                "diff",
                "platform_status",
                "boss_status",
                "matched_by",
                "boss_accepted_at",
                "age_days",
                "resolved_by_run");
        for (RunHistory.Finding f : history.findings(runId, cat)) {
            BigDecimal diff = f.platformAmountFen() == null && f.bossAmountFen() == null
                    ? null
                    : Fen.toYuan(nz(f.bossAmountFen()) - nz(f.platformAmountFen()));
            Style style = switch (f.category()) {
                case "MATCHED" -> Style.GREEN;
                case "RESOLVED_LATE" -> Style.CYAN;
                case "DUPLICATE_PLATFORM", "DUPLICATE_BOSS" -> Style.YELLOW;
                default -> f.resolvedRunId() != null ? Style.DIM : Style.RED;
            };
            listing.add(
                    style,
                    Arrays.asList(
                            f.category(),
                            f.orderId(),
                            f.bossIds(),
                            f.msisdn() == null ? null : mask ? Msisdn.mask(f.msisdn()) : f.msisdn(),
                            f.siteId(),
                            f.createdAt(),
                            yuan(f.platformAmountFen()),
                            yuan(f.bossAmountFen()),
                            diff,
                            f.platformStatus(),
                            f.bossStatus(),
                            f.matchedBy(),
                            f.bossAcceptedAt(),
                            f.ageDays(),
                            f.resolvedRunId()));
        }
        output.render(ctx(), listing);
        return ExitCode.OK;
    }

    private static long nz(Long v) {
        return v == null ? 0 : v;
    }

    private static BigDecimal yuan(Long fen) {
        return fen == null ? null : Fen.toYuan(fen);
    }
}
