package io.chanops.reconcile.run;

import io.chanops.ledger.Problem;
import io.chanops.ledger.money.Fen;
import io.chanops.ledger.text.Named;
import io.chanops.reconcile.boss.BossProfile;
import io.chanops.reconcile.boss.BossTable;
import io.chanops.reconcile.match.CarriedOrder;
import io.chanops.reconcile.match.Category;
import io.chanops.reconcile.match.Item;
import io.chanops.reconcile.match.Matching;
import io.chanops.reconcile.platform.PlatformTable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntToLongFunction;
import java.util.regex.Pattern;

/**
 * The mistakes a reconciliation's pair of files can hold that no single row shows: the files given the wrong way round,
 * files of different months, a profile whose amount unit is not the export's. The first is refused with one problem
 * that says so; the other two are warnings, since the run's result is still what was asked for.
 */
final class FilePairChecks {
    private FilePairChecks() {}

    /** A header line is looked for in this many bytes at most. */
    private static final int HEADER_BYTES = 64 * 1024;

    /**
     * The problem to report instead of every missing column when the platform file has a BOSS export's header (the
     * profile's BOSS id column, and not both {@code order_id} and {@code created_at}) or the BOSS file has
     * platform-orders.csv's (those two, and no BOSS id column); empty when neither has. Header names are compared
     * whole, as cells of the first line split at the file's delimiter.
     */
    static Optional<Problem> swapped(RunRequest req, BossProfile profile) {
        Set<String> platformHeader =
                headerCells(req.platformFile(), profile.charset(), profile.delimiter(), profile.headerLine());
        Set<String> bossHeader = headerCells(req.bossFile(), req.platformCharset(), ',', 1);
        List<String> bossIds = profile.columns().get(BossProfile.Column.BOSS_ID);
        boolean bossHeaderInPlatform =
                bossIds.stream().anyMatch(platformHeader::contains) && !hasPlatformKeys(platformHeader);
        boolean platformHeaderInBoss =
                hasPlatformKeys(bossHeader) && bossIds.stream().noneMatch(bossHeader::contains);
        if (bossHeaderInPlatform && platformHeaderInBoss) {
            return Optional.of(Problem.ofFile(
                    req.platformFile().toString(),
                    "--platform and --boss look swapped: this file has a BOSS export's header and " + req.bossFile()
                            + " has platform-orders.csv's; give the platform orders to --platform and the BOSS export"
                            + " to --boss"));
        }
        if (bossHeaderInPlatform) {
            return Optional.of(Problem.ofFile(
                    req.platformFile().toString(),
                    "given as --platform, but it has a BOSS export's header; --platform takes the platform orders"
                            + " (platform-orders.csv)"));
        }
        if (platformHeaderInBoss) {
            return Optional.of(Problem.ofFile(
                    req.bossFile().toString(),
                    "given as --boss, but it has platform-orders.csv's header; --boss takes the BOSS export"));
        }
        return Optional.empty();
    }

    private static boolean hasPlatformKeys(Set<String> header) {
        return header.contains("order_id") && header.contains("created_at");
    }

    /**
     * The cells of line {@code line} of {@code file} (the header: a BOSS export may have title lines above it) decoded
     * with {@code charset} (bad bytes replaced), split at {@code delimiter}, without quotes, byte-order mark or
     * surrounding blanks; empty when unreadable or not within the first {@link #HEADER_BYTES} bytes.
     */
    private static Set<String> headerCells(Path file, Charset charset, char delimiter, int line) {
        try (InputStream in = Files.newInputStream(file)) {
            // the lines of the first bytes; a header line beyond them is not looked at
            String[] lines = new String(in.readNBytes(HEADER_BYTES), charset).split("\n", line + 1);
            if (lines.length < line) {
                return Set.of();
            }
            Set<String> cells = new HashSet<>();
            for (String cell : lines[line - 1].split(Pattern.quote(String.valueOf(delimiter)))) {
                cells.add(cell.replace("\uFEFF", "").replace("\"", "").strip());
            }
            return cells;
        } catch (IOException | RuntimeException e) {
            return Set.of();
        }
    }

    /**
     * Warns when most platform orders were created in another month than most BOSS rows were accepted in: two files of
     * different months, the likeliest wrong pair, which reconciles as nearly everything missing on both sides. Months
     * by majority, so that the orders of a month's last evening accepted the next morning change nothing. The run goes
     * on: it is a warning, not a refusal.
     */
    static void warnOfDifferentMonths(PlatformTable p, BossTable b, RunRequest req, Consumer<String> warn) {
        if (p.size() == 0 || b.size() == 0) {
            return;
        }
        MonthCount created = MonthCount.mostOf(p.size(), p::createdAt);
        MonthCount accepted = MonthCount.mostOf(b.size(), b::acceptedAt);
        if (!created.month().equals(accepted.month())) {
            warn.accept(req.platformFile().getFileName() + " and "
                    + req.bossFile().getFileName()
                    + " are of different months: " + created.rows() + " of " + p.size() + " orders were created in "
                    + created.month() + ", " + accepted.rows() + " of " + b.size() + " BOSS rows accepted in "
                    + accepted.month() + "; is this the right pair of files?");
        }
    }

    /**
     * Warns when most amount mismatches (at least {@link #HUNDREDFOLD_FROM} of them) are a factor of exactly 100
     * between the two files: the profile's {@code amount.unit} (fen or yuan) is not the export's, the likeliest cause;
     * or, when the platform's amounts are the larger, the platform file gives fen where it takes yuan.
     */
    static void warnOfAHundredfold(List<Item> findings, RunRequest req, BossProfile profile, Consumer<String> warn) {
        long mismatches = 0;
        long bossTimes100 = 0;
        long platformTimes100 = 0;
        for (Item i : findings) {
            if (i.category() == Category.AMOUNT_MISMATCH) {
                mismatches++;
                long platform = i.platformFen();
                long boss = i.bossFen();
                if (platform != 0 && boss == platform * 100) {
                    bossTimes100++;
                } else if (boss != 0 && platform == boss * 100) {
                    platformTimes100++;
                }
            }
        }
        long hundredfold = Math.max(bossTimes100, platformTimes100);
        if (hundredfold >= HUNDREDFOLD_FROM && hundredfold * 2 > mismatches) {
            warn.accept(hundredfold + " of the " + mismatches + " amount mismatches are BOSS amounts "
                    + (bossTimes100 > platformTimes100 ? "100 times" : "a hundredth of") + " the platform's: is "
                    + "amount.unit=" + profile.amountUnit().toString().toLowerCase(Locale.ROOT) + " in "
                    + req.profileFile().getFileName() + " right for "
                    + req.bossFile().getFileName()
                    + (platformTimes100 > bossTimes100
                            ? ", or does " + req.platformFile().getFileName()
                                    + " give fen where its amount column takes yuan?"
                            : "?"));
        }
    }

    /** A tolerance from which the run says how many orders it MATCHED only within it: ten yuan. */
    static final long LARGE_TOLERANCE_FEN = 1000;

    /**
     * Warns of a {@code --tolerance} of ten yuan or more (50 typed for 0.50, a fen amount given as yuan) that MATCHED
     * orders whose amounts differ: they count for commission as confirmed, as they are. Names how many and the largest
     * difference, and the tolerance a hundredth of it would be.
     */
    static void warnOfALargeTolerance(Matching m, RunRequest req, Consumer<String> warn) {
        if (req.toleranceFen() < LARGE_TOLERANCE_FEN) {
            return;
        }
        PlatformTable platform = m.platform();
        long within = 0;
        long largest = 0;
        for (int i = 0; i < platform.size(); i++) {
            // a live order's amount is held to the tolerance; a cancelled one matches on status alone
            if (m.category(i) == Category.MATCHED && platform.live(i)) {
                long diff = Math.abs(m.netFen(m.groupOf(i)) - platform.amountFen(i));
                if (diff > 0) {
                    within++;
                    largest = Math.max(largest, diff);
                }
            }
        }
        if (within > 0) {
            warn.accept("--tolerance " + Fen.format(req.toleranceFen()) + " MATCHED " + within
                    + (within == 1 ? " order whose BOSS amount differs" : " orders whose BOSS amount differs")
                    + " (by up to " + Fen.format(largest) + "); they count for commission as they are. Tolerances are"
                    + " yuan: was " + Fen.format(req.toleranceFen() / 100) + " meant?");
        }
    }

    /** A window beyond which a fallback match (same number and amount, no order ref) is worth a warning. */
    static final long LONG_WINDOW_SECONDS = 86_400;

    /**
     * Warns, for a {@code --window} longer than a day, of the orders it matched to BOSS rows by phone number and amount
     * more than a day apart: such a pair may be two transactions of one customer, and a window typed in days for
     * minutes ({@code 30d}) makes many of them.
     */
    static void warnOfALongWindow(Matching m, RunRequest req, Consumer<String> warn) {
        if (req.windowSeconds() <= LONG_WINDOW_SECONDS) {
            return;
        }
        PlatformTable platform = m.platform();
        long apart = 0;
        long farthest = 0;
        for (int i = 0; i < platform.size(); i++) {
            int g = m.groupOf(i);
            if (g >= 0 && m.fallback(g)) {
                long seconds = Math.abs(m.boss().acceptedAt(m.first(g)) - platform.createdAt(i));
                if (seconds > LONG_WINDOW_SECONDS) {
                    apart++;
                    farthest = Math.max(farthest, seconds);
                }
            }
        }
        if (apart > 0) {
            warn.accept("--window " + Window.format(req.windowSeconds()) + " matched " + apart
                    + (apart == 1 ? " order" : " orders") + " to BOSS rows of the same number and amount more than a"
                    + " day apart (up to " + (farthest / 86_400) + " days): they may be other transactions of the same"
                    + " customer; the window is for a BOSS row without an order ref accepted soon after the order (was"
                    + " minutes meant?)");
        }
    }

    /** Orders named one by one in the warning of orders a run without --carry leaves open. */
    static final int NAMED_TO_CARRY = 5;

    /**
     * Warns, for a run without {@code --carry}, of the BOSS groups it finds MISSING_IN_PLATFORM whose order ref is an
     * order earlier runs left MISSING_IN_BOSS: with {@code --carry} they would be resolved late (and earn their
     * commission); without, the earlier items stay open and this run reports them as missing on the other side.
     */
    static void warnOfOrdersToCarry(List<Item> findings, List<CarriedOrder> openEarlier, Consumer<String> warn) {
        if (openEarlier.isEmpty()) {
            return;
        }
        Set<String> open = new HashSet<>();
        openEarlier.forEach(c -> open.add(c.order().orderId()));
        List<String> found = findings.stream()
                .filter(i -> i.category() == Category.MISSING_IN_PLATFORM && i.group() != null)
                .map(i -> i.group().orderRef())
                .filter(ref -> ref != null && open.contains(ref))
                .distinct()
                .sorted()
                .toList();
        if (found.isEmpty()) {
            return;
        }
        warn.accept(Named.count(found.size(), "BOSS group")
                + " MISSING_IN_PLATFORM in this run " + (found.size() == 1 ? "is an order" : "are orders")
                + " that earlier runs left MISSING_IN_BOSS (" + Named.firstOf(found, NAMED_TO_CARRY)
                + "): with --carry this run would resolve "
                + (found.size() == 1 ? "it" : "them") + " late; to do so, reconcile the pair again with --carry"
                + " --force");
    }

    /** Amount mismatches by a factor of 100 from which the warning about amount.unit is given. */
    static final int HUNDREDFOLD_FROM = 5;

    /** The month most of some local-second times fall in, and how many do. */
    record MonthCount(YearMonth month, long rows) {
        static MonthCount mostOf(int n, IntToLongFunction localSeconds) {
            Map<YearMonth, long[]> counts = new HashMap<>();
            // the days [from, to) of the month met last: most times fall in it, whatever their order
            long from = 1;
            long to = 0;
            long[] count = null;
            for (int i = 0; i < n; i++) {
                long day = Math.floorDiv(localSeconds.applyAsLong(i), 86_400L);
                if (day < from || day >= to) {
                    YearMonth month = YearMonth.from(LocalDate.ofEpochDay(day));
                    from = month.atDay(1).toEpochDay();
                    to = month.plusMonths(1).atDay(1).toEpochDay();
                    count = counts.computeIfAbsent(month, m -> new long[1]);
                }
                count[0]++;
            }
            Map.Entry<YearMonth, long[]> most = Collections.max(
                    counts.entrySet(),
                    Comparator.comparingLong((Map.Entry<YearMonth, long[]> e) -> e.getValue()[0])
                            .thenComparing(Map.Entry.comparingByKey()));
            return new MonthCount(most.getKey(), most.getValue()[0]);
        }
    }
}
