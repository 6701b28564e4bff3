package io.chanops.replenish.stock;

import io.chanops.ledger.model.ProductType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Random moves over two stores (S1, S2, served by WH) and two SKUs (a handset H1, an accessory A1), for the tests that
 * hold two insert paths to the same rows: the sites and catalog files they need, and a moves.csv of any length.
 */
final class RandomMoves {
    private RandomMoves() {}

    static final String[] SITES = {
        "site_id,name,kind,warehouse,channel",
        "WH,Warehouse,warehouse,,",
        "S1,Store 1,store,WH,hall",
        "S2,Store 2,store,WH,partner"
    };

    static final String[] CATALOG = {
        "sku,type,name,price,status,channels,monthly_fee,months",
        "H1,handset,Phone,1000.00,listed,web|hall,,",
        "A1,accessory,Case,10.00,listed,web|hall,,"
    };

    private static final String[] KINDS = {"receipt", "sale", "return", "transfer_in", "transfer_out", "adjust", "count"
    };

    /** A moves.csv (UTF-8) read and validated against {@link #SITES} and {@link #CATALOG}, warnings dropped. */
    static Moves read(Path file) {
        return MoveReader.read(
                file,
                StandardCharsets.UTF_8,
                Set.of("S1", "S2"),
                Map.of("H1", ProductType.HANDSET, "A1", ProductType.ACCESSORY),
                w -> {},
                null,
                MoveReader.Scan.FAST);
    }

    /**
     * The lines of a moves.csv (header first) of {@code count} moves in March 2026, every kind with a quantity it
     * allows; each ref is one of {@code refFormats} formatted with the move's number ({@code ""}: no ref).
     */
    static String[] lines(long seed, int count, String... refFormats) {
        Random random = new Random(seed);
        List<String> lines = new ArrayList<>(List.of("at,site_id,sku,kind,qty,ref"));
        for (int i = 0; i < count; i++) {
            String kind = KINDS[random.nextInt(KINDS.length)];
            lines.add(String.format(
                    "2026-03-%02d %02d:%02d:%02d,%s,%s,%s,%d,%s",
                    1 + random.nextInt(28),
                    random.nextInt(24),
                    random.nextInt(60),
                    random.nextInt(60),
                    random.nextBoolean() ? "S1" : "S2",
                    random.nextBoolean() ? "H1" : "A1",
                    kind,
                    kind.equals("adjust") ? -1 - random.nextInt(5) : 1 + random.nextInt(9),
                    String.format(refFormats[random.nextInt(refFormats.length)], i)));
        }
        return lines.toArray(String[]::new);
    }
}
