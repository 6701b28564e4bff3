package io.chanops.cli.replenish;

import picocli.CommandLine.Command;

@Command(
        name = "replenish",
        description =
                "Replenishment: the review/emergency check, orders, explain, emergency planning, rebalancing scarce "
                        + "stock.",
        subcommands = {
            ReplenishCheckCommand.class,
            ReplenishOrdersCommand.class,
            ReplenishShipCommand.class,
            ReplenishUnplanCommand.class,
            ReplenishReceiveCommand.class,
            ReplenishCancelCommand.class,
            ReplenishExplainCommand.class,
            ReplenishPlanCommand.class,
            ReplenishRebalanceCommand.class,
        })
public final class ReplenishCommand {}
