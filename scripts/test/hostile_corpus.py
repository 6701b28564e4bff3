#!/usr/bin/env python3
"""Writes the hostile-input corpus (cli/src/test/resources/hostile/<importer>/) that HostileInputTest runs through the
real CLI: every file must be rejected with exit 4, an error line `FILE:LINE: ...`, and an unchanged ledger.

Each case is a file plus, when the expected problem is known exactly, a sibling `<case>.expect` holding what must
follow `FILE:` on one error line (`3: qty: '5' is ...`, a prefix). Rerun after editing a case:
    python3 scripts/test/hostile_corpus.py
The ledger the cases run against holds the samples (samples/*.csv).
"""
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2] / "cli/src/test/resources/hostile"

# per importer: header and one valid data row (against the samples), and the text column to poison
IMPORTERS = {
    "sites": ("site_id,name,kind,city,warehouse,channel,lat,lon,opens,closes",
              "NEW-01,新店,store,广州,GZ-WH,hall,23.1,113.3,09:00,21:00", "name", 1),
    "catalog": ("sku,type,name,brand,price,status,channels,monthly_fee,months",
                "NEW-SKU,handset,Phone X,Brand,999.00,listed,web|hall,,", "name", 2),
    "moves": ("at,site_id,sku,kind,qty,ref",
              "2026-03-01 10:00,GZ-TH-01,HS-IP16-128,receipt,5,GRN-H1", "ref", 5),
    "policies": ("site_id,sku,t_days,R,S,L,locked",
                 "GZ-SS-01,SIM-DATA-30,7,10,30,4,true", "site_id", 0),
    "platform": ("order_id,created_at,channel,site_id,msisdn,sku,qty,amount,status",
                 "WOH0001,2026-02-01 10:00:00,app,GZ-TH-01,13800000000,HS-IP16-128,1,5999.00,completed", "channel", 2),
    "boss": ("业务流水号,外部订单号,手机号码,业务类型,受理时间,金额(分),状态,营业厅编码",
             "BSH0001,WOH0001,13800000000,终端销售,20260201100000,599900,正常,GZ-TH-01", "业务类型", 3),
    "rules": ("rule_id,channel,site_id,type,sku,basis,rate,tiers,valid_from,valid_to,clawback_days",
              "R-H1,,,handset,,percent,1.5,,2026-01-01,,30", "rule_id", 0),
    "rates": ("channel,cost_per_txn", "hall,3.94", "channel", 0),
    "vehicles": ("vehicle_id,depot,capacity,shift_start,shift_end", "V-H1,GZ-WH,200,10:00,18:00", "vehicle_id", 0),
    "matrix": ("from,to,minutes,km", "GZ-WH,GZ-TH-01,25,12", "from", 0),
}

# per importer: cases that are its valid row with one piece of text replaced, (name, old, new, expected problem)
ROW_VARIANTS = {
    "sites": (
        ("closes-at-24-00", "21:00", "24:00", "2: closes: '24:00' is not a time HH:MM"),
        ("opens-at-25-00", "09:00", "25:00", "2: opens: '25:00' is not a time HH:MM"),
        ("bad-kind", "store", "shop", "2: kind: 'shop' is not store or warehouse"),
        ("bad-channel", "hall", "mall", "2: channel: 'mall' is not"),
        ("unknown-warehouse", "GZ-WH", "XX-WH", "2: warehouse: unknown warehouse"),
        ("latitude-in-fullwidth-digits", "23.1", "２３.１", "2: lat: "),
        ("latitude-as-exponent", "23.1", "2.31e1", "2: lat: "),
        ("latitude-nan", "23.1", "NaN", "2: lat: "),
        ("longitude-infinity", "113.3", "Infinity", "2: lon: "),
        ("latitude-out-of-range", "23.1", "91", "2: lat: '91' is out of range"),
        ("formula-as-site-id", "NEW-01", "=HYPERLINK(x)", "2: site_id: "),
        ("empty-name", "新店", "", "2: name: is empty"),
    ),
    "catalog": (
        ("price-in-fullwidth-digits", "999.00", "９９９.００", "2: price: "),
        ("price-in-arabic-indic-digits", "999.00", "٩٩٩", "2: price: "),
        ("price-overflowing-a-long", "999.00", "92233720368547758.08", "2: price: '92233720368547758.08' is out of range"),
        ("price-over-a-hundred-million", "999.00", "100000000.01", "2: price: '100000000.01' is out of range"),
        ("negative-price", "999.00", "-1.00", "2: price: must not be negative"),
        ("zero-price-handset", "999.00", "0", "2: price: must be greater than 0"),
        ("three-decimals", "999.00", "9.999", "2: price: '9.999' has more than two decimals"),
        ("bad-type", "handset", "phone", "2: type: 'phone' is not"),
        ("bad-status", "listed", "live", "2: status: 'live' is not"),
        ("bad-channel", "web|hall", "web|shop", "2: channels: 'shop' is not"),
        ("guard-prefixed-name", "Phone X", "''=cmd|' /C calc'!A0", "2: name: starts with '"),
        ("formula-as-sku", "NEW-SKU", "=1+1", "2: sku: '=1+1' is not a valid SKU"),
    ),
    "moves": (
        ("qty-just-over-a-million", ",5,", ",1000001,", "2: qty: '1000001' is out of range"),
        ("adjust-of-minus-two-million", "receipt,5", "adjust,-2000000", "2: qty: '-2000000' is out of range"),
        ("qty-in-fullwidth-digits", ",5,", ",５,", "2: qty: '５' is not a whole number (digits 0-9 only"),
        ("qty-in-arabic-indic-digits", ",5,", ",٥,", "2: qty: '٥' is not a whole number"),
        ("qty-as-formula", ",5,", ",=2+3,", "2: qty: '=2+3' is not a whole number"),
        ("qty-zero-receipt", ",5,", ",0,", "2: qty: '0' must be a positive whole number"),
        ("qty-negative-sale", "receipt,5", "sale,-1", "2: qty: '-1' must be a positive whole number"),
        ("qty-decimal", ",5,", ",1.5,", "2: qty: '1.5' is not a whole number"),
        ("adjust-of-zero", "receipt,5", "adjust,0", "2: qty: an adjust of 0"),
        ("negative-count", "receipt,5", "count,-3", "2: qty: a count is the counted on hand"),
        ("bad-kind", "receipt", "gift", "2: kind: 'gift' is not one of"),
        ("april-31st", "2026-03-01", "2026-04-31", "2: at: '2026-04-31 10:00' is not a date-time"),
        ("february-29th-2026", "2026-03-01", "2026-02-29", "2: at: '2026-02-29 10:00' is not a date-time"),
        ("hour-24", "10:00", "24:00", "2: at: '2026-03-01 24:00' is not a date-time"),
        ("date-only", "2026-03-01 10:00", "2026-03-01", "2: at: "),
        ("unknown-site", "GZ-TH-01", "GZ-XX-99", "2: site_id: unknown site 'GZ-XX-99'"),
        ("plan-is-not-stocked", "HS-IP16-128", "CT-5G-199-24", "2: sku: "),
        ("unquoted-comma-in-ref", "GRN-H1", "INV,2026,001", "2: the row has 8 fields but the header has 6"),
    ),
    "policies": (
        ("huge-s", ",30,", ",9223372036854775807,", "2: S: '9223372036854775807' is out of range"),
        ("s-over-a-million", ",30,", ",1000001,", "2: S: '1000001' is out of range"),
        ("r-in-fullwidth-digits", ",10,", ",１０,", "2: R: '１０' is not a whole number"),
        ("t-of-a-century", ",7,", ",36500,", "2: t_days: '36500' is out of range"),
        ("l-above-r", ",4,true", ",20,true", "2: L: "),
        ("negative-l", ",4,true", ",-1,true", "2: L: "),
        ("bad-locked", "true", "yes", "2: locked: 'yes' is not true or false"),
        ("warehouse-position", "GZ-SS-01", "GZ-WH", "2: site_id: 'GZ-WH' is a warehouse"),
    ),
    "platform": (
        ("amount-overflowing-a-long", "5999.00", "92233720368547758.07", "2: amount: '92233720368547758.07' is out of range"),
        ("amount-over-a-hundred-million", "5999.00", "100000000.01", "2: amount: '100000000.01' is out of range"),
        ("amount-in-fullwidth-digits", "5999.00", "５９９９.００", "2: amount: "),
        ("negative-amount", "5999.00", "-1.00", "2: amount: '-1.00' is negative"),
        ("qty-over-a-million", ",1,5999", ",1000001,5999", "2: qty: '1000001' is out of range"),
        ("qty-zero", ",1,5999", ",0,5999", "2: qty: '0' is not a positive whole number"),
        ("qty-in-arabic-indic-digits", ",1,5999", ",١,5999", "2: qty: '١' is not a whole number"),
        ("created-on-february-30th", "2026-02-01", "2026-02-30", "2: created_at: '2026-02-30 10:00:00' is not a date-time"),
        ("created-at-24-00", "10:00:00", "24:00:00", "2: created_at: "),
        ("bad-status", "completed", "shipped", "2: status: 'shipped' must be"),
        ("empty-order-id", "WOH0001", "", "2: order_id: order_id is empty"),
    ),
    "boss": (
        ("amount-overflowing-a-long", "599900", "9223372036854775807", "2: 金额(分): '9223372036854775807' is out of range"),
        ("amount-over-a-hundred-million-yuan", "599900", "10000000001", "2: 金额(分): '10000000001' is out of range"),
        ("amount-in-fullwidth-digits", "599900", "５９９９００", "2: 金额(分): "),
        ("amount-with-decimals", "599900", "5999.00", "2: 金额(分): "),
        ("accepted-on-february-29th", "20260201", "20260229", "2: 受理时间: '20260229100000' does not match"),
        ("accepted-at-hour-24", "20260201100000", "20260201240000", "2: 受理时间: "),
        ("unmapped-status", "正常", "挂起", "2: 状态: status '挂起' is not mapped"),
        ("empty-boss-id", "BSH0001", "", "2: 业务流水号: boss_id is empty"),
    ),
    "rules": (
        ("valid-from-february-29th", "2026-01-01", "2026-02-29", "2: valid_from: '2026-02-29' is not a date YYYY-MM-DD"),
        ("valid-to-april-31st", "2026-01-01,,", "2026-01-01,2026-04-31,", "2: valid_to: '2026-04-31' is not a date"),
        ("valid-to-before-from", "2026-01-01,,", "2026-01-01,2025-12-31,", "2: valid_to: "),
        ("percent-over-100", "1.5", "150", "2: rate: '150' is over 100 percent"),
        ("percent-in-fullwidth-digits", "1.5", "１.５", "2: rate: "),
        ("fixed-rate-overflowing", "percent,1.5", "fixed,92233720368547758.07", "2: rate: '92233720368547758.07' is out of range"),
        ("bad-basis", "percent", "bonus", "2: basis: 'bonus' is not percent, fixed or tiered"),
        ("clawback-in-fullwidth-digits", ",30", ",３０", "2: clawback_days: "),
    ),
    "vehicles": (
        ("capacity-overflowing", ",200,", ",9223372036854775808,", "2: capacity: '9223372036854775808' is out of range"),
        ("capacity-in-fullwidth-digits", ",200,", ",２００,", "2: capacity: '２００' is not a whole number"),
        ("capacity-zero", ",200,", ",0,", "2: capacity: '0': must be a whole number of units > 0"),
        ("shift-ends-at-24-00", "18:00", "24:00", "2: shift_end: '24:00': expected HH:MM"),
        ("depot-is-a-store", "GZ-WH", "GZ-TH-01", "2: depot: GZ-TH-01 is a store"),
    ),
    "matrix": (
        ("minutes-nan", ",25,", ",NaN,", "2: minutes: 'NaN': must be a number >= 0"),
        ("minutes-infinity", ",25,", ",Infinity,", "2: minutes: "),
        ("minutes-hex-float", ",25,", ",0x1p4,", "2: minutes: "),
        ("minutes-in-fullwidth-digits", ",25,", ",２５,", "2: minutes: "),
        ("minutes-negative", ",25,", ",-5,", "2: minutes: "),
        ("minutes-huge", ",25,", ",1000000,", "2: minutes: '1000000': must be at most 100000"),
        ("unknown-site", "GZ-TH-01", "GZ-XX-99", "2: to: unknown site GZ-XX-99"),
    ),
}

cases = []  # (importer, name, bytes, expect or None)


def case(importer, name, data, expect=None):
    cases.append((importer, name, data if isinstance(data, bytes) else data.encode("utf-8"), expect))


def csv(header, *rows):
    return "\n".join((header,) + rows) + "\n"


def poison(row, column_index, text):
    cells = row.split(",")
    cells[column_index] = text
    return ",".join(cells)


# text put into an importer's text column, and how the error shows the control character in it
CONTROL_CHARACTERS = (
    ("esc-clears-screen", "x\x1b[2J\x1b[H", "\\x1b"),
    ("osc-sets-title", "\x1b]0;pwned\x07y", "\\x1b"),
    ("nul-byte", "a\x00b", "\\x00"),
    ("del-character", "a\x7fb", "\\x7f"),
    ("c1-csi", "a\u009b31mb", "\\x9b"),
    ("backspace", "ab\x08\x08xy", "\\x08"),
    ("line-break-in-quoted-text", '"two\nlines"', "\\x0a"),
    ("carriage-return-in-quoted-text", '"over\rwrite"', "\\x0d"),
)


def row_variants(importer):
    header, row, _, _ = IMPORTERS[importer]
    for name, old, new, expect in ROW_VARIANTS.get(importer, ()):
        case(importer, name, csv(header, row.replace(old, new)), expect)


def common(importer):
    header, row, text_column, ti = IMPORTERS[importer]
    width = len(header.split(","))
    case(importer, "empty-file", b"", "1: empty file")
    case(importer, "header-only", csv(header), "1: no data rows")
    case(importer, "header-and-blank-lines", header + "\n\n   \n\n", "1: no data rows")
    case(importer, "row-wider-than-header", csv(header, row + ",INV,2026"), "2: the row has %d fields" % (width + 2))
    case(importer, "row-narrower-than-header", csv(header, ",".join(row.split(",")[:-1])),
         "2: the row has %d field" % (width - 1))
    case(importer, "second-row-wider", csv(header, row.replace("H1", "H2").replace("0001", "0002"), row + ","),
         "3: the row has %d fields" % (width + 1))
    for name, text, shown in CONTROL_CHARACTERS:
        case(importer, name, csv(header, poison(row, ti, text)),
             "2: %s: contains the control character %s" % (text_column, shown))
    case(importer, "text-of-1001-characters", csv(header, poison(row, ti, "长" * 1001)), "2: %s: is 1001 characters long" % text_column)
    case(importer, "invalid-utf8-bytes", csv(header, poison(row, ti, "aXb")).encode().replace(b"X", b"\xff\xfe"),
         "2: bytes that are not valid UTF-8")
    case(importer, "gb18030-read-as-utf8", (csv(header) + poison(row, ti, "营业厅") + "\n").encode("gb18030")
         if importer != "boss" else (header + "\n").encode() + poison(row, ti, "营业厅").encode("gb18030") + b"\n",
         "2: bytes that are not valid UTF-8")
    case(importer, "duplicate-header-column", csv(header + "," + header.split(",")[1], row + ",x"), "1: %s: column appears twice" % header.split(",")[1])
    case(importer, "unclosed-quote", csv(header, poison(row, ti, '"never closed')), None)
    case(importer, "utf16-file", ("\ufeff" + csv(header, row)).encode("utf-16-le"), "1: ")
    if importer not in ("platform", "boss", "vehicles"):  # their first column is free text
        case(importer, "bom-inside-a-data-cell", csv(header, poison(row, 0, "\ufeff" + row.split(",")[0])), "2: ")


def sites():
    h, row, _, _ = IMPORTERS["sites"]
    case("sites", "warehouse-with-a-channel", csv(h, "WH-NEW,新仓,warehouse,广州,,hall,23.1,113.3,06:00,22:00"),
         "2: channel: 'hall': only stores have a channel")
    case("sites", "duplicate-site", csv(h, row, row), "3: site_id: duplicate site")
    case("sites", "missing-required-column", csv("site_id,name,city", "NEW-01,新店,广州"), "1: kind: required column is missing")


def catalog():
    h, row, _, _ = IMPORTERS["catalog"]
    case("catalog", "contract-months-in-fullwidth", csv(h, "CT-NEW,contract,Plan,,0,listed,hall,99.00,２４"), "2: months: ")
    case("catalog", "duplicate-sku", csv(h, row, row), "2: sku: SKU 'NEW-SKU' is in the file 2 times")


def moves():
    h, row, _, _ = IMPORTERS["moves"]
    case("moves", "two-receipts-of-long-max",
         csv(h, "2026-03-01 10:00,GZ-TH-01,HS-IP16-128,receipt,9223372036854775807,GRN-MAX1",
             "2026-03-01 10:01,GZ-TH-01,HS-IP16-128,receipt,9223372036854775807,GRN-MAX2"),
         "2: qty: '9223372036854775807' is out of range: at most 1,000,000")
    case("moves", "same-document-twice-in-the-file", csv(h, row, row.replace("10:00", "11:00")), "3: ref: duplicate row")
    case("moves", "document-already-in-the-ledger", csv(h, "2026-01-05 07:30,GZ-WH,AC-CASE-IP16,count,332,INV-20260105-WH"),
         "2: ref: duplicate row: count 'INV-20260105-WH' of AC-CASE-IP16 at GZ-WH is already in the ledger")
    case("moves", "document-already-in-the-ledger-quoted", csv(h, '"2026-01-05 07:30","GZ-WH","AC-CASE-IP16","count","332","INV-20260105-WH"'),
         "2: ref: duplicate row: count 'INV-20260105-WH'")
    case("moves", "missing-required-column", csv("at,site_id,sku,qty", "2026-03-01 10:00,GZ-TH-01,HS-IP16-128,5"), "1: kind: required column is missing")


def policies():
    h, row, _, _ = IMPORTERS["policies"]
    case("policies", "zero-s", csv(h, "GZ-SS-01,SIM-DATA-30,7,0,0,0,true"), "2: S: ")
    case("policies", "duplicate-position", csv(h, row, row), "3: sku: duplicate position")


def boss():
    h, row, _, _ = IMPORTERS["boss"]
    case("boss", "profile-column-missing", csv("业务流水号,手机号码", "BSH0001,13800000000"), "1: ")


PROFILE = """charset=UTF-8
delimiter=,
amount.unit=fen
datetime.pattern=yyyyMMddHHmmss
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
"""


def profiles():
    p = PROFILE.replace("charset=UTF-8", "charset=GB18030")  # the profile of samples/boss-2026-02.csv
    line = {k: i + 1 for i, k in enumerate(l.split("=")[0] for l in p.splitlines())}
    case("profile", "empty-file", "", "1: ")
    case("profile", "unknown-key", p + "colum.site=营业厅编码\n", "15: colum.site: unknown key")
    case("profile", "key-twice", p + "delimiter=;\n", "15: delimiter: key appears twice")
    for name, old, new, expect in (
        ("missing-key", "column.msisdn=手机号码\n", "", "1: column.msisdn: required key is missing"),
        ("no-status-map", "status.正常=completed\nstatus.已撤单=cancelled\n", "", "1: status.*: no status map"),
        ("bad-status-target", "status.已撤单=cancelled", "status.已撤单=void", "%d: status.已撤单: 'void' must be" % line["status.已撤单"]),
        ("unknown-charset", "charset=GB18030", "charset=EBCDIC-XYZ", "1: charset: unknown charset"),
        ("two-character-delimiter", "delimiter=,", "delimiter=;;", "2: delimiter: must be a single character"),
        ("bad-amount-unit", "amount.unit=fen", "amount.unit=jiao", "3: amount.unit: 'jiao' must be fen or yuan"),
        ("bad-datetime-pattern", "yyyyMMddHHmmss", "yyyyMMddHHmmssQQQQQQ{", "4: datetime.pattern: bad pattern"),
        ("empty-column-name", "column.msisdn=手机号码", "column.msisdn= | ", "7: column.msisdn: names no column"),
        ("escape-in-column-name", "column.msisdn=手机号码", "column.msisdn=手机\\u001b[2J号码", "7: column.msisdn: contains the control character \\x1b"),
        ("nul-in-status-text", "status.已撤单=cancelled", "status.已\\u0000撤单=cancelled", "%d: status.已\\x00撤单: contains the control character \\x00" % line["status.已撤单"]),
    ):
        case("profile", name, p.replace(old, new), expect)
    case("profile", "gb18030-profile", p.encode("gb18030"), "5: bytes that are not valid UTF-8")
    case("profile", "empty-status-text", p + "status.=completed\n", "15: status.: status text is empty")


def rules():
    h, row, _, _ = IMPORTERS["rules"]
    case("rules", "tiers-with-a-gap", csv(h, "R-T1,,,handset,,tiered,,1-100:10.00;102-:12.00,2026-01-01,,30"), "2: tiers: band '102-:12.00' should start at 101")
    case("rules", "tier-amount-overflowing", csv(h, "R-T1,,,handset,,tiered,,1-:92233720368547758.07,2026-01-01,,30"), "2: tiers: ")
    case("rules", "two-rules-overlap", csv(h, row, row.replace("R-H1", "R-H2")), "3: rule_id: rule R-H2 overlaps rule R-H1")


def rates():
    h, row, _, _ = IMPORTERS["rates"]
    case("rates", "negative-cost", csv(h, "hall,-3.94"), "2: cost_per_txn: '-3.94' is negative")
    case("rates", "cost-overflowing", csv(h, "hall,92233720368547758.07"), "2: cost_per_txn: '92233720368547758.07' is out of range")
    case("rates", "cost-in-fullwidth-digits", csv(h, "hall,３.９４"), "2: cost_per_txn: ")
    case("rates", "bad-channel", csv(h, "shop,3.94"), "2: channel: 'shop' is not")
    case("rates", "channel-twice", csv(h, "hall,3.94", "hall,2.00"), "3: channel: channel hall given twice")


def vehicles():
    h, row, _, _ = IMPORTERS["vehicles"]
    case("vehicles", "vehicle-twice", csv(h, row, row), "3: vehicle_id: vehicle V-H1 appears twice")


def matrix():
    h, row, _, _ = IMPORTERS["matrix"]
    case("matrix", "pair-twice", csv(h, row, row), "3: to: GZ-WH -> GZ-TH-01 already given on line 2")


def main():
    for importer in IMPORTERS:
        common(importer)
        row_variants(importer)
    for f in (sites, catalog, moves, policies, boss, profiles, rules, rates, vehicles, matrix):
        f()
    if ROOT.exists():
        shutil.rmtree(ROOT)
    ext = {"profile": ".properties"}
    for importer, name, data, expect in cases:
        d = ROOT / importer
        d.mkdir(parents=True, exist_ok=True)
        (d / (name + ext.get(importer, ".csv"))).write_bytes(data)
        if expect is not None:
            (d / (name + ".expect")).write_text(expect + "\n", encoding="utf-8")
    (ROOT / "boss" / "_profile.properties").write_text(PROFILE, encoding="utf-8")
    print(f"{len(cases)} cases in {ROOT}")


if __name__ == "__main__":
    main()
