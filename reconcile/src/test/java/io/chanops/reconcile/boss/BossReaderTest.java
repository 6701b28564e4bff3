package io.chanops.reconcile.boss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chanops.ledger.csv.ByteCsv;
import io.chanops.ledger.testing.TestLedgers;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BossReaderTest {
    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final String HEADER = "业务流水号,外部订单号,手机号码,业务类型,受理时间,金额(分),状态,营业厅编码";
    private final BossProfile profile = BossProfile.parse("p", BossProfileTest.SPEC_EXAMPLE);

    @TempDir
    Path dir;

    private List<String> warnings = new ArrayList<>();

    /** A boss.csv in GB18030: {@code lines}, the first the header. */
    private Path export(String... lines) {
        return TestLedgers.write(dir, "boss.csv", GB18030, lines);
    }

    private BossTable read(Path file) {
        return BossReader.read(file, profile, warnings::add, n -> {});
    }

    @Test
    void aGb18030ExportWithABomLessChineseHeaderIsRead() {
        Path f = export(
                HEADER,
                "BS1,WO1,13800138000,终端销售,20260105103000,599900,正常,GZ-WEB",
                "BS2,WO1,13800138000,退费冲正,20260106090000,-599900,已撤单,GZ-WEB",
                "BS3,,13900139000,号卡开户,20260105110000,1000,正常,GZ-TH-01");
        BossTable export = read(f);
        assertThat(export.rows()).extracting(BossRow::bossId).containsExactly("BS1", "BS2", "BS3");
        assertThat(export.rows().get(1).completed()).isFalse();
        assertThat(export.rows().get(2).orderRef()).isEmpty();
        assertThat(export.rows().get(2).line()).isEqualTo(4);
        assertThat(export.totalFen()).isEqualTo(1000);
        assertThat(warnings).isEmpty();
    }

    /**
     * An export saved again as UTF-8 with a byte-order mark (as a spreadsheet saves CSV) is read as UTF-8 whatever the
     * profile's charset, with a warning that says so; the same export as BOSS wrote it passes quietly.
     */
    @Test
    void anExportWithAUtf8ByteOrderMarkIsReadAsUtf8WithAWarning() throws Exception {
        Path f = dir.resolve("resaved.csv");
        Files.writeString(f, "\uFEFF" + HEADER + "\r\nBS1,WO1,13800138000,终端销售,20260105103000,599900,正常,GZ-WEB\r\n");
        BossTable export = read(f);
        assertThat(export.rows()).extracting(BossRow::bossId).containsExactly("BS1");
        assertThat(export.rows().get(0).siteId()).isEqualTo("GZ-WEB");
        assertThat(warnings)
                .containsExactly(f + ": starts with a UTF-8 byte-order mark, so it was read as UTF-8, not as"
                        + " the profile's GB18030: saved again from a spreadsheet? Check it against the BOSS export");
    }

    @Test
    void theSecondAliasOfAColumnIsAcceptedAndUnknownColumnsAreWarnedAbout() {
        Path f = export(
                "业务流水号,订单编号,手机号码,业务类型,受理时间,金额(分),状态,营业厅编码,备注",
                "BS1,WO1,13800138000,终端销售,20260105103000,599900,正常,GZ-WEB,");
        assertThat(read(f).rows().get(0).orderRef()).isEqualTo("WO1");
        assertThat(warnings).singleElement().asString().contains("备注");
    }

    /** A profile whose accepted_at joins a date column and a time column, as the pattern reads them joined. */
    private BossProfile splitAt(String pattern) {
        List<String> lines = new ArrayList<>(BossProfileTest.SPEC_EXAMPLE);
        lines.set(lines.indexOf("column.accepted_at=受理时间"), "column.accepted_at=受理时间|受理日期+受理时刻");
        lines.set(3, "datetime.pattern=" + pattern);
        return BossProfile.parse("p", lines);
    }

    /**
     * An export whose date and time of day are two columns: read as one date-time joined by a space, by the pattern's
     * fast path (ISO) or the formatter (any other); a bad pair is one problem naming both cells, on the date column.
     */
    @Test
    void aDateAndATimeInTwoColumnsAreReadAsOneDateTime() {
        String header = "业务流水号,外部订单号,手机号码,业务类型,受理日期,受理时刻,金额(分),状态,营业厅编码";
        Path iso = TestLedgers.write(
                dir, "iso.csv", GB18030, header, "BS1,WO1,13800138000,终端销售,2026-01-05,10:30:00,599900,正常,GZ-WEB");
        Path compact = TestLedgers.write(
                dir, "compact.csv", GB18030, header, "BS1,WO1,13800138000,终端销售,20260105,103000,599900,正常,GZ-WEB");
        long expected = BossDateTime.of("yyyy-MM-dd HH:mm:ss").parse("2026-01-05 10:30:00");
        assertThat(BossReader.read(iso, splitAt("yyyy-MM-dd HH:mm:ss"), warnings::add, n -> {})
                        .acceptedAt(0))
                .isEqualTo(expected);
        assertThat(BossReader.read(compact, splitAt("yyyyMMdd HHmmss"), warnings::add, n -> {})
                        .acceptedAt(0))
                .isEqualTo(expected);
        assertThat(warnings).as("the two parts are known columns").isEmpty();

        Path bad = export(header, "BS1,WO1,13800138000,终端销售,2026-02-30,10:30:00,599900,正常,GZ-WEB");
        assertThat(TestLedgers.rejection(() -> BossReader.read(bad, splitAt("yyyy-MM-dd HH:mm:ss"), w -> {}, n -> {})))
                .containsExactly(bad + ":2: 受理日期: '2026-02-30 10:30:00' (受理日期 and 受理时刻 joined by a space) does"
                        + " not match the pattern yyyy-MM-dd HH:mm:ss");

        Path one = export(HEADER, "BS1,WO1,13800138000,终端销售,2026-01-05 10:30:00,599900,正常,GZ-WEB");
        assertThat(BossReader.read(one, splitAt("yyyy-MM-dd HH:mm:ss"), w -> {}, n -> {})
                        .acceptedAt(0))
                .as("the first name present is used: here the one column")
                .isEqualTo(expected);
    }

    /** A header typed with a Chinese input method: full-width parentheses, an ideographic space after a name. */
    @Test
    void fullWidthFormsInTheHeaderAreTheColumnsTheProfileNames() {
        Path f = export(
                "业务流水号,外部订单号,手机号码,业务类型,受理时间,金额（分）,状态,营业厅编码\u3000",
                "BS1,WO1,13800138000,终端销售,20260105103000,599900,正常,GZ-WEB");
        assertThat(read(f).totalFen()).isEqualTo(599900);
        assertThat(warnings).isEmpty();
    }

    @Test
    void aProfileColumnMissingFromTheHeaderIsRejected() {
        Path f = export("业务流水号,手机号码,业务类型,受理时间,金额(分),状态,营业厅编码", "BS1,13800138000,终端销售,20260105103000,599900,正常,GZ-WEB");
        assertThat(TestLedgers.rejection(() -> read(f)))
                .containsExactly(f
                        + ":1: 外部订单号|订单编号: column named in the profile (column.order_ref) is missing from the header");
    }

    private BossProfile withLines(String... extra) {
        List<String> lines = new ArrayList<>(BossProfileTest.SPEC_EXAMPLE);
        lines.addAll(List.of(extra));
        return BossProfile.parse("p", lines);
    }

    /**
     * A report exported with its title and period above the header, and a total row at the end: read through a profile
     * that names the header's line and the total's label, the same rows as the plain export, every problem on the
     * file's own line; the total agrees with the rows, so no warning.
     */
    @Test
    void aTitleAboveTheHeaderAndATotalRowAreLeftOutThroughTheProfile() {
        BossProfile titled = withLines("header.line=3", "total.label=合计|总计");
        Path f = export(
                "业务受理明细报表",
                "统计时间：2026-01-01至2026-01-31,,,",
                HEADER,
                "BS1,WO1,13800138000,终端销售,20260105103000,599900,正常,GZ-WEB",
                "BS2,,13900139000,号卡开户,20260105110000,1000,正常,GZ-TH-01",
                "合计,,,,,600900,,");
        BossTable export = BossReader.read(f, titled, warnings::add, n -> {});
        assertThat(export.rows()).extracting(BossRow::bossId).containsExactly("BS1", "BS2");
        assertThat(export.rows()).extracting(BossRow::line).containsExactly(4L, 5L);
        assertThat(export.totalFen()).isEqualTo(600900);
        assertThat(export.totalRowsLeftOut()).isEqualTo(1);
        assertThat(warnings).isEmpty();

        Path bad = export(
                "业务受理明细报表",
                HEADER.replace("状态", "\"状态\""),
                "BS1,WO1,13800138000,终端销售,20260105103000,5999.00,正常,GZ-WEB",
                "总计,,,,,599900");
        assertThat(TestLedgers.rejection(
                        () -> BossReader.read(bad, withLines("header.line=2", "total.label=合计|总计"), w -> {}, n -> {})))
                .containsExactly(bad + ":3: 金额(分): '5999.00' is not a whole number of fen (amount.unit=fen)");
    }

    /** A total row whose amount differs from the rows': rows missing or added, warned of on its line, read as given. */
    @Test
    void aTotalRowThatDisagreesWithTheRowsIsWarnedOf() {
        Path f = export(HEADER, "BS1,WO1,13800138000,终端销售,20260105103000,599900,正常,GZ-WEB", "合计,,,,,700900,,");
        BossTable export = BossReader.read(f, withLines("total.label=合计"), warnings::add, n -> {});
        assertThat(export.size()).isEqualTo(1);
        assertThat(warnings)
                .containsExactly(
                        f + ":3: 金额(分): the total row says 7009.00, the sum of the 1 row read is 5999.00 (1010.00"
                                + " less): rows missing (an export cut short?) or added; reconciled as read");
    }

    /**
     * Subtotals: each total row must be the sum of the rows since an earlier total row (or the first row), or of all
     * the file's rows; a grand total, nested subtotals and a total printed above the rows all agree, a subtotal that adds
     * up to no run of rows above it is warned of on its line.
     */
    @Test
    void eachSubtotalIsHeldAgainstTheRunOfRowsAboveIt() {
        BossProfile subtotalled = withLines("total.label=合计|小计|总计");
        String row = "BS%d,WO%d,13800138000,终端销售,20260105103000,%d,正常,GZ-WEB";
        Path nested = export(
                HEADER,
                "总计,,,,,1600,,", // above the rows: the whole file's sum
                row.formatted(1, 1, 100),
                row.formatted(2, 2, 200),
                "小计,,,,,300,,",
                row.formatted(3, 3, 400),
                "小计,,,,,400,,",
                "小计,,,,,700,,", // the two groups above it: a subtotal of subtotals
                row.formatted(4, 4, 900),
                "小计,,,,,900,,",
                "合计,,,,,1600,,");
        BossTable read = BossReader.read(nested, subtotalled, warnings::add, n -> {});
        assertThat(read.size()).isEqualTo(4);
        assertThat(read.totalRowsLeftOut()).isEqualTo(6);
        assertThat(warnings).isEmpty();

        Path cut = export(
                HEADER,
                row.formatted(1, 1, 100),
                row.formatted(2, 2, 200),
                "小计,,,,,350,,",
                row.formatted(3, 3, 400),
                "小计,,,,,400,,",
                "合计,,,,,750,,");
        BossReader.read(cut, subtotalled, warnings::add, n -> {});
        assertThat(warnings)
                .as("the first group lost a row of 0.50; the grand total agrees with the subtotals, not the rows")
                .containsExactly(
                        cut + ":4: 金额(分): the total row says 3.50, which no run of rows above it adds up to (the 2"
                                + " rows above it 3.00): rows missing or added; reconciled as read",
                        cut + ":7: 金额(分): the total row says 7.50, which no run of rows above it adds up to (the 3"
                                + " rows above it 7.00): rows missing or added; reconciled as read");

        warnings.clear();
        Path added = export(
                HEADER,
                row.formatted(1, 1, 100),
                "小计,,,,,100,,",
                row.formatted(2, 2, 200),
                row.formatted(3, 3, 5),
                "小计,,,,,200,,");
        BossReader.read(added, subtotalled, warnings::add, n -> {});
        assertThat(warnings)
                .as("a row added to the second group")
                .containsExactly(added + ":6: 金额(分): the total row says 2.00, which no run of rows above it adds up"
                        + " to (the 3 rows above it 3.05, the 2 rows since the total row on line 3 2.05): rows missing"
                        + " or added; reconciled as read");

        warnings.clear();
        List<String> lines = new ArrayList<>(List.of(HEADER, row.formatted(1, 1, 100)));
        for (int i = 0; i < TotalRows.WARNED_ONE_BY_ONE + 2; i++) {
            lines.add("小计,,,,,1,,");
        }
        Path labelled = export(lines.toArray(String[]::new));
        BossReader.read(labelled, subtotalled, warnings::add, n -> {});
        assertThat(warnings)
                .as("a label that does not start totals: a few warnings, then a count")
                .hasSize(TotalRows.WARNED_ONE_BY_ONE + 1)
                .last()
                .isEqualTo(labelled + ": 2 more total rows disagreeing with the rows above them, the last on line 9");
    }

    /** An export whose subtotals head their groups: each is the sum of the rows below it, up to the next total. */
    @Test
    void aSubtotalAboveItsGroupIsHeldAgainstTheRowsBelowIt() {
        BossProfile subtotalled = withLines("total.label=合计|小计");
        String row = "BS%d,WO%d,13800138000,终端销售,20260105103000,%d,正常,GZ-WEB";
        Path headed = export(
                HEADER,
                "小计,,,,,300,,",
                row.formatted(1, 1, 100),
                row.formatted(2, 2, 200),
                "小计,,,,,400,,",
                row.formatted(3, 3, 400),
                "合计,,,,,700,,");
        BossTable read = BossReader.read(headed, subtotalled, warnings::add, n -> {});
        assertThat(read.size()).isEqualTo(3);
        assertThat(read.totalRowsLeftOut()).isEqualTo(3);
        assertThat(warnings).isEmpty();

        Path cut = export(
                HEADER,
                "小计,,,,,300,,",
                row.formatted(1, 1, 100),
                "小计,,,,,400,,",
                row.formatted(3, 3, 400),
                row.formatted(4, 4, 5),
                "合计,,,,,700,,");
        BossReader.read(cut, subtotalled, warnings::add, n -> {});
        assertThat(warnings)
                .as("the first group lost a row of 2.00, the second has one added; the grand total sums the rows above")
                .containsExactly(
                        cut + ":2: 金额(分): the total row says 3.00, which no run of rows below it adds up to (the 1"
                                + " row below it up to the total row on line 4 1.00): rows missing or added;"
                                + " reconciled as read",
                        cut + ":4: 金额(分): the total row says 4.00, which no run of rows below it adds up to (the 2"
                                + " rows below it up to the total row on line 7 4.05): rows missing or added;"
                                + " reconciled as read",
                        cut + ":7: 金额(分): the total row says 7.00, which no run of rows above it adds up to (the 3"
                                + " rows above it 5.05, the 2 rows since the total row on line 4 4.05): rows missing"
                                + " or added; reconciled as read");
    }

    /** Without the profile's keys, the rejection says which line the header is on, and which label a total row has. */
    @Test
    void theRejectionNamesTheHeadersLineAndATotalRowsLabel() {
        Path titled = export("业务受理明细报表", "", HEADER, "BS1,WO1,13800138000,终端销售,20260105103000,599900,正常,GZ-WEB");
        assertThat(TestLedgers.rejection(() -> read(titled)))
                .hasSize(9)
                .endsWith(titled + ":3: the profile's columns are all on line 3 (the lines above it a report's title?):"
                        + " add header.line=3 to the profile");

        // the header read as CSV: a quoted name holding the delimiter; a title whose quote does not close is skipped
        List<String> quotedName = new ArrayList<>(BossProfileTest.SPEC_EXAMPLE);
        quotedName.replaceAll(l -> l.startsWith("column.biz_type=") ? "column.biz_type=业务类型,大类" : l);
        Path quoted = export("\"业务受理明细报表", "", HEADER.replace("业务类型", "\"业务类型,大类\""), "BS1,WO1,1,终端销售,1,1,正常,GZ");
        assertThat(TestLedgers.rejection(
                        () -> BossReader.read(quoted, BossProfile.parse("p", quotedName), w -> {}, n -> {})))
                .endsWith(quoted + ":3: the profile's columns are all on line 3 (the lines above it a report's title?):"
                        + " add header.line=3 to the profile");

        Path totalled = export(HEADER, "BS1,WO1,13800138000,终端销售,20260105103000,599900,正常,GZ-WEB", "合计,,,,,599900,,");
        // the one problem of the row: its empty columns only say that it is not a BOSS row
        assertThat(TestLedgers.rejection(() -> read(totalled)))
                .containsExactly(totalled + ":3: 业务流水号: '合计' starts a total row, not a BOSS row: add total.label=合计"
                        + " to the profile to leave such rows out");

        Path shortFile = export("业务受理明细报表");
        assertThat(TestLedgers.rejection(
                        () -> BossReader.read(shortFile, withLines("header.line=3"), w -> {}, n -> {})))
                .containsExactly(shortFile + ":3: the file ends before line 3, where its header is expected");
    }

    @Test
    void anUnmappedStatusABadAmountAndABadDateAreEachLocated() {
        Path f = export(
                HEADER,
                "BS1,WO1,13800138000,终端销售,20260105103000,599900,正常,GZ-WEB",
                "BS2,WO2,13800138000,终端销售,20260105103000,5999.00,正常,GZ-WEB",
                "BS3,WO3,13800138000,终端销售,2026-01-05,100,正常,GZ-WEB",
                "BS4,WO4,13800138000,终端销售,20260105103000,100,待处理,GZ-WEB");
        assertThat(TestLedgers.rejection(() -> read(f)))
                .containsExactly(
                        f + ":3: 金额(分): '5999.00' is not a whole number of fen (amount.unit=fen)",
                        f + ":4: 受理时间: '2026-01-05' does not match the pattern yyyyMMddHHmmss",
                        f + ":5: 状态: status '待处理' is not mapped by the profile (it maps 已撤单, 正常)");
    }

    /** A spreadsheet writes a long number in scientific notation, losing its last digits: never an id or a phone. */
    @Test
    void idsAndPhoneNumbersInScientificNotationAreRejected() {
        Path f = export(
                HEADER,
                "BS1,WO1,1.38001E+10,终端销售,20260105103000,599900,正常,GZ-WEB",
                "2.02601E+15,WO2,13800138000,终端销售,20260105103000,100,正常,GZ-WEB",
                "BS3,1E+5,13800138000,终端销售,20260105103000,100,正常,GZ-WEB",
                "BS4,WO-1E5,13800138000,终端销售,20260105103000,100,正常,GZ-WEB",
                "BS5,WO5,13800138000,终端销售,2.02601E+13,100,正常,GZ-WEB");
        String lost = " is a number in scientific notation, as a spreadsheet writes a long number: its last digits are"
                + " lost; export the file again with the column formatted as text";
        assertThat(TestLedgers.rejection(() -> read(f)))
                .containsExactly(
                        f + ":2: 手机号码: '1.38001E+10'" + lost,
                        f + ":3: 业务流水号: '2.02601E+15'" + lost,
                        f + ":4: 外部订单号: '1E+5'" + lost,
                        // a compact date-time is a long number too: no pattern brings its digits back
                        f + ":6: 受理时间: '2.02601E+13'" + lost);
    }

    @Test
    void aGb18030FileReadAsUtf8IsRejectedAtTheLineOfTheBadBytes() {
        Path f = export("a,b", "1,2", "3,正常");
        try (ByteCsv csv = ByteCsv.open(f, StandardCharsets.UTF_8, ',', null)) {
            assertThat(csv.next()).isTrue();
            assertThatThrownBy(csv::next).hasMessageContaining(":3: bytes that are not valid UTF-8");
        }
    }

    @Test
    void quotedCellsWithDelimitersQuotesAndNewlinesKeepTheirLineNumbers() {
        Path f = TestLedgers.write(
                dir,
                "q.csv",
                StandardCharsets.UTF_8,
                "a,b",
                "\"x,1\",\"say \"\"hi\"\"\"",
                "\"multi",
                "line\",2",
                "",
                "last,'=1+1");
        try (ByteCsv csv = ByteCsv.open(f, StandardCharsets.UTF_8, ',', null)) {
            assertThat(csv.next()).isTrue();
            assertThat(csv.get(0)).isEqualTo("x,1");
            assertThat(csv.get(1)).isEqualTo("say \"hi\"");
            assertThat(csv.next()).isTrue();
            assertThat(csv.line()).isEqualTo(3);
            assertThat(csv.get(0)).isEqualTo("multi\nline");
            assertThat(csv.next()).isTrue();
            assertThat(csv.line()).isEqualTo(6);
            assertThat(csv.get(1)).isEqualTo("=1+1");
            assertThat(csv.next()).isFalse();
        }
    }
}
