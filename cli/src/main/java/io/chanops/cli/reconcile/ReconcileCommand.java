package io.chanops.cli.reconcile;

import picocli.CommandLine.Command;

@Command(
        name = "reconcile",
        description = "Reconcile online-store orders against BOSS exports.",
        subcommands = {ReconcileRunCommand.class, ReconcileListCommand.class, ReconcileShowCommand.class})
public final class ReconcileCommand {}
