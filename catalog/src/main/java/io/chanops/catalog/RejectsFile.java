package io.chanops.catalog;

import io.chanops.ledger.csv.CsvSink;
import io.chanops.ledger.files.OutputFile;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code <file>.rejects.csv}: the rows {@code --skip-invalid} left out, one line per problem
 * ({@code row,column,code,message}; row = the line in the imported file), so the merchandiser can fix exactly those.
 * Written through an {@link io.chanops.ledger.files.OutputSet} (complete and in place only as the import's last step
 * before its commit), readable by its owner only (rejected rows may hold anything the file held), and written even when
 * nothing was rejected, so a rejects file never lingers from an earlier run describing problems that are gone.
 */
public final class RejectsFile {
    public static final List<String> COLUMNS = List.of("row", "column", "code", "message");

    private RejectsFile() {}

    public static Path pathFor(Path imported) {
        return imported.resolveSibling(imported.getFileName() + ".rejects.csv");
    }

    public static void write(OutputFile target, List<Rejection> rejections) {
        target.write(OutputFile.Access.OWNER_ONLY, out -> {
            try (CsvSink sink = CsvSink.to(out, false)) {
                sink.header(COLUMNS);
                for (Rejection r : rejections) {
                    sink.row(r.line(), r.column(), r.code().code(), r.message());
                }
            }
        });
    }
}
