package io.chanops.reconcile.boss;

/**
 * One row of a BOSS export, compact because exports run to millions of rows: times are local seconds (see
 * {@link BossDateTime}), amounts fen, the status already mapped through the profile. The business type is validated
 * by nothing and used by nothing, so it is not kept. {@code orderRef} is empty when
 * BOSS did not record the platform order (those rows are matched by msisdn, amount and time).
 *
 * @param line the row's line in the export (for messages and for "latest row" ties: a later line is a later event)
 */
public record BossRow(
        String bossId,
        String orderRef,
        String msisdn,
        long acceptedAt,
        long amountFen,
        boolean completed,
        String siteId,
        long line) {

    public String status() {
        return completed ? "completed" : "cancelled";
    }
}
