package io.chanops.reconcile.boss;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.chanops.ledger.InputRejectedException;
import io.chanops.ledger.testing.FuzzFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Coverage-guided fuzzing of a BOSS export read through its profile (the byte reader, amounts, date-times, status
 * map): whatever the bytes, {@link BossReader} gives a table or rejects the export with
 * {@link InputRejectedException}; never another exception, never a hang. The first byte picks one of five profiles
 * (UTF-8 fen and compact times; GB18030; yuan with a '|' delimiter and ISO times; GB18030 with a title line above the
 * header and total rows; a date column and a time column joined). Seeds in
 * {@code BossReaderFuzzTestInputs}; {@code scripts/test/fuzz.sh} fuzzes.
 */
class BossReaderFuzzTest {
    private static final String COLUMNS = """
            column.boss_id=业务流水号
            column.order_ref=外部订单号|订单编号
            column.msisdn=手机号码
            column.biz_type=业务类型
            column.accepted_at=受理时间
            column.amount=金额(分)
            column.status=状态
            column.site_id=营业厅编码
            status.正常=completed
            status.已撤单=cancelled
            """;
    private static final List<BossProfile> PROFILES = List.of(
            profile("charset=UTF-8\ndelimiter=,\namount.unit=fen\ndatetime.pattern=yyyyMMddHHmmss\n"),
            profile("charset=GB18030\ndelimiter=,\namount.unit=fen\ndatetime.pattern=yyyyMMddHHmmss\n"),
            profile("charset=UTF-8\ndelimiter=|\namount.unit=yuan\ndatetime.pattern=yyyy-MM-dd HH:mm:ss\n"),
            profile("charset=GB18030\ndelimiter=,\namount.unit=fen\ndatetime.pattern=yyyyMMddHHmmss\nheader.line=2\n"
                    + "total.label=合计|Total\n"),
            BossProfile.parse(
                    "profile",
                    ("charset=UTF-8\ndelimiter=,\namount.unit=fen\ndatetime.pattern=yyyyMMdd HHmmss\n"
                                    + COLUMNS.replace("column.accepted_at=受理时间", "column.accepted_at=受理时间|受理日期+受理时刻"))
                            .lines()
                            .toList()));

    @RegisterExtension
    static final FuzzFiles FILES = new FuzzFiles();

    private static BossProfile profile(String head) {
        return BossProfile.parse("profile", (head + COLUMNS).lines().toList());
    }

    @Timeout(10)
    @FuzzTest(maxDuration = "5s")
    void readsOrRejects(byte[] data) throws IOException {
        BossProfile profile = PROFILES.get(FuzzFiles.knobs(data) % PROFILES.size());
        Path f = FILES.writeAfterKnobs("boss.csv", data);
        FuzzFiles.readsOrRejects(
                () -> BossReader.read(f, profile, w -> {}, n -> {}).totalFen());
    }
}
