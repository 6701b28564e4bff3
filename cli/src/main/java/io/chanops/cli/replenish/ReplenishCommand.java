package io.chanops.cli.replenish;

import picocli.CommandLine.Command;

@Command(name = "replenish", description = "Replenishment: the review/emergency check, orders, explain, emergency planning.", subcommands = {})
public final class ReplenishCommand {
}
