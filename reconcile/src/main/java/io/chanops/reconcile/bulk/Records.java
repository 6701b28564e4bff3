package io.chanops.reconcile.bulk;

import io.chanops.ledger.csv.ByteCsv;
import java.util.function.LongConsumer;

/** The loop of the bulk readers: every record of a file through one row reader, with progress. */
public final class Records {
    private Records() {}

    /**
     * Gives every record of {@code csv} to {@code row}, telling {@code progress} the bytes read every 65,536 records
     * and at the end.
     */
    public static void readEach(ByteCsv csv, Runnable row, LongConsumer progress) {
        long n = 0;
        while (csv.next()) {
            row.run();
            if ((++n & 0xFFFF) == 0) {
                progress.accept(csv.bytesRead());
            }
        }
        progress.accept(csv.bytesRead());
    }
}
