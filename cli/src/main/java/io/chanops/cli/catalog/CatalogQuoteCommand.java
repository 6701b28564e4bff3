package io.chanops.cli.catalog;

import io.chanops.catalog.ContractQuote;
import io.chanops.catalog.ProductRepository;
import io.chanops.catalog.SubsidyTiers;
import io.chanops.cli.ChanopsCommand;
import io.chanops.cli.ExitCode;
import io.chanops.cli.UserException;
import io.chanops.cli.mixin.OutputOptions;
import io.chanops.cli.support.ColumnType;
import io.chanops.cli.support.Config;
import io.chanops.cli.support.Listing;
import io.chanops.ledger.master.KnownIds;
import io.chanops.ledger.model.Product;
import io.chanops.ledger.money.Fen;
import java.math.RoundingMode;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "quote",
        footerHeading = "%nExamples:%n",
        footer = {
            "  chanops catalog quote --handset HS-IP16-128 --contract CT-5G-199-24",
            "  chanops catalog quote --handset HS-IP16-128 --contract CT-5G-129-24 --purchase-cost 5200.00"
        },
        description = {
            "Price of a handset bought with a contract plan: commitment, subsidy, price to pay.",
            "Commitment = monthly fee x months; subsidy = commitment x the rate of the monthly fee's tier (config",
            "subsidy.tiers, subsidy.gap); to pay = price - subsidy, not below 0; with --purchase-cost, the operator's",
            "subsidy rate against it and its net outlay."
        })
public final class CatalogQuoteCommand extends ChanopsCommand {
    @Option(names = "--handset", required = true, paramLabel = "SKU", description = "The handset.")
    String handsetSku;

    @Option(names = "--contract", required = true, paramLabel = "SKU", description = "The contract plan.")
    String contractSku;

    @Option(names = "--purchase-cost", paramLabel = "YUAN", description = "What the operator paid for the handset.")
    String purchaseCost;

    @Mixin
    OutputOptions output;

    @Override
    protected int run() {
        SubsidyTiers tiers = tiers(ctx().config());
        Long cost = null;
        if (purchaseCost != null) {
            cost = Fen.parseYuan(purchaseCost)
                    .filter(f -> f > 0)
                    .orElseThrow(() -> UserException.usage(
                            "--purchase-cost " + purchaseCost + ": expected an amount in yuan above 0, like 4800.00"));
        }
        record Pair(Optional<Product> handset, Optional<Product> contract) {}
        Pair pair = ctx().ledger().read(h -> {
            ProductRepository dao = h.attach(ProductRepository.class);
            return new Pair(dao.find(handsetSku), dao.find(contractSku));
        });
        Product handset = pair.handset().orElseThrow(() -> noProduct(handsetSku));
        Product contract = pair.contract().orElseThrow(() -> noProduct(contractSku));
        ContractQuote q;
        try {
            q = ContractQuote.of(handset, contract, tiers, cost);
        } catch (IllegalArgumentException e) {
            throw UserException.usage(e.getMessage());
        }
        Listing listing = Listing.of("item", "value").type(ColumnType.VALUE, "value");
        listing.add("handset", handset.sku() + " " + handset.name());
        listing.add("handset_price", Fen.toYuan(handset.priceFen()));
        listing.add("contract", contract.sku() + " " + contract.name());
        listing.add("monthly_fee", Fen.toYuan(contract.monthlyFeeFen()));
        listing.add("months", contract.months());
        listing.add("commitment", Fen.toYuan(q.commitmentFen()));
        listing.add("tier", q.tier().describe());
        listing.add("rate_percent", q.tier().ratePercent().setScale(2, RoundingMode.UNNECESSARY));
        listing.add("subsidy", Fen.toYuan(q.subsidyFen()));
        listing.add("subsidy_applied", Fen.toYuan(q.subsidyAppliedFen()));
        listing.add("to_pay", Fen.toYuan(q.toPayFen()));
        if (cost != null) {
            listing.add("purchase_cost", Fen.toYuan(cost));
            listing.add("subsidy_rate_percent", q.subsidyRatePercent());
            listing.add("net_outlay", Fen.toYuan(q.netOutlayFen()));
        }
        q.notes().forEach(ctx()::warn);
        output.render(ctx(), listing);
        return ExitCode.OK;
    }

    /**
     * The return-rate table: config {@code subsidy.tiers} (default {@link SubsidyTiers#DEFAULT}) and {@code
     * subsidy.gap}.
     */
    static SubsidyTiers tiers(Config config) {
        String gapText = config.get("subsidy.gap", "lower-tier");
        SubsidyTiers.GapRule gap = SubsidyTiers.GapRule.parse(gapText)
                .orElseThrow(() -> UserException.usage(
                        config.where() + "subsidy.gap=" + gapText + ": expected lower-tier or none"));
        String text = config.get("subsidy.tiers", SubsidyTiers.DEFAULT);
        try {
            return SubsidyTiers.parse(text, gap);
        } catch (IllegalArgumentException e) {
            throw UserException.usage(config.where() + "subsidy.tiers: " + e.getMessage());
        }
    }

    /** The refusal of a SKU not in the catalog, naming the one most likely meant. */
    private UserException noProduct(String sku) {
        KnownIds skus =
                ctx().ledger().read(h -> h.attach(ProductRepository.class).known());
        return UserException.notFound("no product " + sku + " in the catalog" + skus.hint(sku, ""));
    }
}
