package io.chanops.cli.replenish;

import io.chanops.cli.CliHarness;
import java.nio.file.Path;

/**
 * The small network of the replenishment CLI tests, made through the CLI, with the clock left at Monday 2026-03-02
 * 09:30, the first day of review cycle 8 (t = 7 from the anchor 2026-01-05).
 *
 * <pre>
 * position       on hand  policy (t,R,S,L)  expected at 09:30
 * ST-1 PHONE     3        7,5,12,2          regular 12 - 3 = 9, due 03-04     (3 >= L 2, 3 < R 5)
 * ST-1 CASE      1        7,4,10,2          emergency 10 - 1 = 9, due 03-02  (1 < L 2)
 * ST-2 PHONE     5        7,5,12,2          nothing                           (5 is not < R 5)
 * ST-2 CASE      2        7,4,10,2          regular 10 - 2 = 8                (2 is not < L 2; 2 < R 4)
 * </pre>
 *
 * WH holds 100 of each; ST-2 CASE's policy is locked.
 */
final class TwoStoreLedger {
    /** A sale of 2 PHONE at ST-1 at 10:40 (a moves.csv row): it escalates the regular order of ST-1 PHONE. */
    static final String SALE = "2026-03-02 10:40,ST-1,PHONE,sale,2,POS-9";

    private TwoStoreLedger() {}

    static CliHarness make(Path dir) {
        CliHarness cli = new CliHarness(dir);
        cli.importRows(
                "site",
                "WH,Warehouse,warehouse,GZ,,,23.1,113.4,06:00,22:00",
                "ST-1,Store 1,store,GZ,WH,hall,23.2,113.3,09:00,21:00",
                "ST-2,Store 2,store,GZ,WH,partner,23.3,113.2,09:00,21:00");
        cli.importRows(
                "catalog",
                "PHONE,handset,Phone,Brand,1999.00,listed,hall|partner,,",
                "CASE,accessory,Case,Brand,49.00,listed,hall|partner,,");
        cli.at("2026-02-23 08:30");
        cli.importRows(
                "stock",
                "2026-02-23 08:00,WH,PHONE,count,100,INV-1",
                "2026-02-23 08:00,WH,CASE,count,100,INV-1",
                "2026-02-23 08:00,ST-1,PHONE,count,3,INV-1",
                "2026-02-23 08:00,ST-1,CASE,count,1,INV-1",
                "2026-02-23 08:00,ST-2,PHONE,count,5,INV-1",
                "2026-02-23 08:00,ST-2,CASE,count,2,INV-1");
        cli.importRows(
                "policy",
                "ST-1,PHONE,7,5,12,2,false",
                "ST-1,CASE,7,4,10,2,false",
                "ST-2,PHONE,7,5,12,2,false",
                "ST-2,CASE,7,4,10,2,true");
        return cli.at("2026-03-02 09:30");
    }
}
