package io.chanops.replenish.stock;

import io.chanops.catalog.ProductRepository;
import io.chanops.ledger.Futures;
import io.chanops.ledger.InputRejectedException;
import io.chanops.ledger.Ledger;
import io.chanops.ledger.OperationContext;
import io.chanops.ledger.Problem;
import io.chanops.ledger.WorkProgress;
import io.chanops.ledger.csv.Cells;
import io.chanops.ledger.csv.CsvSink;
import io.chanops.ledger.imports.FileDigest;
import io.chanops.ledger.imports.ImportBatches;
import io.chanops.ledger.imports.ImportVoice;
import io.chanops.ledger.model.Position;
import io.chanops.ledger.model.ProductType;
import io.chanops.ledger.site.SiteRepository;
import io.chanops.ledger.text.Named;
import io.chanops.ledger.time.LocalTimes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Handle;

/**
 * Imports {@code moves.csv}: every row is validated first (known site, stocked SKU, kind, quantity rules, duplicate
 * documents), then moves and the on-hand levels they change are written in one transaction.
 */
public final class MoveImport {
    public static final String KIND = "moves";
    public static final List<String> COLUMNS = List.of("at", "site_id", "sku", "kind", "qty", "ref");
    public static final List<String> REQUIRED = List.of("at", "site_id", "sku", "kind", "qty");
    private static final boolean TRACE = System.getenv("CHANOPS_TRACE") != null;
    /** The batch's digest until the file's is known, later in the same transaction (never a SHA-256 in hex). */
    private static final String PENDING_DIGEST = "pending";

    /**
     * What an import did: {@code rows} moves written in batch {@code batchId}, {@code skipped} left out as booked
     * already; {@code after} is whatever the caller's follow-up step returned (e.g. new alerts). When every move was
     * left out nothing is written: no batch (0), no follow-up step ({@code after} null).
     */
    public record Result<T>(long batchId, int rows, int positions, int skipped, T after) {}

    /** What an import does with a move whose document (ref, site, SKU, kind) the ledger already holds. */
    public enum Booked {
        /** Refuses the file: the document is booked once (SPEC §3.1). */
        REFUSE,
        /**
         * Leaves out the moves booked already with the same time and quantity, and imports the rest: a feed whose files
         * overlap. A booked document with another time or quantity (a corrected document) is still refused, and so is
         * a move without a ref (the same move imported before cannot be told from a new one).
         */
        SKIP_SAME
    }

    /** A step run for the touched positions inside the import's transaction (the emergency check, for one). */
    @FunctionalInterface
    public interface AfterMoves<T> {
        T apply(Handle h, Set<Position> touched);
    }

    private final Ledger ledger;
    private final OperationContext context;

    /** Imports into {@code ledger}, booking each batch at the context's time, as its user. */
    public MoveImport(Ledger ledger, OperationContext context) {
        this.ledger = ledger;
        this.context = context;
    }

    public <T> Result<T> importFile(
            Path file,
            Charset charset,
            boolean force,
            Consumer<String> warn,
            LongConsumer progress,
            AfterMoves<T> after) {
        return importFile(file, charset, force, Booked.REFUSE, warn, progress, after);
    }

    /** As above, doing with moves already booked what {@code booked} says. */
    public <T> Result<T> importFile(
            Path file,
            Charset charset,
            boolean force,
            Booked booked,
            Consumer<String> warn,
            LongConsumer progress,
            AfterMoves<T> after) {
        return importFile(file, charset, force, booked, true, UnaryOperator.identity(), warn, progress, after);
    }

    /**
     * One move entered by hand ({@code stock add}): the options' values as the cells of a moves.csv row ({@code at}
     * formatted as the file would have it; {@code ref} may be null).
     */
    public record OneMove(String at, String siteId, String sku, String kind, String qty, String ref) {
        private List<Object> cells() {
            // a number cell, written as it is (a signed adjust is not mistaken for a formula); anything else,
            // full-width
            // digits among it, is left as text for the reader to name what is wrong with it, as in a file
            Long number = Cells.whole(qty, Long.MAX_VALUE);
            Object quantity = number != null ? number : qty;
            return Arrays.asList(at, siteId, sku, kind, quantity, ref == null ? "" : ref);
        }
    }

    /** The name a move entered by hand is recorded under (its batch's file name) and its problems are named by. */
    public static final String ONE_MOVE = "stock add";

    /**
     * Imports one move entered by hand as a moves.csv of one row: the same validation, batch record (file name
     * {@value #ONE_MOVE}) and follow-up step as {@link #importFile}. Moves without a ref may be entered twice (two
     * sales of one unit), so there is no check that the same input came before; a ref is still a document booked once.
     * Problems name the option ({@code --site}) rather than a column.
     */
    public <T> Result<T> importOne(OneMove move, Consumer<String> warn, AfterMoves<T> after) {
        Path dir;
        try {
            dir = Files.createTempDirectory(
                    "chanops-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary file for the move", e);
        }
        Path file = dir.resolve(ONE_MOVE);
        try {
            try (CsvSink sink = CsvSink.to(Files.newOutputStream(file, StandardOpenOption.CREATE_NEW), false)) {
                sink.header(COLUMNS);
                sink.row(move.cells());
            }
            return importFile(
                    file,
                    StandardCharsets.UTF_8,
                    false,
                    Booked.REFUSE,
                    false,
                    MoveImport::asOneMove,
                    warn,
                    null,
                    after);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a temporary file for the move", e);
        } catch (InputRejectedException e) {
            throw new InputRejectedException(
                    e.problems().stream().map(MoveImport::asOneMove).toList());
        } finally {
            try {
                Files.deleteIfExists(file);
                Files.deleteIfExists(dir);
            } catch (IOException ignored) {
                // a private, empty temporary directory left behind is harmless
            }
        }
    }

    /** A problem of the one-row file of {@link #importOne}, named by the command and its option. */
    private static Problem asOneMove(Problem p) {
        return new Problem(ONE_MOVE, 0, option(p.column()), p.message());
    }

    /** The {@code stock add} option behind a moves.csv column. */
    private static String option(String column) {
        return switch (column == null ? "" : column) {
            case "at" -> "--at";
            case "site_id" -> "--site";
            case "sku" -> "--sku";
            case "kind" -> "--kind";
            case "qty" -> "--qty";
            case "ref" -> "--ref";
            default -> column;
        };
    }

    private <T> Result<T> importFile(
            Path file,
            Charset charset,
            boolean force,
            Booked booked,
            boolean refuseRepeatedFile,
            UnaryOperator<Problem> naming,
            Consumer<String> warn,
            LongConsumer progress,
            AfterMoves<T> after) {
        LocalDateTime now = context.now();
        Phases phases = new Phases();
        WorkProgress work = WorkProgress.of(progress);
        work.phase(WorkProgress.Phase.READING, file.getFileName().toString(), WorkProgress.sizeOf(file));
        Moves read = readChecked(file, charset, naming, ImportVoice.IMPORT, warn, work);
        if (booked == Booked.SKIP_SAME) {
            refuseMovesWithoutRef(read, file);
        }
        phases.end("read");
        work.phase(WorkProgress.Phase.CHECKING, "", -1);
        Moves.Order readOrder = read.sortIntoWritingOrder();
        phases.end("sort");
        StockRepository stock = new StockRepository(ledger);
        List<StockLevels.WentNegative> wentNegative = new ArrayList<>();
        List<StockLevels.BackDated> farBack = new ArrayList<>();
        Result<T> result = ledger.writeBulk(h -> {
            // in the transaction that books them: no other import can book the same documents in between
            List<BookedDocuments.Repeat> repeats = bookedToLeaveOut(h, read, booked, file, () -> {
                // the whole file imported before is the likelier mistake, and the clearer message
                if (refuseRepeatedFile) {
                    ImportBatches.refuseRepeat(h, KIND, file, FileDigest.sha256(file), force);
                }
            });
            Moves moves = withoutRepeats(read, repeats);
            Moves.Order order = repeats.isEmpty() ? readOrder : moves.sortIntoWritingOrder();
            int skipped = read.size() - moves.size();
            if (moves.size() == 0) {
                return new Result<>(0, 0, 0, skipped, null);
            }
            if (refuseRepeatedFile && !force) {
                RepeatedFeed.refuse(h, moves, file);
            }
            // The file's digest and the new levels are computed on the other core while this one inserts (it is idle
            // then; while reading it reads the other half). A file imported before is therefore refused after the
            // insert, before the commit: the transaction is rolled back, and the refusal takes longer, nothing else.
            work.phase(WorkProgress.Phase.WRITING, "", -1);
            CompletableFuture<String> digest = onTheOtherCore("file-digest", () -> FileDigest.sha256(file));
            long batch = ImportBatches.record(
                    h, KIND, file, PENDING_DIGEST, read.size(), moves.size(), now, context.user(), force);
            long firstId = stock.reserveMoveIds(moves.size());
            StockLevels.Update levels = stock.prepareLevels(moves, order, firstId);
            CompletableFuture<StockLevels.Update> folded = onTheOtherCore("stock-levels", levels::fold);
            phases.end("begin");
            stock.insert(moves, order.rows(), firstId, batch);
            checkReferences(h, moves, file);
            phases.end("insert");
            String sha = Futures.join(digest);
            if (refuseRepeatedFile) {
                ImportBatches.refuseRepeat(h, KIND, file, sha, force);
            }
            ImportBatches.setDigest(h, batch, sha);
            phases.end("digest");
            Set<Position> touched = stock.write(Futures.join(folded));
            wentNegative.addAll(Futures.join(folded).wentNegative());
            farBack.addAll(Futures.join(folded).farBack());
            phases.end("levels");
            T afterResult = after == null ? null : after.apply(h, touched);
            phases.end("after");
            work.phase(WorkProgress.Phase.COMMITTING, "", -1);
            return new Result<>(batch, moves.size(), touched.size(), skipped, afterResult);
        });
        phases.end("commit");
        phases.print();
        Consumer<Problem> named = problem -> warn.accept(naming.apply(problem).toString());
        warnOfFarBack(file, farBack, now, ImportVoice.IMPORT, named);
        warnOfNegativeOnHand(file, wentNegative, ImportVoice.IMPORT, named);
        return result;
    }

    /**
     * Warns (after the commit) of the positions whose new moves start more than a month before their last move in the
     * ledger: imported as dated, the position's on hand recomputed from all its moves, but most likely a year typed
     * wrong (last year's in January). A first history load has no earlier moves and is not warned of; nor are moves
     * less than a month before {@code now} (the position's last move was dated ahead: that was warned of then).
     */
    static void warnOfFarBack(
            Path file,
            List<StockLevels.BackDated> backDated,
            LocalDateTime now,
            ImportVoice voice,
            Consumer<Problem> warn) {
        List<StockLevels.BackDated> found = backDated.stream()
                .filter(b -> b.firstNew().plus(StockLevels.FAR_BACK).isBefore(now))
                .toList();
        if (found.isEmpty()) {
            return;
        }
        List<String> which = found.stream()
                .map(b -> b.position().sku() + " at " + b.position().siteId() + ": " + LocalTimes.format(b.firstNew())
                        + ", last " + LocalTimes.format(b.lastBefore()))
                .toList();
        warn.accept(Problem.ofFile(
                file.toString(),
                "moves dated more than a month before the last move of their position in the ledger, at "
                        + Named.count(found.size(), "position") + ": " + Named.firstOf(which, NAMED_POSITIONS)
                        + "; " + voice.imported() + " as dated, on hand recomputed: a year typed wrong?"));
    }

    /** Positions named one by one in a warning about positions; past them, a count. */
    static final int NAMED_POSITIONS = 5;

    /**
     * Warns (after the commit) of the positions the import took below zero on hand: more sold or sent out than
     * received and counted, which is imported as given (a feed may deliver a sale before its receipt) but is most
     * likely a quantity typed wrong or a receipt not imported yet. Positions already below zero are not named again.
     */
    static void warnOfNegativeOnHand(
            Path file, List<StockLevels.WentNegative> found, ImportVoice voice, Consumer<Problem> warn) {
        if (found.isEmpty()) {
            return;
        }
        List<String> which = found.stream()
                .map(n -> n.position().sku() + " at " + n.position().siteId() + ": " + n.after() + " (was " + n.before()
                        + ")")
                .toList();
        warn.accept(Problem.ofFile(
                file.toString(),
                "on hand " + (voice == ImportVoice.DRY_RUN ? "would go" : "went") + " below zero at "
                        + Named.count(found.size(), "position") + ": "
                        + Named.firstOf(which, NAMED_POSITIONS)
                        + "; more sold or sent out than received and counted, " + voice.imported() + " as given:"
                        + " a quantity typed wrong, or a receipt or count not imported yet?"));
    }

    /** With CHANOPS_TRACE set: wall and CPU time (of this thread) of each phase, printed to stderr. */
    private static final class Phases {
        private final ThreadMXBean cpu = TRACE ? ManagementFactory.getThreadMXBean() : null;
        private final StringBuilder text = new StringBuilder("stock import phases (wall/cpu ms): JVM up "
                + (TRACE ? ManagementFactory.getRuntimeMXBean().getUptime() : 0) + " ms before;");
        private long wall = System.nanoTime();
        private long cpuNanos = TRACE ? cpu.getCurrentThreadCpuTime() : 0;

        void end(String phase) {
            if (TRACE) {
                long w = System.nanoTime();
                long c = cpu.getCurrentThreadCpuTime();
                text.append(' ')
                        .append(phase)
                        .append(' ')
                        .append((w - wall) / 1_000_000)
                        .append('/')
                        .append((c - cpuNanos) / 1_000_000);
                wall = w;
                cpuNanos = c;
            }
        }

        void print() {
            if (TRACE) {
                System.err.println(text);
            }
        }
    }

    /** Runs {@code work} on a thread of its own (the common pool may have a single thread on two cores). */
    private static <R> CompletableFuture<R> onTheOtherCore(String name, Supplier<R> work) {
        return CompletableFuture.supplyAsync(work, task -> {
            Thread t = new Thread(task, name);
            t.setDaemon(true);
            t.start();
        });
    }

    /**
     * What a dry run found: the file's valid moves, their positions, how many of the moves are booked already, and what
     * its {@code after} step found (null when no move would be imported).
     */
    public record Validated<T>(int moves, int positions, int booked, T after) {}

    /**
     * Reads and validates the whole file against the ledger's sites and products, writing nothing (what {@code stock
     * import --dry-run} does), and does with moves booked already what the import would; any problem rejects it with
     * every problem listed.
     */
    public Validated<Void> validate(
            Path file, Charset charset, Booked booked, boolean force, Consumer<String> warn, LongConsumer progress) {
        return validate(file, charset, booked, force, warn, progress, (h, onHand) -> null);
    }

    /**
     * As above, then {@code after} in the same read transaction with the on hand the import would set at each position
     * it would touch, as the import runs its {@code after} step with the positions it touched (the emergency step:
     * what it would raise).
     */
    public <T> Validated<T> validate(
            Path file,
            Charset charset,
            Booked booked,
            boolean force,
            Consumer<String> warn,
            LongConsumer progress,
            BiFunction<Handle, Map<Position, Long>, T> after) {
        Moves moves = readForDryRun(file, charset, warn, progress);
        if (booked == Booked.SKIP_SAME) {
            refuseMovesWithoutRef(moves, file);
        }
        return ledger.read(h -> {
            if (!force) {
                RepeatedFeed.refuse(h, moves, file);
            }
            List<BookedDocuments.Repeat> repeats = bookedToLeaveOut(h, moves, booked, file, () -> {});
            Moves imported = withoutRepeats(moves, repeats);
            T found = null;
            if (imported.size() > 0) {
                Map<Position, Long> onHand = warnOfLevelsAsTheImportWould(h, imported, file, warn);
                found = after.apply(h, onHand);
            }
            return new Validated<>(moves.size(), moves.positionCount(), repeats.size(), found);
        });
    }

    /** {@code read} without the moves of {@code repeats} (booked already: left out). */
    private static Moves withoutRepeats(Moves read, List<BookedDocuments.Repeat> repeats) {
        if (repeats.isEmpty()) {
            return read;
        }
        BitSet left = new BitSet(read.size());
        repeats.forEach(repeat -> left.set(repeat.row()));
        return read.without(left);
    }

    /**
     * A dry run's warnings of the levels the import would set (on hand below zero, moves far before their position's
     * last), worded as what the import would do: computed from the ledger's levels and moves, reading only. Returns
     * those levels: the on hand of each position the moves touch.
     */
    private Map<Position, Long> warnOfLevelsAsTheImportWould(Handle h, Moves moves, Path file, Consumer<String> warn) {
        StockLevels.Update levels = StockLevels.prepare(h, moves, moves.sortIntoWritingOrder(), 0)
                .fold()
                .foldBackDatedReadOnly(h);
        Consumer<Problem> named = problem -> warn.accept(problem.toString());
        warnOfFarBack(file, levels.farBack(), context.now(), ImportVoice.DRY_RUN, named);
        warnOfNegativeOnHand(file, levels.wentNegative(), ImportVoice.DRY_RUN, named);
        return levels.onHandAfter();
    }

    private Moves readForDryRun(Path file, Charset charset, Consumer<String> warn, LongConsumer progress) {
        WorkProgress work = WorkProgress.of(progress);
        work.phase(WorkProgress.Phase.READING, file.getFileName().toString(), WorkProgress.sizeOf(file));
        Moves moves = readChecked(file, charset, UnaryOperator.identity(), ImportVoice.DRY_RUN, warn, work);
        work.phase(WorkProgress.Phase.CHECKING, "", -1);
        return moves;
    }

    /**
     * Rejects a file already imported (same SHA-256), as the import would: what {@code stock import --dry-run} checks
     * first (without {@code --force}).
     */
    public static void refuseImportedBefore(Ledger ledger, Path file) {
        String sha = FileDigest.sha256(file);
        ledger.read(h -> {
            ImportBatches.refuseRepeat(h, KIND, file, sha, false);
            return null;
        });
    }

    /**
     * The file read and validated against the ledger's sites and products, with the warning of moves dated ahead of the
     * clock ({@code naming} names its problem as the caller's input: a file, or {@code stock add}'s options).
     */
    private Moves readChecked(
            Path file,
            Charset charset,
            UnaryOperator<Problem> naming,
            ImportVoice voice,
            Consumer<String> warn,
            LongConsumer progress) {
        Moves moves = readAgainstMasterData(ledger, file, charset, warn, progress);
        warnOfMovesAhead(
                moves,
                file,
                context.now(),
                voice,
                problem -> warn.accept(naming.apply(problem).toString()));
        return moves;
    }

    /**
     * How far past the clock a move may be dated without a warning: a till's clock that runs a little fast, or a
     * file of today's moves imported just before midnight, is normal; a year typed wrong is not.
     */
    static final Duration AHEAD = Duration.ofDays(1);

    /**
     * Warns (once, naming the first such line and how many there are) of moves dated more than {@link #AHEAD} after
     * {@code now}: they are imported as dated, and count in on hand from now on, but are most likely a wrong year or
     * month. Not an error: a backfill run with an earlier {@code --now} may hold them on purpose.
     */
    static void warnOfMovesAhead(Moves moves, Path file, LocalDateTime now, ImportVoice voice, Consumer<Problem> warn) {
        long latest = Moves.atDigits(LocalTimes.format(now.plus(AHEAD)));
        int first = -1;
        int count = 0;
        for (int row = 0; row < moves.size(); row++) {
            if (moves.at(row) > latest) {
                first = first < 0 ? row : first;
                count++;
            }
        }
        if (count > 0) {
            warn.accept(new Problem(
                    file.toString(),
                    moves.line(first),
                    "at",
                    Moves.atText(moves.at(first)) + " is more than a day after now ("
                            + LocalTimes.format(now) + ")" + alsoLater(count - 1)
                            + "; " + voice.imported() + " as dated: check the year and month"));
        }
    }

    private static String alsoLater(int rows) {
        return rows == 0 ? "" : rows == 1 ? ", as is 1 later row" : ", as are " + rows + " later rows";
    }

    /**
     * The moves of {@code moves} whose document is booked already, which the import leaves out: with {@code REFUSE} any
     * such move refuses the file ({@code beforeRefusing} runs first), with {@code SKIP_SAME} a corrected document does.
     */
    private static List<BookedDocuments.Repeat> bookedToLeaveOut(
            Handle h, Moves moves, Booked booked, Path file, Runnable beforeRefusing) {
        List<BookedDocuments.Repeat> repeats = BookedDocuments.find(h, moves);
        if (!repeats.isEmpty() && booked == Booked.REFUSE) {
            beforeRefusing.run();
            throw refusedAsBooked(h, moves, repeats, file);
        }
        refuseCorrectedDocuments(h, moves, repeats, file);
        return repeats;
    }

    /**
     * The refusal of a file some of whose moves are booked already: one duplicate-row problem each, led by a note on
     * the file when every one of them is the booked move again (same time and quantity), which is a feed whose files
     * overlap rather than documents entered twice, and {@code --skip-booked} would import the rest (every move has
     * a ref).
     */
    private static InputRejectedException refusedAsBooked(
            Handle h, Moves moves, List<BookedDocuments.Repeat> repeats, Path file) {
        List<Problem> problems = new ArrayList<>();
        if (repeats.stream().allMatch(r -> r.same(moves))
                && moves.size() > repeats.size()
                && movesWithoutRef(moves, file).isEmpty()) {
            problems.add(Problem.ofFile(
                    file.toString(),
                    repeats.size() + " of its " + moves.size() + (repeats.size() == 1 ? " moves is" : " moves are")
                            + " in the ledger already, each the same"
                            + " move (a feed whose files overlap?): --skip-booked leaves them out and imports the other "
                            + (moves.size() - repeats.size())));
        }
        problems.addAll(BookedDocuments.problems(h, moves, repeats, file.toString(), repeat -> ""));
        return new InputRejectedException(problems);
    }

    /**
     * Rejects the file (exit 4) when a move whose document is booked differs from the booked move in time or
     * quantity: a corrected document, which leaving out would hide.
     */
    private static void refuseCorrectedDocuments(
            Handle h, Moves moves, List<BookedDocuments.Repeat> repeats, Path file) {
        List<BookedDocuments.Repeat> corrected =
                repeats.stream().filter(r -> !r.same(moves)).toList();
        if (!corrected.isEmpty()) {
            throw new InputRejectedException(BookedDocuments.problems(
                    h,
                    moves,
                    corrected,
                    file.toString(),
                    r -> " at " + Moves.atText(r.bookedAt()) + " with qty " + r.bookedQty() + ", and this line says "
                            + Moves.atText(moves.at(r.row())) + " with qty " + moves.qty(r.row())
                            + ": --skip-booked leaves out only the same move again (correct the document with an"
                            + " adjust or count of its own)"));
        }
    }

    /**
     * Rejects the file (exit 4) when a move has no ref: with {@code --skip-booked}, the same move imported before
     * cannot be told from a new one, and would be counted twice.
     */
    private static void refuseMovesWithoutRef(Moves moves, Path file) {
        List<Problem> problems = movesWithoutRef(moves, file);
        if (!problems.isEmpty()) {
            throw new InputRejectedException(problems);
        }
    }

    /** A problem for each move without a ref, for {@code --skip-booked}, in line order. */
    private static List<Problem> movesWithoutRef(Moves moves, Path file) {
        List<Problem> problems = new ArrayList<>();
        for (int row = 0; row < moves.size(); row++) {
            if (!moves.hasRef(row)) {
                problems.add(new Problem(
                        file.toString(),
                        moves.line(row),
                        "ref",
                        "empty: --skip-booked needs a ref on every move (a move without one cannot be told from the"
                                + " same move imported before, and would be counted twice)"));
            }
        }
        problems.sort(Comparator.comparingLong(Problem::line));
        return problems;
    }

    private static Moves readAgainstMasterData(
            Ledger ledger, Path file, Charset charset, Consumer<String> warn, LongConsumer progress) {
        record MasterData(Set<String> sites, Map<String, ProductType> products) {}
        MasterData master = ledger.read(h -> new MasterData(
                h.attach(SiteRepository.class).ids(),
                h.attach(ProductRepository.class).types()));
        return MoveReader.read(file, charset, master.sites(), master.products(), warn, progress, MoveReader.Scan.FAST);
    }

    /**
     * What the foreign keys of stock_move would check row by row (writeBulk turns them off on SQLite), checked once
     * per distinct site and SKU inside the write transaction: the master data could have changed since the file was
     * validated against it. The batch is the one this transaction recorded.
     */
    static void checkReferences(Handle h, Moves moves, Path file) {
        Set<String> sites = h.attach(SiteRepository.class).ids();
        Set<String> skus = h.attach(ProductRepository.class).typeTexts().keySet();
        for (int p = 0; p < moves.positionCount(); p++) {
            Position position = moves.position(p);
            if (!sites.contains(position.siteId()) || !skus.contains(position.sku())) {
                throw InputRejectedException.of(Problem.ofFile(
                        file.toString(),
                        "site '" + position.siteId() + "' or SKU '" + position.sku()
                                + "' was removed from the ledger while the file was read; nothing was imported"));
            }
        }
    }
}
