package io.chanops.ledger.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chanops.ledger.imports.FileDigest;
import io.chanops.ledger.testing.TestLedgers;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The byte-level reader splits records exactly as Commons CSV does, in UTF-8 and GB18030, across any buffer size. */
class ByteCsvTest {
    private static final Charset GB18030 = Charset.forName("GB18030");

    @Provide
    Arbitrary<String> cells() {
        return Arbitraries.oneOf(
                Arbitraries.of(
                        "WO1",
                        "天河城营业厅",
                        "正常",
                        "a,b",
                        "say \"hi\"",
                        "line\nbreak",
                        "cr\r\nlf",
                        "",
                        "x|y",
                        "€uro",
                        "𠀀ext",
                        "亅|亅",
                        "ｘ"),
                Arbitraries.strings().withChars("ab,\"\n|正常亅 ").ofMaxLength(6));
    }

    @Property(tries = 300)
    void recordsAndCellsAreThoseCommonsCsvReads(
            @ForAll @Size(min = 1, max = 12)
                    List<@Size(min = 1, max = 4) List<@net.jqwik.api.From("cells") String>> rows,
            @ForAll("cells") String extra,
            @ForAll boolean gb,
            @ForAll boolean pipe,
            @ForAll @IntRange(min = 1, max = 40) int block)
            throws IOException {
        char delimiter = pipe ? '|' : ',';
        Charset cs = gb ? GB18030 : StandardCharsets.UTF_8;
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setDelimiter(delimiter)
                .setRecordSeparator("\r\n")
                .build();
        StringBuilder text = new StringBuilder();
        List<List<String>> all = new ArrayList<>();
        all.add(List.of("h1", "h2", "h3", "h4"));
        for (List<String> r : rows) {
            List<String> row = new ArrayList<>(r);
            row.set(0, "k" + extra.replace("\n", "").replace("\r", ""));
            all.add(row);
        }
        for (List<String> r : all) {
            text.append(format.format(r.toArray())).append(rows.size() % 2 == 0 ? "\r\n" : "\n");
        }
        Path f = tempCsv("bytecsv");
        try {
            Files.write(f, text.toString().getBytes(cs));
            List<CSVRecord> want =
                    format.parse(new StringReader(text.toString())).getRecords();
            MessageDigest md = FileDigest.newSha256();
            try (ByteCsv csv = ByteCsv.open(f, cs, delimiter, md, block)) {
                assertThat(csv.header()).containsExactly("h1", "h2", "h3", "h4");
                for (int k = 1; k < want.size(); k++) {
                    CSVRecord w = want.get(k);
                    boolean blank = w.size() == 1 && w.get(0).isBlank();
                    if (blank) {
                        continue;
                    }
                    assertThat(csv.next()).isTrue();
                    assertThat(csv.line()).isEqualTo(lineOf(text.toString(), w));
                    for (int c = 0; c < w.size(); c++) {
                        assertThat(csv.get(c))
                                .as("row %d cell %d", k, c)
                                .isEqualTo(w.get(c).strip());
                    }
                }
                assertThat(csv.next()).isFalse();
            }
            assertThat(FileDigest.hex(md.digest())).isEqualTo(FileDigest.sha256(f));
        } finally {
            Files.deleteIfExists(f);
        }
    }

    /** The physical line a Commons CSV record starts on (its character position, counted in newlines). */
    private static long lineOf(String text, CSVRecord r) {
        long line = 1;
        for (int i = 0; i < r.getCharacterPosition(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    @Test
    void aGbTrailByteEqualToThePipeDelimiterIsNotADelimiter() throws IOException {
        // 亅 (U+4E85) is 0x81 0x7C in GB18030: its trail byte is '|'
        assertThat("亅".getBytes(GB18030)[1]).isEqualTo((byte) '|');
        Path f = tempCsv("pipe");
        Files.write(f, "a|b\n亅亅|x\n".getBytes(GB18030));
        try (ByteCsv csv = ByteCsv.open(f, GB18030, '|', null, 3)) {
            assertThat(csv.next()).isTrue();
            assertThat(csv.get(0)).isEqualTo("亅亅");
            assertThat(csv.get(1)).isEqualTo("x");
        }
    }

    @Test
    void badBytesAreReportedWithTheirLineInEitherCharset() throws IOException {
        Path f = tempCsv("bad");
        Files.write(f, new byte[] {'a', ',', 'b', '\n', '1', ',', '2', '\n', '3', ',', (byte) 0x80, '\n'});
        try (ByteCsv csv = ByteCsv.open(f, GB18030, ',', null)) {
            assertThat(csv.next()).isTrue();
            assertThatThrownBy(csv::next)
                    .hasMessageContaining(
                            ":3: bytes that are not valid GB18030 (is it UTF-8? give its charset, e.g. --charset UTF-8)");
        }
        try (ByteCsv csv = ByteCsv.open(f, StandardCharsets.UTF_8, ',', null)) {
            assertThat(csv.next()).isTrue();
            assertThatThrownBy(csv::next)
                    .hasMessageContaining(
                            ":3: bytes that are not valid UTF-8 (is it GB18030/GBK? give its charset, e.g."
                                    + " --charset GB18030)");
        }
    }

    @Test
    void aCharsetGivenInAProfileIsNamedAsTheProfileKey() throws IOException {
        Path f = tempCsv("bad");
        Files.write(f, new byte[] {'a', ',', 'b', '\n', '3', ',', (byte) 0x80, '\n'});
        try (ByteCsv csv = ByteCsv.open(f, GB18030, ',', null, CharsetSetting.PROFILE)) {
            assertThatThrownBy(csv::next)
                    .hasMessageContaining(":2: bytes that are not valid GB18030 (is it UTF-8? give its charset, e.g."
                            + " charset=UTF-8 in the profile)");
        }
        try (ByteCsv csv = ByteCsv.open(f, StandardCharsets.UTF_8, ',', null, CharsetSetting.PROFILE)) {
            assertThatThrownBy(csv::next)
                    .hasMessageContaining(":2: bytes that are not valid UTF-8 (is it GB18030/GBK? give its charset,"
                            + " e.g. charset=GB18030 in the profile)");
        }
    }

    /** A spreadsheet's "Unicode text" is UTF-16, with or without its byte-order mark: named so, by either reader. */
    @Test
    void aUtf16FileIsNamedAsUtf16() throws IOException {
        Path marked = tempCsv("unicode-text");
        Files.write(marked, "业务流水号\t金额\nBS1\t100\n".getBytes(StandardCharsets.UTF_16));
        Path unmarked = tempCsv("unicode-text-le");
        Files.write(unmarked, "sku\tname\nH1\t手机\n".getBytes(StandardCharsets.UTF_16LE));
        String named = "(is it UTF-16, as a spreadsheet saves \"Unicode text\"? give its charset, e.g.";
        assertThatThrownBy(() -> ByteCsv.open(marked, GB18030, '\t', null, CharsetSetting.PROFILE))
                .hasMessageContaining(
                        ":1: bytes that are not valid GB18030 " + named + " charset=UTF-16 in the profile)");
        // without its mark, its ASCII letters are valid bytes, each beside a NUL
        String nuls = ":1: the header holds NUL bytes between its letters: the file looks UTF-16LE, as a spreadsheet"
                + " saves \"Unicode text\"; give its charset, e.g. ";
        assertThatThrownBy(() -> CsvSource.open(unmarked, StandardCharsets.UTF_8, '\t'))
                .hasMessageContaining(nuls + "--charset UTF-16LE");
        assertThatThrownBy(() -> ByteCsv.open(unmarked, GB18030, '\t', null, CharsetSetting.PROFILE))
                .hasMessageContaining(nuls + "charset=UTF-16LE in the profile");
        Path bigEndian = tempCsv("unicode-text-be");
        Files.write(bigEndian, "sku\tname\nH1\t手机\n".getBytes(StandardCharsets.UTF_16BE));
        assertThatThrownBy(() -> CsvSource.open(bigEndian, StandardCharsets.UTF_8, '\t'))
                .hasMessageContaining("the file looks UTF-16BE, as a spreadsheet saves \"Unicode text\"; give its"
                        + " charset, e.g. --charset UTF-16BE");
        try (CsvSource csv = CsvSource.open(unmarked, StandardCharsets.UTF_16LE, '\t')) {
            assertThat(csv.iterator().next().get("name")).isEqualTo("手机");
        }
        try (ByteCsv csv = ByteCsv.open(marked, StandardCharsets.UTF_16, '\t', null)) {
            assertThat(csv.header()).containsExactly("业务流水号", "金额");
            assertThat(csv.next()).isTrue();
            assertThat(csv.get(1)).isEqualTo("100");
        }
    }

    /**
     * A header further down (a report's title above it, a quoted title over two lines among them): the records above
     * are left out, and lines stay the file's own, in records and in the header's problems.
     */
    @Test
    void aHeaderOnALaterLineLeavesOutTheRecordsAboveIt() throws IOException {
        Path f = tempCsv("titled");
        Files.writeString(f, "\"Sales,\nJanuary\"\nsku,qty\nH1,3\n");
        try (ByteCsv csv = ByteCsv.open(f, StandardCharsets.UTF_8, ',', null, CharsetSetting.OPTION, 3)) {
            assertThat(csv.header()).containsExactly("sku", "qty");
            assertThat(csv.next()).isTrue();
            assertThat(csv.get(0)).isEqualTo("H1");
            assertThat(csv.line()).isEqualTo(4);
            assertThat(csv.next()).isFalse();
            assertThat(TestLedgers.rejection(() -> csv.require(List.of("sku", "price"))))
                    .containsExactly(f + ":3: price: required column is missing from the header");
        }
        assertThat(TestLedgers.rejection(
                        () -> ByteCsv.open(f, StandardCharsets.UTF_8, ',', null, CharsetSetting.OPTION, 9)))
                .containsExactly(f + ":9: the file ends before line 9, where its header is expected");
    }

    @Test
    void aHeaderOfOneColumnHoldingAnotherDelimiterIsNamedAsSuch() throws IOException {
        Path f = tempCsv("semicolons");
        Files.writeString(f, "sku;qty\nH1;3\n");
        try (ByteCsv csv = ByteCsv.open(f, StandardCharsets.UTF_8, ',', null)) {
            assertThat(TestLedgers.rejection(() -> csv.require(List.of("sku", "qty"))))
                    .containsExactly(f + ":1: the header is one column, 'sku;qty': the file looks separated by ';', not"
                            + " by the delimiter expected");
        }
    }

    @Test
    void fourByteGb18030IsAcceptedOnlyWhereTheStandardDefinesIt() throws IOException {
        Path f = tempCsv("gb4");
        byte[] ok = "𠀀".getBytes(GB18030); // a supplementary character: four bytes, first 0x95
        assertThat(ok).hasSize(4);
        byte[] head = "a,b\n1,".getBytes(GB18030);
        byte[] bad = {(byte) 0xFE, 0x39, (byte) 0xFE, 0x39, '\n'};
        byte[] all = new byte[head.length + ok.length + 1 + 2 + bad.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(ok, 0, all, head.length, ok.length);
        all[head.length + ok.length] = '\n';
        all[head.length + ok.length + 1] = '2';
        all[head.length + ok.length + 2] = ',';
        System.arraycopy(bad, 0, all, head.length + ok.length + 3, bad.length);
        Files.write(f, all);
        try (ByteCsv csv = ByteCsv.open(f, GB18030, ',', null)) {
            assertThat(csv.next()).isTrue();
            assertThat(csv.get(1)).isEqualTo("𠀀");
            assertThatThrownBy(csv::next).hasMessageContaining(":3: bytes that are not valid GB18030");
        }
    }

    @Test
    void otherCharsetsAreReadThroughADecodedCopy() throws IOException {
        Charset big5 = Charset.forName("Big5");
        Path f = tempCsv("big5");
        Files.write(f, "id,name\n1,營業廳\n".getBytes(big5));
        MessageDigest md = FileDigest.newSha256();
        try (ByteCsv csv = ByteCsv.open(f, big5, ',', md)) {
            assertThat(csv.next()).isTrue();
            assertThat(csv.get(1)).isEqualTo("營業廳");
            assertThat(csv.next()).isFalse();
        }
        assertThat(FileDigest.hex(md.digest())).isEqualTo(FileDigest.sha256(f));
    }

    @Test
    void aUtf8BomWinsOverTheGivenCharsetAndTheGuardPrefixIsRemoved() throws IOException {
        Path f = tempCsv("bom");
        byte[] body = "id,v\n1,'=SUM(A1)\n".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[body.length + 3];
        all[0] = (byte) 0xEF;
        all[1] = (byte) 0xBB;
        all[2] = (byte) 0xBF;
        System.arraycopy(body, 0, all, 3, body.length);
        Files.write(f, all);
        try (ByteCsv csv = ByteCsv.open(f, GB18030, ',', null)) {
            assertThat(csv.header()).containsExactly("id", "v");
            assertThat(csv.next()).isTrue();
            assertThat(csv.get(1)).isEqualTo("=SUM(A1)");
        }
    }

    /**
     * The decoded copy of a Big5 file (it may hold unmasked phone numbers) never has a name another process could read,
     * and nothing of it is left, neither after reading nor when the file is rejected: a kill cannot leave it behind.
     */
    @Test
    void theDecodedCopyHasNoNameWhileReadAndNothingIsLeftAfterAnyEnd(@TempDir Path tmp) throws IOException {
        Charset big5 = Charset.forName("Big5");
        Path f = tempCsv("big5");
        Files.write(f, "id,msisdn\n1,13812345678\n".getBytes(big5));
        Path copies = Files.createDirectories(tmp.resolve("copies"));
        try (ByteCsv csv = ByteCsv.open(f, big5, ',', null, 1 << 16, copies)) {
            assertThat(csv.next()).isTrue();
            assertThat(csv.get(1)).isEqualTo("13812345678");
            try (var listed = Files.list(copies)) {
                assertThat(listed).as("a named copy while reading").isEmpty();
            }
        }
        Path headerless = tempCsv("empty");
        Files.write(headerless, new byte[0]);
        assertThatThrownBy(() -> ByteCsv.open(headerless, big5, ',', null, 1 << 16, copies))
                .hasMessageContaining("empty file");
        try (var listed = Files.list(copies)) {
            assertThat(listed).as("copies left").isEmpty();
        }
    }

    /** A temporary CSV file, removed when the test JVM exits (properties run hundreds of tries). */
    private static Path tempCsv(String prefix) throws IOException {
        Path f = Files.createTempFile(prefix, ".csv");
        f.toFile().deleteOnExit();
        return f;
    }
}
