package io.chanops.catalog;

import io.chanops.ledger.InputRejectedException;
import io.chanops.ledger.Ledger;
import io.chanops.ledger.OperationContext;
import io.chanops.ledger.Problem;
import io.chanops.ledger.WorkProgress;
import io.chanops.ledger.files.OutputFile;
import io.chanops.ledger.files.OutputGuard;
import io.chanops.ledger.files.OutputKind;
import io.chanops.ledger.files.OutputSet;
import io.chanops.ledger.imports.FileDigest;
import io.chanops.ledger.imports.ImportBatches;
import io.chanops.ledger.imports.ImportVoice;
import io.chanops.ledger.master.LookAlikeIds;
import io.chanops.ledger.model.ImportBatch;
import io.chanops.ledger.model.Product;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.jdbi.v3.core.Handle;

/**
 * Imports {@code catalog.csv} (SPEC §9): validates every row before anything is written, works out the plan (created,
 * updated field by field, unchanged, unlisted by {@code --sync}), then applies it, the catalog history and the import
 * batch in one transaction. A dry run stops after the plan.
 */
public final class CatalogImport {
    public static final List<String> COLUMNS = CatalogReader.COLUMNS;
    public static final Set<String> CHANNELS = Set.copyOf(CatalogRowParser.CHANNELS);
    public static final Set<String> STATUSES = CatalogRowParser.STATUSES;
    public static final Set<Integer> CONTRACT_MONTHS = CatalogRowParser.CONTRACT_MONTHS;
    public static final int MAX_NAME_LENGTH = CatalogRowParser.MAX_NAME_LENGTH;

    /**
     * How to import: {@code skipInvalid} writes the valid rows and the rejected ones to {@code <file>.rejects.csv};
     * {@code maxUnlist} is the most products {@code sync} may unlist (null: at most half of the listed ones).
     */
    public record Options(
            Charset charset, boolean dryRun, boolean skipInvalid, boolean sync, UnlistLimit maxUnlist, boolean force) {
        public static Options plain(Charset charset, boolean force) {
            return new Options(charset, false, false, false, null, force);
        }
    }

    /**
     * What the import did (or, for a dry run, would do). {@code batchId} is 0 for a dry run; {@code rejectsFile} is set
     * when one was written; {@code earlierImport} is the batch that already imported the same content, if any;
     * {@code offSaleWithStock} gives, for each product this import takes off sale (listed before, not after), the units
     * still on hand across all sites, when there are any: stock that the stores can no longer sell.
     */
    public record Result(
            String file,
            boolean dryRun,
            long batchId,
            int rows,
            List<CatalogChange> changes,
            int unchanged,
            List<Rejection> rejections,
            Path rejectsFile,
            Optional<ImportBatch> earlierImport,
            Map<String, Long> offSaleWithStock)
            implements CatalogChanges {
        public long rejectedRows() {
            return rejections.stream().mapToLong(Rejection::line).distinct().count();
        }

        public List<Problem> problems() {
            return rejections.stream().map(r -> r.toProblem(file)).toList();
        }
    }

    private final ProductStock stock;
    private final OperationContext context;

    /**
     * An import that asks {@code stock} what it needs to know of stock, and books its batches at the context's time,
     * as its user.
     */
    public CatalogImport(ProductStock stock, OperationContext context) {
        this.stock = stock;
        this.context = context;
    }

    /** The foundation's plain import: every row valid or nothing written, no sync. */
    public Result importFile(Ledger ledger, Path file, Charset charset, boolean force, Consumer<String> warn) {
        return run(ledger, file, Options.plain(charset, force), warn, n -> {});
    }

    public Result run(Ledger ledger, Path file, Options options, Consumer<String> warn, LongConsumer progress) {
        try (OutputSet outputs = new OutputSet(OutputGuard.inputs(file))) {
            return run(ledger, file, options, warn, progress, outputs);
        }
    }

    /**
     * As {@link #run(Ledger, Path, Options, Consumer, LongConsumer)}, with the rejects file of
     * {@code --skip-invalid} declared in {@code outputs} before anything else, written in the import's transaction and
     * published (with whatever else {@code outputs} holds) as its last step. A refused or failed import leaves no
     * rejects file that describes nothing, and a rejects file that cannot be written commits nothing.
     */
    public Result run(
            Ledger ledger,
            Path file,
            Options options,
            Consumer<String> warn,
            LongConsumer progress,
            OutputSet outputs) {
        LocalDateTime now = context.now();
        OutputFile rejectsFile = options.skipInvalid() && !options.dryRun()
                ? outputs.file(RejectsFile.pathFor(file)).requireReplaceable(OutputKind.csv(RejectsFile.COLUMNS))
                : null;
        WorkProgress work = WorkProgress.of(progress);
        work.phase(WorkProgress.Phase.READING, file.getFileName().toString(), WorkProgress.sizeOf(file));
        String sha = FileDigest.sha256(file);
        CatalogFile parsed = CatalogReader.read(file, options.charset(), warn, work);
        work.phase(WorkProgress.Phase.CHECKING, "", -1);
        if (options.sync() && parsed.skus().isEmpty()) {
            // A truncated or wrong file must not take the whole catalog off sale.
            throw InputRejectedException.of(
                    Problem.ofFile(parsed.name(), "names no SKU at all; with --sync it would unlist every product"));
        }
        if (parsed.hasRejections() && !options.skipInvalid() && !options.dryRun()) {
            throw new InputRejectedException(parsed.problems());
        }
        if (options.dryRun()) {
            return ledger.read(h -> {
                CatalogPlan plan = plan(h, parsed, options, warn);
                return result(
                        parsed, true, 0, plan, null, ImportBatches.find(h, "catalog", sha), offSaleWithStock(plan));
            });
        }
        return ledger.write(h -> {
            ImportBatches.refuseRepeat(h, "catalog", file, sha, options.force());
            // refused above unless forced: only a forced re-import has an earlier batch to report
            Optional<ImportBatch> earlier = options.force() ? ImportBatches.find(h, "catalog", sha) : Optional.empty();
            CatalogPlan plan = plan(h, parsed, options, warn);
            if (!plan.rejections().isEmpty() && !options.skipInvalid()) {
                throw new InputRejectedException(plan.rejections().stream()
                        .map(r -> r.toProblem(parsed.name()))
                        .toList());
            }
            work.phase(WorkProgress.Phase.WRITING, "", -1);
            long batch = ImportBatches.record(
                    h,
                    "catalog",
                    file,
                    sha,
                    parsed.rowsRead(),
                    plan.changes().size(),
                    now,
                    context.user(),
                    options.force());
            h.attach(ProductRepository.class)
                    .upsert(plan.changes().stream().map(CatalogChange::after).toList(), batch);
            CatalogHistory.record(h, batch, plan.changes());
            Result r = result(
                    parsed,
                    false,
                    batch,
                    plan,
                    rejectsFile == null ? null : rejectsFile.target(),
                    earlier,
                    offSaleWithStock(plan));
            if (rejectsFile != null) {
                RejectsFile.write(rejectsFile, r.rejections());
            }
            outputs.publish();
            work.phase(WorkProgress.Phase.COMMITTING, "", -1);
            return r;
        });
    }

    /** Reads and validates the whole file; any invalid row rejects it with all problems listed. */
    public static List<Product> read(Path file, Charset charset, Consumer<String> warn) {
        return CatalogReader.readAll(file, charset, warn);
    }

    public static List<Product> read(Path file, Consumer<String> warn) {
        return read(file, StandardCharsets.UTF_8, warn);
    }

    /**
     * What the file would do to the catalog; warns of the new SKUs written as an existing or earlier one but for case
     * and separators, and refuses a {@code --sync} that would unlist more than it may.
     */
    private CatalogPlan plan(Handle h, CatalogFile parsed, Options options, Consumer<String> warn) {
        Map<String, Product> existing = new LinkedHashMap<>();
        h.attach(ProductRepository.class).list().forEach(p -> existing.put(p.sku(), p));
        CatalogPlan plan = CatalogPlan.of(existing, parsed, options.sync(), stock::hasMoves);
        List<LookAlikeIds.NewId> created = plan.changes().stream()
                .filter(c -> c.kind() == CatalogChange.Kind.CREATED)
                .sorted(Comparator.comparingLong(CatalogChange::line))
                .map(c -> new LookAlikeIds.NewId(c.sku(), c.line()))
                .toList();
        new LookAlikeIds("SKU", "sku")
                .warn(parsed.name(), existing.keySet(), created, ImportVoice.of(options.dryRun()), warn);
        if (options.sync()) {
            refuseMassUnlisting(parsed.name(), existing, plan, options.maxUnlist());
        }
        return plan;
    }

    /**
     * Refuses (exit 4, nothing written) a {@code --sync} that would unlist more than {@code maxUnlist} products, or,
     * without it, more than half of the listed ones: the file is then more likely a truncated export, or one kind of
     * product only, than the whole catalog, and a nightly feed's cron job would take the store off sale.
     */
    private static void refuseMassUnlisting(
            String file, Map<String, Product> existing, CatalogPlan plan, UnlistLimit maxUnlist) {
        long listed = existing.values().stream()
                .filter(p -> "listed".equals(p.status()))
                .count();
        int unlisted = plan.unlisted();
        if (maxUnlist != null && unlisted > maxUnlist.of(listed)) {
            throw InputRejectedException.of(Problem.ofFile(
                    file,
                    "--sync would unlist " + unlisted + " of the " + listed + " listed products, more than"
                            + " --max-unlist " + maxUnlist.describe(listed)));
        }
        if (maxUnlist == null && unlisted > 0 && unlisted * 2L > listed) {
            throw InputRejectedException.of(Problem.ofFile(
                    file,
                    "--sync would unlist " + unlisted + " of the " + listed + " listed products: is the file the"
                            + " whole catalog? (a truncated export, or one kind of product only, takes the rest off"
                            + " sale); if it is, --max-unlist " + unlisted + " lets it"));
        }
    }

    private Map<String, Long> offSaleWithStock(CatalogPlan plan) {
        Set<String> offSale = new HashSet<>();
        for (CatalogChange c : plan.changes()) {
            if (c.before() != null
                    && "listed".equals(c.before().status())
                    && !"listed".equals(c.after().status())) {
                offSale.add(c.sku());
            }
        }
        Map<String, Long> onHand = new TreeMap<>();
        if (offSale.isEmpty()) {
            return onHand;
        }
        // one scan of the levels rather than one query per SKU: a --sync can take thousands of products off sale
        stock.onHandBySku().forEach((sku, units) -> {
            if (offSale.contains(sku)) {
                onHand.put(sku, units);
            }
        });
        return onHand;
    }

    private static Result result(
            CatalogFile parsed,
            boolean dryRun,
            long batch,
            CatalogPlan plan,
            Path rejects,
            Optional<ImportBatch> earlier,
            Map<String, Long> offSaleWithStock) {
        List<Rejection> rejections = new ArrayList<>(parsed.rejections());
        rejections.addAll(plan.rejections());
        rejections.sort(Comparator.comparingLong(Rejection::line));
        return new Result(
                parsed.name(),
                dryRun,
                batch,
                parsed.rowsRead(),
                plan.changes(),
                plan.unchanged(),
                List.copyOf(rejections),
                rejects,
                earlier,
                Map.copyOf(offSaleWithStock));
    }
}
