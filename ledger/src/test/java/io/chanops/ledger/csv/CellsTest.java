package io.chanops.ledger.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chanops.ledger.InputRejectedException;
import io.chanops.ledger.Problem;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules every file shares (SPEC §3.1), enforced by both readers alike: the generic {@link CsvSource} and the byte
 * reader {@link ByteCsv} report the same problems for the same file.
 */
class CellsTest {
    private static final Charset GB18030 = Charset.forName("GB18030");

    @TempDir
    Path dir;

    private Path file(String text, Charset cs) throws IOException {
        Path f = dir.resolve("f.csv");
        Files.write(f, text.getBytes(cs));
        return f;
    }

    /** Problems of every row as the generic reader reports them (columns a, b, c used). */
    private static List<String> generic(Path f, Charset cs) {
        List<String> problems = new ArrayList<>();
        try (CsvSource csv = CsvSource.open(f, cs)) {
            csv.warnUnknown(Set.of("a", "b", "c"), w -> {});
            for (CsvRow row : csv) {
                row.rejected(p -> problems.add(p.toString()));
            }
        }
        return problems;
    }

    private static List<String> bytes(Path f, Charset cs) {
        List<String> problems = new ArrayList<>();
        try (ByteCsv csv = ByteCsv.open(f, cs, ',', null)) {
            csv.warnUnknown(Set.of("a", "b", "c"), w -> {});
            while (csv.next()) {
                csv.rejected(p -> problems.add(p.toString()));
            }
        }
        return problems;
    }

    private List<String> both(String text, Charset cs) throws IOException {
        Path f = file(text, cs);
        List<String> generic = generic(f, cs);
        assertThat(bytes(f, cs)).as("byte reader").isEqualTo(generic);
        return generic;
    }

    @Test
    void columnKeysSetCaseBlanksAndFullWidthFormsAside() {
        assertThat(Cells.columnKey(" Site_ID ")).isEqualTo("site_id");
        assertThat(Cells.columnKey("金额（分）")).isEqualTo(Cells.columnKey("金额(分)"));
        assertThat(Cells.columnKey("营业厅编码\u3000")).isEqualTo("营业厅编码");
        assertThat(Cells.columnKey("ＳＫＵ")).isEqualTo("sku");
        assertThat(Cells.columnKey("金额(元)")).isNotEqualTo(Cells.columnKey("金额(分)"));
    }

    @Test
    void rowsWiderOrNarrowerThanTheHeaderAreRowErrors() throws IOException {
        Path f = dir.resolve("f.csv");
        List<String> p = both("a,b,c\n1,INV,2026,001\n1,2\n1,2,3\n\"1\",\"INV,2026\",3\n", StandardCharsets.UTF_8);
        assertThat(p)
                .containsExactly(
                        f
                                + ":2: the row has 4 fields but the header has 3 (a comma inside a value needs the "
                                + "value in double quotes)",
                        f
                                + ":3: the row has 2 fields but the header has 3 (a comma inside a value needs the "
                                + "value in double quotes)");
    }

    @Test
    void controlCharactersAreRowErrorsButTabIsText() throws IOException {
        Path f = dir.resolve("f.csv");
        List<String> p = both(
                "a,b,c\nx,\u001b[2Jname,1\nx,a\tb,1\nx,nul\u0000,1\nx,\"two\nlines\",1\nx,del\u007f,1\n",
                StandardCharsets.UTF_8);
        assertThat(p)
                .containsExactly(
                        f
                                + ":2: b: contains the control character \\x1b at character 1 (text may not hold "
                                + "control characters other than TAB)",
                        f
                                + ":4: b: contains the control character \\x00 at character 4 (text may not hold "
                                + "control characters other than TAB)",
                        f
                                + ":5: b: contains the control character \\x0a at character 4 (text may not hold "
                                + "control characters other than TAB)",
                        f
                                + ":7: b: contains the control character \\x7f at character 4 (text may not hold "
                                + "control characters other than TAB)");
    }

    @Test
    void c1ControlsAreFoundInUtf8AndGb18030() throws IOException {
        for (Charset cs : List.of(StandardCharsets.UTF_8, GB18030)) {
            for (char c1 = 0x80; c1 <= 0x9F; c1++) {
                List<String> p = both("a,b,c\n天,x" + c1 + "y,1\n", cs);
                assertThat(p)
                        .as(cs + " U+%04X", (int) c1)
                        .singleElement()
                        .asString()
                        .contains(":2: b: contains the control character \\x" + Integer.toHexString(c1));
            }
            assertThat(both("a,b,c\n天,\u00a0\u00a3\u00a4€,1\n", cs))
                    .as(cs + ": just past C1")
                    .isEmpty();
        }
    }

    @Test
    void textOverAThousandCharactersIsARowError() throws IOException {
        Path f = dir.resolve("f.csv");
        String ok = "天".repeat(Cells.MAX_TEXT_LENGTH);
        List<String> p = both("a,b,c\nx," + ok + ",1\nx," + ok + "x,1\n", StandardCharsets.UTF_8);
        assertThat(p).containsExactly(f + ":3: b: is 1001 characters long; at most 1000");
    }

    @Test
    void columnsTheReaderDoesNotUseAreNotChecked() throws IOException {
        assertThat(both("a,b,c,notes\nx,y,1,\"a note\non two lines\"\n", StandardCharsets.UTF_8))
                .isEmpty();
    }

    @Test
    void aHeaderWithoutRowsIsRefusedByBothReaders() throws IOException {
        Path f = file("a,b,c\n\n  \n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> generic(f, StandardCharsets.UTF_8))
                .isInstanceOf(InputRejectedException.class)
                .hasMessage(f + ":1: " + Cells.NO_ROWS);
        assertThatThrownBy(() -> bytes(f, StandardCharsets.UTF_8))
                .isInstanceOf(InputRejectedException.class)
                .hasMessage(f + ":1: " + Cells.NO_ROWS);
    }

    /** A spreadsheet saves its empty rows as {@code ,,}: skipped as blank lines by both readers, lines kept exact. */
    @Test
    void rowsOfEmptyCellsAreBlankLinesToBothReaders() throws IOException {
        Path onlyEmpty = file("a,b,c\n,,\n , ,\n,,,,\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> generic(onlyEmpty, StandardCharsets.UTF_8))
                .isInstanceOf(InputRejectedException.class)
                .hasMessage(onlyEmpty + ":1: " + Cells.NO_ROWS);
        assertThatThrownBy(() -> bytes(onlyEmpty, StandardCharsets.UTF_8))
                .isInstanceOf(InputRejectedException.class)
                .hasMessage(onlyEmpty + ":1: " + Cells.NO_ROWS);

        assertThat(both("a,b,c\nx,y,1\n,,\nx,y\n,,\n", StandardCharsets.UTF_8))
                .as("the empty rows skipped, the short row named on its own line")
                .singleElement()
                .asString()
                .contains(":4: the row has 2 fields but the header has 3");
    }

    @Test
    void wholeNumbersAreAsciiAndBounded() {
        assertThat(Cells.whole("1000000", Cells.MAX_QUANTITY)).isEqualTo(1_000_000L);
        assertThat(Cells.whole("-1000000", Cells.MAX_QUANTITY)).isEqualTo(-1_000_000L);
        assertThat(Cells.whole("+7", Cells.MAX_QUANTITY)).isEqualTo(7L);
        assertThat(Cells.whole("1000001", Cells.MAX_QUANTITY)).isNull();
        assertThat(Cells.whole("9223372036854775807", Cells.MAX_QUANTITY)).isNull();
        assertThat(Cells.whole("99999999999999999999999", Cells.MAX_QUANTITY)).isNull();
        assertThat(Cells.whole("５", Cells.MAX_QUANTITY)).isNull();
        assertThat(Cells.whole("٥", Cells.MAX_QUANTITY)).isNull();
        assertThat(Cells.whole("-", Cells.MAX_QUANTITY)).isNull();
        assertThat(Cells.whole("", Cells.MAX_QUANTITY)).isNull();
        assertThat(Cells.whyNotWhole("9223372036854775807", Cells.MAX_QUANTITY))
                .isEqualTo("'9223372036854775807' is out of range: at most 1,000,000 in absolute value");
        assertThat(Cells.whyNotWhole("５", Cells.MAX_QUANTITY))
                .isEqualTo("'５' is not a whole number (digits 0-9 only, not full-width or other scripts)");
        assertThat(Cells.whyNotWhole("x", Cells.MAX_QUANTITY)).isEqualTo("'x' is not a whole number");
        assertThat(Cells.whyNotWhole("1,000", Cells.MAX_QUANTITY))
                .isEqualTo("'1,000' is not a whole number: no thousands separators (1000)");
        assertThat(Cells.whyNotWhole("10,00", Cells.MAX_QUANTITY)).isEqualTo("'10,00' is not a whole number");
    }

    @Test
    void aLongNumberASpreadsheetWroteInScientificNotationIsRecognised() {
        for (String lost : List.of("1.82918E+10", "1E+5", "-2.5e-3", "+7.0E10", "18291827160E0")) {
            byte[] b = ("," + lost + ",").getBytes(StandardCharsets.US_ASCII);
            assertThat(Cells.isScientific(b, 1, b.length - 1)).as(lost).isTrue();
        }
        for (String kept : List.of("18291827160", "WO-1E5", "E5", "1.5", "1E", "1E+", "1.2.3E4", "1 E5", "")) {
            byte[] b = ("," + kept + ",").getBytes(StandardCharsets.US_ASCII);
            assertThat(Cells.isScientific(b, 1, b.length - 1)).as(kept).isFalse();
        }
    }

    @Test
    void controlCharactersAreShownAsEscapesNeverRaw() {
        assertThat(Cells.visible("\u001b]0;owned\u0007\u001b[2J天河")).isEqualTo("\\x1b]0;owned\\x07\\x1b[2J天河");
        assertThat(Cells.visible("tab\there")).isEqualTo("tab\there");
        assertThat(Cells.visible("\u009b31m")).isEqualTo("\\x9b31m");
        assertThat(new Problem("f.csv", 2, "name", "'\u001b[2J' is bad").toString())
                .isEqualTo("f.csv:2: name: '\\x1b[2J' is bad");
    }
}
