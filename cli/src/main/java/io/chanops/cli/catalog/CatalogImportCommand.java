package io.chanops.cli.catalog;

import io.chanops.catalog.CatalogChange;
import io.chanops.catalog.CatalogChanges;
import io.chanops.catalog.CatalogImport;
import io.chanops.catalog.FieldChange;
import io.chanops.catalog.UnlistLimit;
import io.chanops.cli.ChanopsCommand;
import io.chanops.cli.ExitCode;
import io.chanops.cli.UserException;
import io.chanops.cli.mixin.InputFileOptions;
import io.chanops.cli.support.ErrorHandler;
import io.chanops.cli.support.Progress;
import io.chanops.cli.support.Style;
import io.chanops.ledger.InputRejectedException;
import io.chanops.ledger.Problem;
import io.chanops.ledger.text.Named;
import io.chanops.replenish.stock.StockRepository;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

@Command(
        name = "import",
        footerHeading = "%nExamples:%n",
        footer = {
            "  chanops catalog import samples/catalog.csv",
            "  chanops catalog import samples/catalog-update.csv --dry-run",
            "  chanops catalog import samples/catalog-broken.csv --skip-invalid"
        },
        description = {
            "Import catalog.csv: upsert by SKU, with --dry-run diff, --skip-invalid and --sync.",
            "Columns: sku,type,name,brand,price,status,channels,monthly_fee,months.",
            "Every row is validated first; any invalid row rejects the file (exit 4), unless --skip-invalid."
        })
public final class CatalogImportCommand extends ChanopsCommand {
    @Parameters(paramLabel = "FILE", description = "catalog.csv")
    Path file;

    @Mixin
    InputFileOptions input;

    @Option(
            names = "--dry-run",
            description =
                    "Validate and show what would change, field by field; write nothing (exit 3 if rows are invalid).")
    boolean dryRun;

    @Option(
            names = "--skip-invalid",
            description =
                    "Write the valid rows; list the invalid ones in FILE.rejects.csv (row,column,code,message); exit 3 "
                            + "if any.")
    boolean skipInvalid;

    @Option(
            names = "--sync",
            description = "The file is the whole catalog: listed products whose SKU it does not name become unlisted"
                    + " (refused when that is more than half of the listed ones).")
    boolean sync;

    @Option(
            names = "--max-unlist",
            paramLabel = "N|P%",
            converter = UnlistLimitConverter.class,
            description = "With --sync: the most products it may unlist (N), or the most as a percentage of the listed"
                    + " ones (P%%, rounded down), instead of half of the listed ones.")
    UnlistLimit maxUnlist;

    /** {@code --max-unlist}: anything but {@code N} or {@code P%} is a usage error naming both forms. */
    static final class UnlistLimitConverter implements ITypeConverter<UnlistLimit> {
        @Override
        public UnlistLimit convert(String value) {
            return UnlistLimit.parse(value)
                    .orElseThrow(() -> new TypeConversionException("'" + value + "' is not a number of products (like"
                            + " 25) or a percentage of the listed ones from 0% to 100% (like 5%)"));
        }
    }

    @Override
    protected int run() {
        if (maxUnlist != null && !sync) {
            throw UserException.usage("--max-unlist limits what --sync unlists: give it with --sync");
        }
        CatalogImport.Options options =
                new CatalogImport.Options(input.charset(), dryRun, skipInvalid, sync, maxUnlist, input.force());
        CatalogImport.Result r;
        try (Progress progress =
                Progress.start(ctx(), dryRun ? "catalog import --dry-run" : "catalog import", -1, "rows")) {
            r = new CatalogImport(new StockRepository(ctx().ledger()), ctx().operation())
                    .run(ctx().ledger(), file, options, ctx()::warn, progress, ctx().outputs());
        } catch (InputRejectedException e) {
            if (!dryRun) {
                throw e;
            }
            // A dry run reports a file it cannot read at all (missing column, bad charset) like invalid rows: exit 3.
            ErrorHandler.printRejection(ctx().err(), e, ctx().verbose(), ctx().colour());
            out().printf("dry run: %s cannot be imported; nothing written%n", file.getFileName());
            return ExitCode.ATTENTION;
        }
        if (!r.rejections().isEmpty()) {
            ErrorHandler.printProblems(ctx().err(), r.problems(), "", ctx().verbose(), ctx().colour());
        }
        if (dryRun || ctx().verbose()) {
            printChanges(r);
        }
        String name = file.getFileName().toString();
        List<String> offSale = new ArrayList<>();
        new TreeMap<>(r.offSaleWithStock())
                .forEach((sku, units) -> offSale.add(sku + (dryRun ? " would go" : " goes") + " off sale with "
                        + Named.count(units, "unit") + " on hand"));
        warnEach(offSale, "more products off sale with stock");
        List<String> jumps = new ArrayList<>();
        for (CatalogChanges.AmountJump j : r.amountJumps()) {
            jumps.add(new Problem(name, j.change().line(), j.column(), j.message()).toString());
        }
        warnEach(jumps, "more prices or monthly fees changed that much");
        if (dryRun) {
            out().printf(
                            "dry run: %s: %d rows; would create %d, update %d, unlist %d; %d unchanged%s; nothing "
                                    + "written%n",
                            name,
                            r.rows(),
                            r.created(),
                            r.updated(),
                            r.unlisted(),
                            r.unchanged(),
                            r.rejections().isEmpty()
                                    ? ""
                                    : "; " + Named.count(r.rejectedRows(), "invalid row") + " ("
                                            + Named.count(r.rejections().size(), "problem") + ")");
            r.earlierImport()
                    .ifPresent(b -> ctx().info("note: this file was already imported as batch " + b.batchId() + " ("
                            + b.fileName() + ", " + b.importedAt() + "); importing it again needs --force"));
            return r.rejections().isEmpty() ? ExitCode.OK : ExitCode.ATTENTION;
        }
        out().printf(
                        "imported %d products from %s (batch %d): %d created, %d updated, %d unchanged%s%n",
                        r.rows() - r.rejectedRows(),
                        name,
                        r.batchId(),
                        r.created(),
                        r.updated(),
                        r.unchanged(),
                        sync ? ", " + r.unlisted() + " unlisted (not in the file)" : "");
        if (r.rejectsFile() != null) {
            out().printf(
                            "%s rejected (%s), listed in %s%n",
                            Named.count(r.rejectedRows(), "row"),
                            Named.count(r.rejections().size(), "problem"),
                            r.rejectsFile());
        }
        return r.rejections().isEmpty() ? ExitCode.OK : ExitCode.ATTENTION;
    }

    /** One line per change; built in chunks because a bulk file can mean tens of thousands of lines. */
    private void printChanges(CatalogImport.Result r) {
        PrintWriter out = out();
        boolean colour = ctx().colour();
        int width = r.changes().stream().mapToInt(c -> c.sku().length()).max().orElse(0);
        StringBuilder text = new StringBuilder(1 << 16);
        for (CatalogChange c : r.changes()) {
            StringBuilder line = new StringBuilder(120);
            line.append(c.kind());
            line.append(" ".repeat(Math.max(1, 9 - line.length())));
            line.append(c.sku()).append(" ".repeat(width - c.sku().length() + 2));
            line.append(c.line() > 0 ? "line " + c.line() : "not in the file").append(": ");
            String separator = c.kind() == CatalogChange.Kind.CREATED ? ", " : "; ";
            for (int i = 0; i < c.fields().size(); i++) {
                FieldChange f = c.fields().get(i);
                line.append(i == 0 ? "" : separator)
                        .append(c.kind() == CatalogChange.Kind.CREATED ? f.newValue() : f.toString());
            }
            Style style = switch (c.kind()) {
                case CREATED -> Style.GREEN;
                case UPDATED -> Style.YELLOW;
                case UNLISTED -> Style.RED;
            };
            text.append(style.apply(line.toString(), colour)).append(System.lineSeparator());
            if (text.length() > 60_000) {
                out.print(text);
                text.setLength(0);
            }
        }
        out.print(text);
        out.flush();
    }

    /** Each warning, the first {@value #SHOWN} unless --verbose, then how many more there are of {@code what}. */
    private void warnEach(List<String> warnings, String what) {
        for (int i = 0; i < warnings.size(); i++) {
            if (i == SHOWN && !ctx().verbose()) {
                ctx().warn("... and " + (warnings.size() - SHOWN) + " " + what + " (-v lists them)");
                return;
            }
            ctx().warn(warnings.get(i));
        }
    }

    private static final int SHOWN = 20;
}
