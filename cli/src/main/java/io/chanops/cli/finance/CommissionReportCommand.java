package io.chanops.cli.finance;

import io.chanops.cli.ChanopsCommand;
import io.chanops.cli.ExitCode;
import io.chanops.cli.mixin.OutputOptions;
import io.chanops.cli.support.Listing;
import io.chanops.cli.support.Renderer;
import io.chanops.cli.support.Style;
import io.chanops.finance.CommissionLine;
import io.chanops.finance.CommissionMonth;
import io.chanops.finance.CommissionService;
import io.chanops.finance.CommissionSummary;
import io.chanops.finance.ReportMonth;
import io.chanops.finance.RuleSetRepository;
import io.chanops.ledger.files.OutputFile;
import io.chanops.ledger.money.Fen;
import io.chanops.ledger.text.Named;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "report",
        footerHeading = "%nExamples:%n",
        footer = {
            "  chanops commission report --month 2026-02 --rules samples/commission-rules.csv --by channel",
            "  chanops commission report --month 2026-02 --by rule --format csv --out commission.csv",
            "  chanops commission report --month 2026-02 --detail detail.csv"
        },
        description = {
            "Commission of a month from BOSS-confirmed orders: a summary by site, channel or rule "
                    + "(key,orders,units,amount,commission,clawback,net + TOTAL), and with --detail one line per order "
                    + "(order_id,order_date,site_id,channel,sku,type,rule_id,basis,units,amount,commission,explain).",
            "Clawbacks of earlier months' orders cancelled within their rule's window are booked once, in the month of "
                    + "the cancellation."
        })
public final class CommissionReportCommand extends ChanopsCommand {
    /** SPEC §8's columns, then name and month (appended, so readers of the first seven keep working). */
    public static final List<String> SUMMARY_COLUMNS =
            List.of("key", "orders", "units", "amount", "commission", "clawback", "net", "name", "month");

    public static final List<String> DETAIL_COLUMNS = List.of(
            "order_id",
            "order_date",
            "site_id",
            "channel",
            "sku",
            "type",
            "rule_id",
            "basis",
            "units",
            "amount",
            "commission",
            "explain");

    @Option(
            names = "--month",
            required = true,
            paramLabel = "YYYY-MM",
            converter = MonthConverter.class,
            description = "The month: orders created in it, clawbacks found in it.")
    YearMonth month;

    @Option(
            names = "--by",
            paramLabel = "site|channel|rule",
            defaultValue = "site",
            converter = GroupByConverter.class,
            description = "Summary key (default: ${DEFAULT-VALUE}).")
    CommissionSummary.GroupBy by;

    @Option(
            names = "--detail",
            paramLabel = "FILE",
            description = "Also write one line per order and per clawback to FILE: CSV, or JSON or a workbook when "
                    + "the name of FILE ends in json or xlsx (or with --format xlsx).")
    Path detail;

    @Mixin
    RuleOptions rules;

    @Mixin
    OutputOptions output;

    @Override
    protected int run() {
        OutputFile detailFile = detail == null ? null : ctx().outputs().file(detail);
        CommissionService commission = new CommissionService(ctx().ledger(), ctx().operation());
        Optional<RuleSetRepository.Validated> newRules = rules.readIfGiven(commission, ctx());
        // the files are in place before the rule set and new clawbacks commit: a file that cannot be written commits
        // nothing
        CommissionService.Outcome outcome = commission.report(month, newRules, rules.dryRun(), report -> {
            output.writeFile(ctx(), summary(report));
            if (detailFile != null) {
                // the month's lines go to the file as the ledger gives them, never all in memory
                long lines = Renderer.renderToFile(
                        DETAIL_COLUMNS,
                        output.fileFormat(ctx(), detail),
                        detailFile,
                        output.bom(),
                        row -> report.forEachLine(l -> row.accept(cells(l))));
                ctx().info("wrote " + Named.count(lines, "detail line") + " to " + detail);
            }
            ctx().outputs().publish();
        });
        rules.tell(ctx(), outcome.rules());
        CommissionMonth report = outcome.report();
        warnAbout(report);
        if (output.tableOnTerminal(ctx())) {
            out().printf(
                            "Commission %s by %s (%s)%n",
                            month,
                            by,
                            rules.dryRun() && outcome.rules().isPresent()
                                    ? "dry run with " + report.ruleSet().fileName()
                                    : "rule set " + report.ruleSet().setId() + ", "
                                            + report.ruleSet().fileName());
        }
        output.print(ctx(), summary(report));
        return ExitCode.OK;
    }

    private Listing summary(CommissionMonth report) {
        List<CommissionSummary.Row> rows = report.summary(by);
        CommissionSummary.Row total = CommissionSummary.total(rows);
        Listing summary = new Listing(SUMMARY_COLUMNS);
        for (CommissionSummary.Row r : rows) {
            summary.add(r.clawbackFen() != 0 ? Style.YELLOW : Style.NONE, cells(r, report.nameOf(r.key(), by)));
        }
        summary.add(Style.BOLD, cells(total, ""));
        return summary;
    }

    private void warnAbout(CommissionMonth report) {
        ReportMonth.warnings(
                        ctx().ledger(),
                        month,
                        ctx().operation().today(),
                        report.isEmpty(),
                        "no BOSS-confirmed orders created in " + month + " and no clawbacks booked in it")
                .forEach(ctx()::warn);
        if (!report.unknownSites().isEmpty()) {
            ctx().warn("orders at sites not in the ledger (only rules with empty channel and site apply to them): "
                    + String.join(", ", report.unknownSites()));
        }
        if (!report.unknownSkus().isEmpty()) {
            ctx().warn("orders of SKUs not in the catalog (only rules without a type, or naming the SKU, apply to "
                    + "them): "
                    + String.join(", ", report.unknownSkus()));
        }
        if (report.unmatchedOrders() > 0) {
            ctx().warn(Named.count(report.unmatchedOrders(), "order") + " matched no commission rule and "
                    + (report.unmatchedOrders() == 1 ? "earns" : "earn") + " 0 (see --detail)");
        }
        if (report.newClawbacks() > 0) {
            ctx().info((rules.dryRun() ? "would book " : "booked ") + report.newClawbacks()
                    + " new clawbacks (each once, in the month of its cancellation)");
        }
    }

    private List<Object> cells(CommissionSummary.Row r, String name) {
        return List.of(
                r.key(),
                r.orders(),
                r.units(),
                Fen.toYuan(r.amountFen()),
                Fen.toYuan(r.commissionFen()),
                Fen.toYuan(r.clawbackFen()),
                Fen.toYuan(r.netFen()),
                name,
                month.toString());
    }

    private static List<Object> cells(CommissionLine l) {
        return Arrays.asList(
                l.orderId(),
                l.orderDate().toString(),
                l.siteId(),
                l.channel(),
                l.sku(),
                l.type(),
                l.ruleId(),
                l.basis() == null ? null : l.basis().toString(),
                l.units(),
                Fen.toYuan(l.amountFen()),
                Fen.toYuan(l.commissionFen()),
                l.explain());
    }
}
