package io.chanops.catalog;

import io.chanops.ledger.csv.CsvSink;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * {@code <file>.rejects.csv}: the rows {@code --skip-invalid} left out, one line per problem
 * ({@code row,column,code,message}; row = the line in the imported file), so the merchandiser can fix exactly those.
 * Written atomically (temp file, then rename), and written even when nothing was rejected, so a rejects file never
 * lingers from an earlier run describing problems that are gone.
 */
public final class RejectsFile {
    public static final List<String> COLUMNS = List.of("row", "column", "code", "message");

    private RejectsFile() {
    }

    public static Path pathFor(Path imported) {
        return imported.resolveSibling(imported.getFileName() + ".rejects.csv");
    }

    public static void write(Path target, List<Rejection> rejections) {
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        try {
            try (OutputStream os = Files.newOutputStream(tmp); CsvSink sink = CsvSink.to(os, false)) {
                sink.header(COLUMNS);
                for (Rejection r : rejections) {
                    sink.row(r.line(), r.column(), r.code().code(), r.message());
                }
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
