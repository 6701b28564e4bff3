package io.chanops.cli.policy;

import picocli.CommandLine.Command;

@Command(
        name = "policy",
        description = "(t,R,S,L) policies per position: set, import, list, tune, simulate.",
        subcommands = {
            PolicySetCommand.class,
            PolicyImportCommand.class,
            PolicyListCommand.class,
            PolicyTuneCommand.class,
            PolicySimulateCommand.class
        })
public final class PolicyCommand {}
