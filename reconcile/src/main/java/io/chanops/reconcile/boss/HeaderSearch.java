package io.chanops.reconcile.boss;

import io.chanops.ledger.csv.Cells;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Where a BOSS export's header really is, when it is not on the profile's header line: some systems export a report
 * with its title and period above the header. Only to name that line in the rejection; the export is never read from
 * a line the profile does not give.
 */
final class HeaderSearch {
    private HeaderSearch() {}

    /**
     * The first of the file's first {@link BossProfile#MAX_HEADER_LINE} lines, other than the profile's header line,
     * holding a name of every column of the profile (cells read as CSV, case and full-width forms aside); empty when
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

    /** The line's cells as CSV (quoted cells may hold the delimiter); split plainly when its quotes do not close. */
    private static Set<String> cells(String line, char delimiter) {
        String text = line.replace("\uFEFF", "");
        List<String> cells = new ArrayList<>();
        try (CSVParser parser =
                CSVFormat.RFC4180.builder().setDelimiter(delimiter).get().parse(new StringReader(text))) {
            for (CSVRecord record : parser) {
                record.forEach(cells::add);
            }
        } catch (IOException | UncheckedIOException e) {
            cells = List.of(text.replace("\"", "").split(Pattern.quote(String.valueOf(delimiter))));
        }
        return cells.stream().map(HeaderSearch::normal).collect(Collectors.toSet());
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
