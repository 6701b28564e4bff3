package io.chanops.cli.finance;

import picocli.CommandLine.Command;

@Command(
        name = "cost",
        description = "Channel-cost reports: transactions and commission per channel.",
        subcommands = {CostReportCommand.class})
public final class CostCommand {}
