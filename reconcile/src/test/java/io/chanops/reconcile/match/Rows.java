package io.chanops.reconcile.match;

import io.chanops.reconcile.boss.BossDateTime;
import io.chanops.reconcile.boss.BossRow;
import io.chanops.reconcile.platform.PlatformOrder;
import io.chanops.reconcile.platform.PlatformStatus;

/** Test rows: times as {@code "2026-01-05 10:00:00"}, amounts in fen. */
final class Rows {
    private static final BossDateTime T = BossDateTime.of("yyyy-MM-dd HH:mm:ss");
    private static long line = 1;

    private Rows() {}

    static long at(String time) {
        return T.parse(time);
    }

    static PlatformOrder order(String id, String created, String msisdn, long fen, PlatformStatus status) {
        return new PlatformOrder(id, at(created), "web", "GZ-WEB", msisdn, "SIM-STD", 1, fen, status, ++line);
    }

    static PlatformOrder order(String id, long fen, PlatformStatus status) {
        return order(id, "2026-01-05 10:00:00", "13800000000", fen, status);
    }

    static BossRow boss(String bossId, String ref, String accepted, long fen, boolean completed) {
        return new BossRow(bossId, ref, "13800000000", at(accepted), fen, completed, "GZ-WEB", ++line);
    }

    static BossRow boss(String bossId, String ref, String msisdn, String accepted, long fen) {
        return new BossRow(bossId, ref, msisdn, at(accepted), fen, true, "GZ-WEB", ++line);
    }

    static BossRow boss(String bossId, String ref, long fen) {
        return boss(bossId, ref, "2026-01-05 10:05:00", fen, true);
    }
}
