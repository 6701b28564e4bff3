package io.chanops.cli.replenish;

import picocli.CommandLine.Command;

@Command(
        name = "replenish",
        description = "Replenishment: the review/emergency check, orders, explain, emergency planning.",
        subcommands = {
            ReplenishCheckCommand.class,
            ReplenishOrdersCommand.class,
            ReplenishShipCommand.class,
            ReplenishReceiveCommand.class,
            ReplenishCancelCommand.class,
            ReplenishExplainCommand.class,
            ReplenishPlanCommand.class,
        })
public final class ReplenishCommand {}
