package io.chanops.cli.reconcile;

import picocli.CommandLine.Command;

@Command(name = "reconcile", description = "Reconcile online-store orders against BOSS exports.", subcommands = {})
public final class ReconcileCommand {
}
