package io.chanops.reconcile.boss;

import io.chanops.ledger.csv.Cells;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Where a BOSS export's header really is, when it is not on the profile's header line: some systems export a report
 * with its title and period above the header. Only to name that line in the rejection; the export is never read from
 * a line the profile does not give.
 */
final class HeaderSearch {
    private HeaderSearch() {}

    /**
     * The first of the file's first {@link BossProfile#MAX_HEADER_LINE} lines, other than the profile's header line,
     * holding a name of every column of the profile (cells split on the delimiter, quotes and case aside); empty when
     * there is none or the file cannot be read.
     */
    static Optional<Integer> lineOfAllColumns(Path file, BossProfile profile) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                Files.newInputStream(file),
                profile.charset()
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE)))) {
            String text;
            for (int line = 1; line <= BossProfile.MAX_HEADER_LINE && (text = in.readLine()) != null; line++) {
                if (line != profile.headerLine() && holdsEveryColumn(cells(text, profile.delimiter()), profile)) {
                    return Optional.of(line);
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Set<String> cells(String line, char delimiter) {
        return Arrays.stream(line.replace("\uFEFF", "").split(Pattern.quote(String.valueOf(delimiter))))
                .map(c -> normal(c.replace("\"", "")))
                .collect(Collectors.toSet());
    }

    private static boolean holdsEveryColumn(Set<String> cells, BossProfile profile) {
        for (BossProfile.Column column : BossProfile.Column.values()) {
            if (profile.columnsFound(column, n -> cells.contains(normal(n))).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static String normal(String name) {
        return Cells.columnKey(name);
    }
}
