package io.chanops.cli.finance;

import io.chanops.cli.ChanopsCommand;
import io.chanops.cli.ExitCode;
import io.chanops.cli.mixin.OutputOptions;
import io.chanops.cli.support.ColumnType;
import io.chanops.cli.support.DisplayWidth;
import io.chanops.cli.support.Listing;
import io.chanops.cli.support.Style;
import io.chanops.finance.ChannelCost;
import io.chanops.finance.ChannelRates;
import io.chanops.finance.CommissionService;
import io.chanops.finance.CostService;
import io.chanops.finance.ReportMonth;
import io.chanops.finance.RuleSetRepository;
import io.chanops.ledger.model.Channel;
import io.chanops.ledger.money.Fen;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "report",
        footerHeading = "%nExamples:%n",
        footer = {
            "  chanops cost report --month 2026-02 --rates samples/channel-rates.csv",
            "  chanops cost report --month 2026-02 --format csv --out cost-2026-02.csv"
        },
        description = {
            "Cost of each channel in a month: transactions (BOSS rows at the channel's sites), cost per transaction, "
                    + "transaction cost, commission paid, total and all-in cost per transaction "
                    + "(channel,transactions,share,cost_per_txn,transaction_cost,commission,total_cost,all_in_per_txn "
                    + "+ TOTAL).",
            "The table view adds the e-channel share and the saving against serving every transaction at the hall cost."
        })
public final class CostReportCommand extends ChanopsCommand {
    public static final List<String> COLUMNS = List.of(
            "channel",
            "transactions",
            "share",
            "cost_per_txn",
            "transaction_cost",
            "commission",
            "total_cost",
            "all_in_per_txn");
    private static final int BAR_WIDTH = 40;

    @Option(
            names = "--month",
            required = true,
            paramLabel = "YYYY-MM",
            converter = MonthConverter.class,
            description = "The month.")
    YearMonth month;

    @Option(
            names = "--rates",
            paramLabel = "FILE",
            description = "channel-rates.csv (channel,cost_per_txn in yuan); channels it leaves out keep the defaults "
                    + "e-channel 0.18, self-service 0.18, hall 3.94, partner 3.94.")
    Path rates;

    @Mixin
    RuleOptions rules;

    @Mixin
    OutputOptions output;

    @Override
    protected int run() {
        Map<String, Long> costPerTxn =
                rates == null ? ChannelRates.defaults() : ChannelRates.read(rates, rules.charset(), ctx()::warn);
        if (rates == null) {
            ctx().info("no --rates: using the default cost per transaction (e-channel 0.18, self-service 0.18, "
                    + "hall 3.94, partner 3.94)");
        }
        CommissionService commission = new CommissionService(ctx().ledger(), ctx().operation());
        Optional<RuleSetRepository.Validated> newRules = rules.readIfGiven(commission, ctx());
        // the file is in place before the rule set and new clawbacks commit: a file that cannot be written commits
        // nothing
        CostService.Result result = new CostService(ctx().ledger(), commission, ctx().operation())
                .report(month, costPerTxn, newRules, rules.dryRun(), r -> output.publishFile(ctx(), listing(r.cost())));
        rules.tell(ctx(), result.rules());
        ChannelCost.Report report = result.cost();
        ReportMonth.warnings(
                        ctx().ledger(),
                        month,
                        ctx().operation().today(),
                        report.total().transactions() == 0,
                        "no BOSS transactions recorded for " + month)
                .forEach(ctx()::warn);
        if (!result.commission().unknownSites().isEmpty()
                || report.rows().stream().anyMatch(r -> r.channel().equals(ChannelCost.UNKNOWN))) {
            ctx().warn("transactions or orders at sites not in the ledger are shown as " + ChannelCost.UNKNOWN
                    + ", with no cost per transaction");
        }
        boolean table = output.tableOnTerminal(ctx());
        if (table) {
            out().printf(
                            "Channel cost %s (%s)%n",
                            month,
                            rules.dryRun() && result.rules().isPresent()
                                    ? "dry run with "
                                            + result.commission().ruleSet().fileName()
                                    : "rule set "
                                            + result.commission().ruleSet().setId());
        }
        output.print(ctx(), listing(report));
        if (table) {
            PrintWriter out = out();
            out.printf(
                    "e-channel share of transactions: %s%% (electronic, with self-service: %s%%)%n",
                    report.eChannelSharePercent().toPlainString(),
                    report.electronicSharePercent().toPlainString());
            out.printf(
                    "saving against serving all %d transactions at the hall cost (%s each): %s yuan%n",
                    report.total().transactions(), Fen.format(report.hallRateFen()), Fen.format(report.savingFen()));
            if (ctx().interactive()) {
                bars(report, out, ctx().colour());
            }
        }
        return ExitCode.OK;
    }

    private static Listing listing(ChannelCost.Report report) {
        Listing listing = new Listing(COLUMNS);
        for (ChannelCost.Row r : report.rows()) {
            listing.add(r.transactions() == 0 && r.commissionFen() == 0 ? Style.DIM : Style.NONE, cells(r));
        }
        listing.add(Style.BOLD, cells(report.total()));
        return listing.type(ColumnType.NUMBER, "share");
    }

    private static List<Object> cells(ChannelCost.Row r) {
        List<Object> cells = new ArrayList<>(8);
        cells.add(r.channel());
        cells.add(r.transactions());
        cells.add(r.sharePercent());
        cells.add(r.costPerTxnFen() == null ? null : Fen.toYuan(r.costPerTxnFen()));
        cells.add(Fen.toYuan(r.transactionCostFen()));
        cells.add(Fen.toYuan(r.commissionFen()));
        cells.add(Fen.toYuan(r.totalCostFen()));
        cells.add(r.allInPerTxnFen() == null ? null : Fen.toYuan(r.allInPerTxnFen()));
        return cells;
    }

    /** The channel mix as horizontal bars, one per channel, scaled to the largest share. */
    static void bars(ChannelCost.Report report, PrintWriter out, boolean colour) {
        int nameWidth = report.rows().stream()
                .mapToInt(r -> DisplayWidth.of(r.channel()))
                .max()
                .orElse(8);
        BigDecimal max = report.rows().stream()
                .map(ChannelCost.Row::sharePercent)
                .max(BigDecimal::compareTo)
                .orElse(BigDecimal.ZERO);
        if (max.signum() == 0) {
            return;
        }
        out.println("channel mix:");
        for (ChannelCost.Row r : report.rows()) {
            int n = r.sharePercent()
                    .multiply(BigDecimal.valueOf(BAR_WIDTH))
                    .divide(max, 0, RoundingMode.HALF_UP)
                    .intValue();
            Style style = Channel.parse(r.channel()).map(Channel::electronic).orElse(false) ? Style.GREEN : Style.CYAN;
            out.println(
                    "  " + DisplayWidth.pad(r.channel(), nameWidth, false) + " " + style.apply("█".repeat(n), colour)
                            + " " + r.sharePercent().toPlainString() + "%");
        }
    }
}
