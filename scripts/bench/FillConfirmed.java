import io.chanops.ledger.Ledger;
import io.chanops.reconcile.confirmed.ConfirmedOrder;
import io.chanops.reconcile.confirmed.ConfirmedOrderRepository;
import io.chanops.reconcile.confirmed.ConfirmedOrderWriter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;

/**
 * Stores confirmed orders from a TSV file (run_id, order_id, created_at, channel, site_id, msisdn, sku, qty,
 * amount_fen, boss_net_fen, boss_accepted_at, platform_status, boss_live as True/False, matched_by; times YYYY-MM-DD
 * HH:MM:SS) through the product's ConfirmedOrderRepository, run after run, in one transaction: how
 * scripts/bench/finance-report.sh fills its ledger as reconcile runs would.
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
                        writer = new ConfirmedOrderRepository(h).writer(run);
                    }
                    writer.add(new ConfirmedOrder(run, f[1], time(f[2]), f[3], f[4], f[5], f[6], Long.parseLong(f[7]),
                            Long.parseLong(f[8]), Long.parseLong(f[9]), time(f[10]), f[11], Boolean.parseBoolean(f[12]), f[13]));
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

    private static LocalDateTime time(String text) {
        return LocalDateTime.parse(text.replace(' ', 'T'));
    }
}
