package io.chanops.cli.mixin;

import io.chanops.cli.support.CharsetConverter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Option;

/** {@code --charset} and {@code --force} for imports. */
public final class InputFileOptions {
    @Option(
            names = "--charset",
            paramLabel = "CS",
            converter = CharsetConverter.class,
            description =
                    "Charset of the file (default UTF-8, BOM tolerated; GB18030 or GBK for many Chinese exports).")
    Charset charset = StandardCharsets.UTF_8;

    @Option(
            names = "--force",
            description = "Import the file even if the same file (same SHA-256) was imported before.")
    boolean force;

    public Charset charset() {
        return charset;
    }

    public boolean force() {
        return force;
    }
}
