package io.chanops.cli.replenish;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command lines of {@code replenish plan} in the CLI tests. */
public final class PlanArgs {
    private PlanArgs() {}

    /** {@code replenish plan --date date --vehicles vehicles}, then {@code more}. */
    public static String[] plan(String date, Path vehicles, String... more) {
        List<String> args =
                new ArrayList<>(List.of("replenish", "plan", "--date", date, "--vehicles", vehicles.toString()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    /** A short solve ({@code --time-limit 20s --max-steps 50}) of {@link #plan} into {@code out}, then {@code more}. */
    public static String[] quickPlan(String date, Path vehicles, Path out, String... more) {
        List<String> args =
                new ArrayList<>(List.of("--time-limit", "20s", "--max-steps", "50", "--out", out.toString()));
        args.addAll(List.of(more));
        return plan(date, vehicles, args.toArray(String[]::new));
    }
}
