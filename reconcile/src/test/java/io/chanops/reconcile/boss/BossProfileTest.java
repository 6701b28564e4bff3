package io.chanops.reconcile.boss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.chanops.ledger.InputRejectedException;
import io.chanops.ledger.testing.TestLedgers;
import io.chanops.reconcile.boss.BossProfile.Column;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BossProfileTest {
    static final List<String> SPEC_EXAMPLE = List.of(
            "charset=GB18030",
            "delimiter=,",
            "amount.unit=fen            # or yuan",
            "datetime.pattern=yyyyMMddHHmmss",
            "column.boss_id=业务流水号",
            "column.order_ref=外部订单号|订单编号  # the platform order_id; may be empty in some rows",
            "column.msisdn=手机号码",
            "column.biz_type=业务类型",
            "column.accepted_at=受理时间",
            "column.amount=金额(分)",
            "column.status=状态",
            "column.site_id=营业厅编码",
            "status.正常=completed       # BOSS status text -> completed|cancelled",
            "status.已撤单=cancelled");

    @Test
    void theSpecExampleWithTrailingCommentsAndAliasesIsAccepted() {
        BossProfile p = BossProfile.parse("p.properties", SPEC_EXAMPLE);
        assertThat(p.charset()).isEqualTo(Charset.forName("GB18030"));
        assertThat(p.amountUnit()).isEqualTo(BossProfile.AmountUnit.FEN);
        assertThat(p.names(Column.ORDER_REF)).containsExactly("外部订单号", "订单编号");
        assertThat(p.statusCompleted()).containsEntry("正常", true).containsEntry("已撤单", false);
        assertThat(p.dateTime().parse("20260105103000"))
                .isEqualTo(BossDateTime.of("yyyy-MM-dd HH:mm:ss").parse("2026-01-05 10:30:00"));
    }

    @Test
    void theSampleProfileLoads() {
        BossProfile p = BossProfile.load(TestLedgers.sample("boss-profile.properties"));
        assertThat(p.names(Column.AMOUNT)).containsExactly("金额(分)");
    }

    @Test
    void unknownAndMissingKeysAndBadValuesAreEachReportedWithTheirLine() {
        List<String> lines = new ArrayList<>(SPEC_EXAMPLE);
        lines.remove("column.msisdn=手机号码");
        lines.add("column.msisdm=手机号码");
        lines.set(2, "amount.unit=cents");
        lines.set(lines.indexOf("status.已撤单=cancelled"), "status.已撤单=void");
        lines.add("status.已退款=canceled");
        assertThatThrownBy(() -> BossProfile.parse("p.properties", lines))
                .isInstanceOfSatisfying(
                        InputRejectedException.class,
                        e -> assertThat(e.problems())
                                .extracting(Object::toString)
                                .contains(
                                        "p.properties:3: amount.unit: 'cents' must be fen or yuan",
                                        "p.properties:1: column.msisdn: required key is missing")
                                .anySatisfy(s -> assertThat(s)
                                        .startsWith("p.properties:14: column.msisdm: unknown key (did you"
                                                + " mean 'column.msisdn'?) (expected one of amount.unit,"))
                                .anySatisfy(s ->
                                        assertThat(s).contains("status.已撤单: 'void' must be completed or cancelled"))
                                .anySatisfy(s -> assertThat(s)
                                        .endsWith("status.已退款: 'canceled' must be completed or cancelled (did you"
                                                + " mean 'cancelled'?)")));
    }

    /** Patterns DateTimeFormatter refuses, by its own exception or (a pad before adjacent numbers) a JDK failure. */
    @Test
    void aDateTimePatternTheJdkCannotBuildIsAProblemOfItsLine() {
        for (String pattern : List.of("pyyyMMddHHmmss", "yyyyMMddHHmmssX{")) {
            List<String> lines = new ArrayList<>(SPEC_EXAMPLE);
            lines.set(3, "datetime.pattern=" + pattern);
            assertThatThrownBy(() -> BossProfile.parse("p.properties", lines))
                    .as(pattern)
                    .isInstanceOfSatisfying(
                            InputRejectedException.class,
                            e -> assertThat(e.problems())
                                    .extracting(Object::toString)
                                    .anySatisfy(s -> assertThat(s)
                                            .startsWith("p.properties:4: datetime.pattern: bad pattern '" + pattern)));
        }
    }

    /** Optional keys: without them the header is on line 1 and no row is a total row. */
    @Test
    void theHeaderLineAndTotalLabelsAreOptionalAndChecked() {
        BossProfile plain = BossProfile.parse("p.properties", SPEC_EXAMPLE);
        assertThat(plain.headerLine()).isEqualTo(1);
        assertThat(plain.totalLabels()).isEmpty();

        List<String> lines = new ArrayList<>(SPEC_EXAMPLE);
        lines.add("header.line=3            # a title and a period above the header");
        lines.add("total.label=合计| 总计 ");
        BossProfile titled = BossProfile.parse("p.properties", lines);
        assertThat(titled.headerLine()).isEqualTo(3);
        assertThat(titled.totalLabels()).containsExactly("合计", "总计");

        for (String bad : List.of("header.line=0", "header.line=two", "header.line=101", "total.label=|")) {
            List<String> wrong = new ArrayList<>(SPEC_EXAMPLE);
            wrong.add(bad);
            assertThat(onlyProblem(wrong))
                    .as(bad)
                    .startsWith("p.properties:15: " + bad.substring(0, bad.indexOf('=')) + ": ");
        }
    }

    @Test
    void onlyAcceptedAtJoinsColumnsAndOnlyTwo() {
        List<String> lines = new ArrayList<>(SPEC_EXAMPLE);
        lines.set(lines.indexOf("column.accepted_at=受理时间"), "column.accepted_at=受理日期+受理时刻");
        BossProfile p = BossProfile.parse("p.properties", lines);
        assertThat(BossProfile.parts(Column.ACCEPTED_AT, "受理日期+受理时刻")).containsExactly("受理日期", "受理时刻");
        assertThat(BossProfile.parts(Column.AMOUNT, "金额+税")).containsExactly("金额+税");
        assertThat(p.allNames()).contains("受理日期+受理时刻", "受理日期", "受理时刻");

        for (String bad : List.of("受理日期+受理时刻+毫秒", "受理日期+")) {
            lines.set(
                    lines.indexOf(lines.stream()
                            .filter(l -> l.startsWith("column.accepted_at="))
                            .findFirst()
                            .orElseThrow()),
                    "column.accepted_at=" + bad);
            assertThat(onlyProblem(lines))
                    .as(bad)
                    .isEqualTo("p.properties:9: column.accepted_at: '" + bad
                            + "' must join two columns, a date and a time of day (like 受理日期+受理时间)");
        }
    }

    /** The one problem a profile of {@code lines} is refused for. */
    private static String onlyProblem(List<String> lines) {
        InputRejectedException e =
                catchThrowableOfType(() -> BossProfile.parse("p.properties", lines), InputRejectedException.class);
        assertThat(e).as("refused").isNotNull();
        assertThat(e.problems()).hasSize(1);
        return e.problems().get(0).toString();
    }

    @Test
    void aTabDelimiterAndYuanAmountsAreAccepted() {
        List<String> lines = new ArrayList<>(SPEC_EXAMPLE);
        lines.set(1, "delimiter=\\t");
        lines.set(2, "amount.unit=yuan");
        BossProfile p = BossProfile.parse("p.properties", lines);
        assertThat(p.delimiter()).isEqualTo('\t');
        assertThat(p.amountUnit()).isEqualTo(BossProfile.AmountUnit.YUAN);
    }

    @Test
    void aStrictPatternRefusesImpossibleDates() {
        BossDateTime compact = BossDateTime.of("yyyyMMddHHmmss");
        assertThat(compact.parse("20260230101010")).isEqualTo(BossDateTime.INVALID);
        BossDateTime slashes = BossDateTime.of("yyyy/MM/dd HH:mm");
        assertThat(slashes.parse("2026/02/30 10:10")).isEqualTo(BossDateTime.INVALID);
        assertThat(BossDateTime.format(slashes.parse("2026/02/03 10:10"))).isEqualTo("2026-02-03 10:10:00");
    }
}
