import io.chanops.ledger.Ledger;
import io.chanops.reconcile.confirmed.ConfirmedOrderWriter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Stores confirmed orders from a TSV file (run_id, then the arguments of ConfirmedOrderWriter.add in order; live as
 * True/False) through the product's ConfirmedOrderWriter, run after run, in one transaction: how
 * scripts/bench/finance-report.sh fills its ledger without writing the chunk format itself.
 *
 *   java -cp cli/target/chanops.jar scripts/bench/FillConfirmed.java LEDGER FILE.tsv
 */
public class FillConfirmed {
    public static void main(String[] args) {
        Ledger ledger = Ledger.open(args[0], Duration.ofSeconds(30));
        long rows = ledger.write(h -> {
            long n = 0;
            ConfirmedOrderWriter writer = null;
            long run = -1;
            try (BufferedReader in = Files.newBufferedReader(Path.of(args[1]), StandardCharsets.UTF_8)) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    String[] f = line.split("\t", -1);
                    long r = Long.parseLong(f[0]);
                    if (r != run) {
                        if (writer != null) {
                            writer.close();
                        }
                        run = r;
                        writer = new ConfirmedOrderWriter(h, run);
                    }
                    writer.add(f[1], Long.parseLong(f[2]), f[3], f[4], f[5], f[6], Long.parseLong(f[7]), Long.parseLong(f[8]),
                            Long.parseLong(f[9]), Long.parseLong(f[10]), f[11], Boolean.parseBoolean(f[12]), f[13]);
                    n++;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (writer != null) {
                writer.close();
            }
            return n;
        });
        System.out.println("stored " + rows + " confirmed orders");
    }
}
