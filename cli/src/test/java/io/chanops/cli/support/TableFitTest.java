package io.chanops.cli.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tables fit the terminal: text shortened with an ellipsis, widest first; ids, numbers, dates, amounts never cut. */
class TableFitTest {
    private static final String LONG_REASON =
            "window/shift: no vehicle can reach the store while it is open and be back by shift end";

    private static Listing orders() {
        Listing l = Listing.of("order_id", "site_id", "qty", "amount", "due_date", "reason", "note");
        l.add(
                "RO-20260302-000001",
                "GZ-TH-01",
                15L,
                new BigDecimal("1429901348.00"),
                LocalDate.of(2026, 3, 4),
                LONG_REASON,
                "short note here, still long enough");
        l.add(
                "RO-20260302-000002",
                "SZ-FT-02",
                9L,
                new BigDecimal("12.50"),
                LocalDate.of(2026, 3, 5),
                "no stock",
                "ok");
        return l;
    }

    private static String table(Listing listing, int width) {
        StringWriter s = new StringWriter();
        Renderer.table(listing, new PrintWriter(s), false, width);
        return s.toString();
    }

    @Test
    void everyLineFitsEightyColumns() {
        for (String line : table(orders(), 80).lines().toList()) {
            assertThat(DisplayWidth.of(line)).as(line).isLessThanOrEqualTo(80);
        }
    }

    @Test
    void identifiersNumbersDatesAndAmountsAreNeverCut() {
        String text = table(orders(), 80);
        assertThat(text)
                .contains("RO-20260302-000001")
                .contains("GZ-TH-01")
                .contains("1,429,901,348.00")
                .contains("2026-03-04")
                .contains(" 15 ");
    }

    @Test
    void longTextIsShortenedWithAnEllipsisWidestFirst() {
        String text = table(orders(), 80);
        assertThat(text).contains("…").doesNotContain(LONG_REASON);
        // the reason (widest) gave up room before the note did
        int[] natural = {18, 8, 3, 16, 10, 86, 34};
        boolean[] cuttable = {false, false, false, false, false, true, true};
        TableFit.Layout layout = TableFit.fit(natural, cuttable, List.of(), 80);
        assertThat(layout.widths()[5]).isGreaterThanOrEqualTo(layout.widths()[6]);
        assertThat(layout.widths()).startsWith(18, 8, 3, 16, 10);
        assertThat(TableFit.total(layout.widths())).isLessThanOrEqualTo(80);
    }

    @Test
    void aTableThatFitsIsLeftAlone() {
        assertThat(table(orders(), 0)).contains(LONG_REASON).doesNotContain("…");
        assertThat(table(orders(), 400)).contains(LONG_REASON).doesNotContain("…");
    }

    @Test
    void whenTextCannotMakeRoomColumnsAreLeftOutAndNamed() {
        Listing l = Listing.of(
                        "order_id", "site_id", "sku", "kind", "qty", "status", "raised_at", "due_date", "warehouse")
                .hideFirst("raised_at", "warehouse");
        l.add(
                "RO-20260302-000001",
                "GZ-BY-01",
                "AC-CHG-20W",
                "emergency",
                15L,
                "open",
                "2026-03-02 09:30:00",
                LocalDate.of(2026, 3, 4),
                "GZ-WH");
        String text = table(l, 80);
        assertThat(text)
                .contains("RO-20260302-000001")
                .contains("2026-03-04")
                .doesNotContain("09:30:00")
                .contains("(--wide shows 2 more columns: raised_at, warehouse)");
        for (String line : text.lines().toList()) {
            assertThat(line.length()).as(line).isLessThanOrEqualTo(80);
        }
    }

    @Test
    void shortenKeepsWideCharactersWhole() {
        assertThat(TableFit.shorten("广州天河营业厅旗舰店", 9)).isEqualTo("广州天河…");
        assertThat(DisplayWidth.of(TableFit.shorten("广州天河营业厅旗舰店", 9))).isLessThanOrEqualTo(9);
        assertThat(TableFit.shorten("abc", 3)).isEqualTo("abc");
    }

    @Test
    void identifierColumnsByNameAreNotCuttable() {
        Listing l = Listing.of("boss_ids", "platform_file", "run_at").add("BS1|BS2", "platform.csv", "2026-03-02");
        assertThat(l.cuttable(0)).isFalse();
        assertThat(l.cuttable(1)).isTrue();
        assertThat(l.cuttable(2)).isFalse();
        assertThat(l.type(ColumnType.TEXT, "boss_ids").cuttable(0)).isTrue();
    }
}
