package io.chanops.cli.replenish;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.cli.CliHarness;
import java.nio.file.Path;

/**
 * The short day of the rebalance tests, made through the CLI. Check at Monday 2026-03-02 09:30 (cycle start):
 *
 * <pre>
 * position      on hand  policy (t,R,S,L)  after the check
 * ST-1 PHONE    0        7,5,8,2           RO-20260302-000001 emergency 8, due 03-02  (on hand - L = -2)
 * ST-2 PHONE    1        7,5,6,2           RO-20260302-000002 emergency 5, due 03-02  (-1)
 * ST-3 PHONE    3        7,5,7,2           RO-20260302-000003 regular 4, due 03-04    (3 >= L, 3 < R)
 * ST-4 PHONE    16       7,5,10,2          nothing: 6 above S
 * ST-5 PHONE    12       7,5,10,2          nothing: 2 above S
 * SB-1 PHONE    30       7,5,10,2          nothing: 20 above S, but a store of WH-B
 * WH PHONE 10, WH-B PHONE 50.
 * </pre>
 *
 * Rebalance to 03-04: demand 8 + 5 + 4 = 17 > 10 at WH. 000001 takes 8 (2 left); 000002's 5 and 000003's 4 no longer
 * fit. 000002 from ST-4 (excess 6): 5. 000003 from ST-5 (excess 2, now larger than ST-4's 1): 2, then ST-4: 1; 1 short.
 */
final class RebalanceLedger {
    static final String E1 = "RO-20260302-000001";
    static final String E2 = "RO-20260302-000002";
    static final String R3 = "RO-20260302-000003";

    private RebalanceLedger() {}

    static CliHarness make(Path dir) {
        CliHarness cli = new CliHarness(dir);
        cli.importRows(
                "site",
                "WH,Warehouse,warehouse,GZ,,,23.1,113.4,06:00,22:00",
                "WH-B,Warehouse B,warehouse,FS,,,23.0,113.1,06:00,22:00",
                "ST-1,Store 1,store,GZ,WH,hall,23.2,113.3,09:00,21:00",
                "ST-2,Store 2,store,GZ,WH,partner,23.3,113.2,09:00,21:00",
                "ST-3,Store 3,store,GZ,WH,hall,23.2,113.2,09:00,21:00",
                "ST-4,Store 4,store,GZ,WH,hall,23.1,113.3,09:00,21:00",
                "ST-5,Store 5,store,GZ,WH,hall,23.1,113.2,09:00,21:00",
                "SB-1,Store B1,store,FS,WH-B,hall,23.0,113.0,09:00,21:00");
        cli.importRows("catalog", "PHONE,handset,Phone,Brand,1999.00,listed,hall|partner,,");
        cli.at("2026-02-23 08:30");
        cli.importRows(
                "stock",
                "2026-02-23 08:00,WH,PHONE,count,10,INV-1",
                "2026-02-23 08:00,WH-B,PHONE,count,50,INV-1",
                "2026-02-23 08:00,ST-1,PHONE,count,0,INV-1",
                "2026-02-23 08:00,ST-2,PHONE,count,1,INV-1",
                "2026-02-23 08:00,ST-3,PHONE,count,3,INV-1",
                "2026-02-23 08:00,ST-4,PHONE,count,16,INV-1",
                "2026-02-23 08:00,ST-5,PHONE,count,12,INV-1",
                "2026-02-23 08:00,SB-1,PHONE,count,30,INV-1");
        cli.importRows(
                "policy",
                "ST-1,PHONE,7,5,8,2,true",
                "ST-2,PHONE,7,5,6,2,true",
                "ST-3,PHONE,7,5,7,2,true",
                "ST-4,PHONE,7,5,10,2,true",
                "ST-5,PHONE,7,5,10,2,true",
                "SB-1,PHONE,7,5,10,2,true");
        CliHarness.Result check = cli.at("2026-03-02 09:30").run("replenish", "check", "--format", "csv");
        assertThat(check.code()).as(check.toString()).isEqualTo(3);
        assertThat(check.out())
                .contains(E1 + ",ST-1,PHONE,emergency,raised,8,")
                .contains(E2 + ",ST-2,PHONE,emergency,raised,5,")
                .contains(R3 + ",ST-3,PHONE,regular,raised,4,");
        return cli;
    }
}
