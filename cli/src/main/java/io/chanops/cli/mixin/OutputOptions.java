package io.chanops.cli.mixin;

import io.chanops.cli.RunContext;
import io.chanops.cli.UserException;
import io.chanops.cli.support.Format;
import io.chanops.cli.support.Listing;
import io.chanops.cli.support.Renderer;
import io.chanops.ledger.files.OutputFile;
import io.chanops.ledger.text.Named;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --format table|csv|json|xlsx}, {@code --out FILE}, {@code --bom} for listing commands (xlsx needs --out). An
 * --out file named {@code .csv}, {@code .json} or {@code .xlsx} is written in that format unless --format is given on
 * the command line, and refused when --format says another: a workbook name over CSV text is a file Excel will not
 * open.
 */
public final class OutputOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(
            names = "--format",
            paramLabel = "table|csv|json|xlsx",
            description = "Output format (default: the --out file's extension when it is csv, json or xlsx; else "
                    + "table on a terminal, csv otherwise).")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path out;

    @Option(names = "--bom", description = "Start CSV with a UTF-8 BOM, so Excel shows Chinese text correctly.")
    boolean bom;

    private OutputFile file;

    /** Whether the listing went to standard output before the commit ({@link #publishFile}). */
    private boolean printed;

    public Format format(RunContext ctx) {
        if (out != null && !formatOnCommandLine()) {
            Optional<Format> named = Format.ofFileName(out);
            if (named.isPresent()) {
                return named.get();
            }
        }
        if (format != null) {
            return format;
        }
        return out == null && ctx.interactive() ? Format.TABLE : Format.CSV;
    }

    private static String what(Format f) {
        return switch (f) {
            case TABLE -> "a text table";
            case CSV -> "CSV";
            case JSON -> "JSON";
            case XLSX -> "a workbook";
        };
    }

    /** Whether --format was typed (a config file's default is not: a file's extension overrides that). */
    private boolean formatOnCommandLine() {
        return command != null
                && command.commandLine() != null
                && command.commandLine().getParseResult() != null
                && command.commandLine().getParseResult().hasMatchedOption("--format");
    }

    public boolean isTable(RunContext ctx) {
        return format(ctx) == Format.TABLE;
    }

    /** A table for the terminal: table format and no --out file (where commands add their coloured extras). */
    public boolean tableOnTerminal(RunContext ctx) {
        return isTable(ctx) && out == null;
    }

    /**
     * The format of a command's other file {@code file} (such as a --detail file): as its name says (.csv, .json,
     * .xlsx), else xlsx with --format xlsx and CSV otherwise.
     */
    public Format fileFormat(RunContext ctx, Path file) {
        return Format.ofFileName(file).orElse(format(ctx) == Format.XLSX ? Format.XLSX : Format.CSV);
    }

    public boolean bom() {
        return bom;
    }

    /** Declares the --out file (checked before the command's work; {@link io.chanops.cli.ChanopsCommand} does it). */
    public void declare(RunContext ctx) {
        if (format == Format.XLSX && out == null) {
            throw UserException.usage(
                    "--format xlsx needs --out FILE: a workbook is written to a file, not to standard output");
        }
        if (out != null && formatOnCommandLine()) {
            Optional<Format> named = Format.ofFileName(out);
            if (named.isPresent() && named.get() != format) {
                throw UserException.usage("--out " + out + " is named as " + what(named.get()) + " but --format "
                        + format + " writes " + what(format) + ": give --format " + named.get()
                        + ", or leave --format out to write what the name says");
            }
        }
        if (out != null && file == null) {
            file = ctx.outputs().file(out);
        }
    }

    /** Renders to the --out file or to standard output (read-only commands). */
    public void render(RunContext ctx, Listing listing) {
        writeFile(ctx, listing);
        print(ctx, listing);
    }

    /** With --out, writes the listing to the file's temporary file, published with the run's outputs. */
    public void writeFile(RunContext ctx, Listing listing) {
        if (out != null) {
            declare(ctx);
            Renderer.renderToFile(listing, format(ctx), file, bom);
            ctx.info("wrote " + Named.count(listing.size(), "row") + " to " + out);
            if (format(ctx) == Format.CSV && !bom && listing.hasNonAscii()) {
                ctx.info("note: " + out + " holds Chinese (non-ASCII) text and no BOM, which Excel shows garbled: add"
                        + " --bom (or bom=true in chanops.properties) for a file to open in Excel");
            }
        }
    }

    /**
     * With --out, writes the listing and publishes the run's outputs: a command that commits calls this as the last
     * step of its transaction, so that a file which cannot be written commits nothing. Without --out, a CSV or JSON
     * listing on a standard output that is not a terminal is written here too, for the same reason.
     */
    public void publishFile(RunContext ctx, Listing listing) {
        if (out != null) {
            writeFile(ctx, listing);
            ctx.outputs().publish();
        } else if (!ctx.stdoutTerminal() && !isTable(ctx)) {
            // standard output redirected (cron's log, a file): written before the commit too, so that a full disk
            // commits nothing (SPEC §3.1); a terminal's listing, perhaps paged, comes after it: a pager must not hold
            // the write lock while a person reads
            Renderer.render(listing, format(ctx), ctx.out(), bom, ctx.colour(), ctx.tableWidth());
            printed = true;
            ctx.requireStandardOutput();
        }
    }

    /**
     * Without --out, prints the listing on standard output (after the commit, unless {@link #publishFile} wrote it
     * before); with --out, does nothing.
     */
    public void print(RunContext ctx, Listing listing) {
        if (out == null && !printed) {
            Renderer.render(listing, format(ctx), ctx.out(), bom, ctx.colour(), ctx.tableWidth());
        }
    }
}
