import io.chanops.cli.Chanops;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The steady state of `reconcile run`: the same reconciliation R times in one JVM (a fresh ledger each time), so the
 * later runs show the work without start-up and JIT warm-up. Uses the data of scripts/bench/reconcile.sh.
 *
 *   java -Xmx700m -cp cli/target/chanops.jar scripts/bench/ReconcileWarm.java [DIR] [R]
 *
 * DIR defaults to /tmp/chanops-bench-reconcile, R to 4. With WARM_V set, each run prints its phases (-v) on stderr.
 */
public class ReconcileWarm {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/chanops-bench-reconcile");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        for (int i = 0; i < runs; i++) {
            Path db = dir.resolve("warm-" + i + ".db");
            for (String suffix : new String[] {"", "-wal", "-shm"}) {
                Files.deleteIfExists(Path.of(db + suffix));
            }
            run("--db", db.toString(), "-q", "init");
            long start = System.nanoTime();
            int rc = run("--db", db.toString(), "--now", "2026-03-02 09:30", System.getenv("WARM_V") != null ? "-v" : "-q", "reconcile", "run",
                    "--platform", dir.resolve("platform-orders.csv").toString(), "--boss", dir.resolve("boss.csv").toString(),
                    "--profile", dir.resolve("boss-profile.properties").toString(), "--out", dir.resolve("warm-out-" + i).toString());
            System.out.printf("run %d: exit %d, %d ms%n", i + 1, rc, (System.nanoTime() - start) / 1_000_000);
        }
    }

    private static int run(String... argv) {
        return Chanops.execute(argv, new PrintWriter(new StringWriter()), new PrintWriter(System.err, true), false, System::getenv);
    }
}
