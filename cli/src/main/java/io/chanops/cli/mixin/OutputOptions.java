package io.chanops.cli.mixin;

import io.chanops.cli.RunContext;
import io.chanops.cli.support.Format;
import io.chanops.cli.support.Listing;
import io.chanops.cli.support.Renderer;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --format table|csv|json}, {@code --out FILE}, {@code --bom} for listing commands. */
public final class OutputOptions {
    @Option(names = "--format", paramLabel = "table|csv|json",
            description = "Output format (default: table on a terminal, csv otherwise or with --out).")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path out;

    @Option(names = "--bom", description = "Start CSV with a UTF-8 BOM, so Excel shows Chinese text correctly.")
    boolean bom;

    public Format format(RunContext ctx) {
        if (format != null) {
            return format;
        }
        return out == null && ctx.interactive() ? Format.TABLE : Format.CSV;
    }

    public boolean isTable(RunContext ctx) {
        return format(ctx) == Format.TABLE;
    }

    /** A table for the terminal: table format and no --out file (where commands add their coloured extras). */
    public boolean tableOnTerminal(RunContext ctx) {
        return isTable(ctx) && out == null;
    }

    public boolean bom() {
        return bom;
    }

    /** Renders to --out (atomically) or to the terminal. */
    public void render(RunContext ctx, Listing listing) {
        Format f = format(ctx);
        if (out != null) {
            Renderer.renderToFile(listing, f, out, bom);
            ctx.info("wrote " + listing.size() + " rows to " + out);
        } else {
            Renderer.render(listing, f, ctx.out(), bom, ctx.colour());
        }
    }
}
