package io.chanops.ledger.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chanops.ledger.InputRejectedException;
import io.chanops.ledger.testing.TestLedgers;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CsvSourceTest {
    @TempDir
    Path dir;

    private List<CsvRow> rows(Path file, Charset cs) {
        List<CsvRow> rows = new ArrayList<>();
        try (CsvSource csv = CsvSource.open(file, cs)) {
            csv.forEach(rows::add);
        }
        return rows;
    }

    @Test
    void columnsAreFoundByNameInAnyOrder() throws Exception {
        Path f = Files.writeString(dir.resolve("a.csv"), "qty,sku\n3,HS-1\n");
        List<CsvRow> rows = rows(f, StandardCharsets.UTF_8);
        assertThat(rows.get(0).get("sku")).isEqualTo("HS-1");
        assertThat(rows.get(0).get("QTY")).isEqualTo("3");
        assertThat(rows.get(0).get("absent")).isEmpty();
    }

    @Test
    void utf8BomIsTolerated() throws Exception {
        Path f = dir.resolve("bom.csv");
        Files.write(
                f,
                concat(
                        new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                        "site_id,name\nS1,天河\n".getBytes(StandardCharsets.UTF_8)));
        try (CsvSource csv = CsvSource.open(f, StandardCharsets.UTF_8)) {
            assertThat(csv.hasColumn("site_id")).isTrue();
            assertThat(csv.iterator().next().get("name")).isEqualTo("天河");
        }
    }

    @Test
    void gb18030IsReadWithChineseHeaders() throws Exception {
        Path f = Files.write(dir.resolve("boss.csv"), "业务流水号,金额(分)\nB001,12345\n".getBytes(Charset.forName("GB18030")));
        List<CsvRow> rows = rows(f, Charset.forName("GB18030"));
        assertThat(rows.get(0).get("业务流水号")).isEqualTo("B001");
        assertThat(rows.get(0).get("金额(分)")).isEqualTo("12345");
    }

    @Test
    void gb18030ReadAsUtf8IsRejectedWithTheLineAndAHint() throws Exception {
        Path f = Files.write(dir.resolve("boss.csv"), "id,name\n1,ok\n2,天河城营业厅\n".getBytes(Charset.forName("GB18030")));
        assertThatThrownBy(() -> rows(f, StandardCharsets.UTF_8))
                .isInstanceOf(InputRejectedException.class)
                .hasMessageContaining("boss.csv:3")
                .hasMessageContaining("--charset GB18030");
    }

    @Test
    void lineNumbersCountPhysicalLinesIncludingQuotedNewlines() throws Exception {
        Path f = Files.writeString(dir.resolve("m.csv"), "a,b\n1,\"two\nlines\"\n3,x\n\n5,y\n");
        List<CsvRow> rows = rows(f, StandardCharsets.UTF_8);
        assertThat(rows).extracting(CsvRow::line).containsExactly(2L, 4L, 6L);
        assertThat(rows.get(0).get("b")).isEqualTo("two\nlines");
    }

    @Test
    void missingRequiredColumnsAreAllNamed() throws Exception {
        Path f = Files.writeString(dir.resolve("h.csv"), "sku,name\n");
        try (CsvSource csv = CsvSource.open(f, StandardCharsets.UTF_8)) {
            assertThat(TestLedgers.rejection(() -> csv.require(List.of("sku", "type", "price"))))
                    .containsExactly(
                            f + ":1: type: required column is missing from the header",
                            f + ":1: price: required column is missing from the header");
        }
    }

    @Test
    void aHeaderOfOneColumnHoldingAnotherDelimiterIsNamedAsSuch() throws Exception {
        Path f = Files.writeString(dir.resolve("t.csv"), "sku\tname\tprice\n");
        try (CsvSource csv = CsvSource.open(f, StandardCharsets.UTF_8)) {
            assertThat(TestLedgers.rejection(() -> csv.require(List.of("sku", "price"))))
                    .containsExactly(f + ":1: the header is one column, 'sku\tname\tprice': the file looks separated by"
                            + " tabs, not by the delimiter expected");
        }
        Path one = Files.writeString(dir.resolve("one.csv"), "sku\nH1\n");
        try (CsvSource csv = CsvSource.open(one, StandardCharsets.UTF_8)) {
            assertThat(TestLedgers.rejection(() -> csv.require(List.of("sku", "price"))))
                    .containsExactly(one + ":1: price: required column is missing from the header");
        }
    }

    @Test
    void unknownColumnsAreReportedForAWarning() throws Exception {
        Path f = Files.writeString(dir.resolve("u.csv"), "sku,colour\n");
        try (CsvSource csv = CsvSource.open(f, StandardCharsets.UTF_8)) {
            List<String> warnings = new ArrayList<>();
            csv.warnUnknown(Set.of("sku"), warnings::add);
            assertThat(warnings).containsExactly(f + ":1: colour: unknown column, ignored");
        }
    }

    static Stream<Arguments> unusableHeaders() {
        return Stream.of(
                Arguments.of("an empty file needs a header", "e.csv", "", "header row is required"),
                Arguments.of("a duplicate header is rejected", "d.csv", "sku,sku\n", "sku: column appears twice"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unusableHeaders")
    void aFileWithoutAUsableHeaderIsRejected(String what, String name, String content, String message)
            throws Exception {
        Path f = Files.writeString(dir.resolve(name), content);
        assertThatThrownBy(() -> CsvSource.open(f, StandardCharsets.UTF_8)).hasMessageContaining(message);
    }

    @Test
    void guardPrefixWrittenByChanopsIsRemovedOnRead() throws Exception {
        Path f = Files.writeString(dir.resolve("g.csv"), "name\n'=SUM(A1)\n'Tom's\n");
        List<CsvRow> rows = rows(f, StandardCharsets.UTF_8);
        assertThat(rows.get(0).get("name")).isEqualTo("=SUM(A1)");
        assertThat(rows.get(1).get("name")).isEqualTo("'Tom's");
    }

    @Test
    void customDelimiter() throws Exception {
        Path f = Files.writeString(dir.resolve("t.csv"), "a;b\n1;2\n");
        try (CsvSource csv = CsvSource.open(f, StandardCharsets.UTF_8, ';')) {
            assertThat(csv.iterator().next().get("b")).isEqualTo("2");
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = new byte[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
