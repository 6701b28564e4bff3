package io.chanops.ledger;

import io.chanops.ledger.master.KnownIds;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The file a {@code --db} with no ledger most likely meant: a {@code .db} file beside it whose name is a typing slip
 * away ({@code chanpos.db} for {@code chanops.db}), so that the message names it instead of only offering to create a
 * new, empty ledger under the mistyped name.
 */
final class MistypedLedgerPath {
    private MistypedLedgerPath() {}

    /** Directory entries looked at, at most: a directory of thousands of files gets no suggestion. */
    static final int MAX_ENTRIES = 10_000;

    /** {@code " (did you mean chanops.db beside it?)"} for such a file, else empty. */
    static String hint(Path missing) {
        Path dir = missing.toAbsolutePath().getParent();
        if (dir == null || missing.getFileName() == null) {
            return "";
        }
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.db")) {
            for (Path f : files) {
                if (names.size() >= MAX_ENTRIES) {
                    return "";
                }
                if (Files.isRegularFile(f) && Files.size(f) > 0) {
                    names.add(f.getFileName().toString());
                }
            }
        } catch (IOException | RuntimeException e) {
            return "";
        }
        return new KnownIds(names)
                .closest(missing.getFileName().toString())
                .map(name -> " (did you mean " + name + " beside it?)")
                .orElse("");
    }
}
