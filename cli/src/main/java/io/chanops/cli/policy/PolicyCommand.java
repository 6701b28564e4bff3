package io.chanops.cli.policy;

import picocli.CommandLine.Command;

@Command(name = "policy", description = "(t,R,S,L) policies per position: set, import, list, tune.",
        subcommands = {PolicySetCommand.class, PolicyImportCommand.class, PolicyListCommand.class, PolicyTuneCommand.class})
public final class PolicyCommand {
}
