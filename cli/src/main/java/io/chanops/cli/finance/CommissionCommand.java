package io.chanops.cli.finance;

import picocli.CommandLine.Command;

@Command(
        name = "commission",
        description = "Commission (酬金) reports from BOSS-confirmed orders.",
        subcommands = {CommissionReportCommand.class, CommissionRulesCommand.class})
public final class CommissionCommand {}
