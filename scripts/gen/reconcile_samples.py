#!/usr/bin/env python3
"""Generates the reconciliation samples (deterministic: same seed, same files).

Two months of the Guangzhou online store (mostly the GZ-WEB virtual hall, some orders fulfilled at halls and partner
stores, a few at a site the ledger does not know) and the matching BOSS exports (GB18030, Chinese headers, amounts in
fen, compact date-times, as samples/boss-profile.properties describes them):

  samples/platform-orders-2026-01.csv + samples/boss-2026-01.csv   January 2026
  samples/platform-orders-2026-02.csv + samples/boss-2026-02.csv   February 2026 (header alias 订单编号 for the order ref;
      carries January orders refunded in February, whose only BOSS row is the reversal, and the BOSS rows of a
      January order that was MISSING_IN_BOSS in January: RESOLVED_LATE with --carry)

Each month holds a handful of every discrepancy kind: duplicates on both sides, amount mismatches (one of 1 fen),
status mismatches both ways, orders missing in BOSS, BOSS rows missing in the platform (with and without order ref),
plus reversal pairs, split orders and rows without order ref matched by msisdn + amount + time (one with two
candidates). Run from the repository root:  python3 scripts/gen/reconcile_samples.py
"""
import csv
import datetime as dt
import random
from pathlib import Path

OUT = Path(__file__).resolve().parents[2] / "samples"

# sku -> (type, order amount in yuan). Contracts and the plan are ordered online with the first month prepaid.
SKUS = {
    "HS-IP16-128": ("handset", "5999.00"), "HS-IP16P-256": ("handset", "8999.00"),
    "HS-MATE70-256": ("handset", "5499.00"), "HS-P70-128": ("handset", "4499.00"),
    "HS-MI15-256": ("handset", "4299.00"), "HS-RN14-128": ("handset", "1199.00"),
    "HS-OPPO-A3": ("handset", "1299.00"), "HS-VIVO-Y200": ("handset", "1599.00"),
    "AC-CASE-IP16": ("accessory", "399.00"), "AC-CHG-20W": ("accessory", "149.00"),
    "AC-CHG-66W": ("accessory", "199.00"), "AC-EAR-BUDS": ("accessory", "449.00"),
    "SIM-STD": ("sim", "10.00"), "SIM-DATA-30": ("sim", "30.00"),
    "PL-5G-59": ("plan", "59.00"),
    "CT-5G-129-24": ("contract", "129.00"), "CT-5G-199-24": ("contract", "199.00"), "CT-5G-299-36": ("contract", "299.00"),
}
SKU_WEIGHTS = {"handset": 5, "accessory": 3, "sim": 4, "plan": 1, "contract": 3}
BIZ = {"handset": "终端销售", "accessory": "配件销售", "sim": "号卡开户", "plan": "套餐办理", "contract": "合约办理"}
SITES = ["GZ-WEB"] * 14 + ["GZ-TH-01", "GZ-TH-02", "GZ-YX-01", "GZ-BY-01", "GZ-PY-P1", "GZ-HP-P1", "GZ-TH-P2", "GZ-SS-01"]
UNKNOWN_SITE = "GZ-NS-09"  # a site missing from sites.csv (a new partner store)
CHANNELS = ["web"] * 5 + ["wap"] * 2 + ["app"] * 3
PLATFORM_HEADER = ["order_id", "created_at", "channel", "site_id", "msisdn", "sku", "qty", "amount", "status"]


def fen(yuan):
    return int(round(float(yuan) * 100))


def yuan(f):
    return f"{f // 100}.{f % 100:02d}"


class Month:
    def __init__(self, year, month, seed, ref_header):
        self.rng = random.Random(seed)
        self.start = dt.datetime(year, month, 1)
        self.days = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.date(year, month, 1)).days
        self.tag = f"{year % 100:02d}{month:02d}"
        self.ref_header = ref_header
        self.orders = []   # platform rows (lists), file order
        self.boss = []     # BOSS rows: [boss_id, ref, msisdn, biz, accepted(datetime), fen, status, site]
        self.seq = 0
        self.bseq = 0

    def msisdn(self):
        return self.rng.choice(["138", "139", "135", "150", "187", "188", "182", "136"]) + f"{self.rng.randrange(10**8):08d}"

    def when(self):
        return self.start + dt.timedelta(days=self.rng.randrange(self.days), seconds=self.rng.randrange(8 * 3600, 22 * 3600))

    def order(self, status="completed", sku=None, site=None, created=None, msisdn=None, qty=None):
        self.seq += 1
        if sku is None:
            types = list(SKU_WEIGHTS)
            t = self.rng.choices(types, weights=[SKU_WEIGHTS[x] for x in types])[0]
            sku = self.rng.choice([s for s, (ty, _) in SKUS.items() if ty == t])
        typ, price = SKUS[sku]
        if qty is None:
            qty = self.rng.choice([1, 1, 1, 2]) if typ in ("accessory", "sim") else 1
        o = {"order_id": f"WO{self.tag}{self.seq:05d}", "created": created or self.when(), "channel": self.rng.choice(CHANNELS),
             "site": site or self.rng.choice(SITES), "msisdn": msisdn or self.msisdn(), "sku": sku, "qty": qty,
             "fen": fen(price) * qty, "status": status}
        self.orders.append(o)
        return o

    def boss_row(self, o, ref=True, amount=None, status="正常", after_minutes=None, at=None, biz=None):
        self.bseq += 1
        accepted = at or (o["created"] + dt.timedelta(minutes=after_minutes if after_minutes is not None
                                                      else self.rng.randrange(1, 25), seconds=self.rng.randrange(60)))
        row = [f"BS{self.tag}{self.bseq:07d}", o["order_id"] if ref else "", o["msisdn"],
               biz or BIZ[SKUS[o["sku"]][0]], accepted, o["fen"] if amount is None else amount, status, o["site"]]
        self.boss.append(row)
        return row

    def reversal(self, o, days_later=0, amount=None):
        at = o["created"] + dt.timedelta(days=days_later, hours=self.rng.randrange(1, 6))
        return self.boss_row(o, amount=-(o["fen"] if amount is None else amount), status="已撤单", at=at, biz="退费冲正")

    def regular(self, n):
        """Orders whose BOSS side agrees: live ones with one row, refunded ones with a reversal pair, cancelled ones
        either never reaching BOSS or reversed there."""
        for _ in range(n):
            status = self.rng.choices(["completed", "paid", "cancelled", "refunded"], weights=[78, 9, 7, 6])[0]
            o = self.order(status)
            if status in ("completed", "paid"):
                self.boss_row(o)
            elif status == "refunded":
                self.boss_row(o)
                self.reversal(o, days_later=self.rng.randrange(0, 3))
            elif self.rng.random() < 0.4:
                self.boss_row(o)
                self.reversal(o)

    def write(self, platform_name, boss_name):
        with open(OUT / platform_name, "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(PLATFORM_HEADER)
            for o in self.orders:
                w.writerow([o["order_id"], o["created"].strftime("%Y-%m-%d %H:%M:%S"), o["channel"], o["site"], o["msisdn"],
                            o["sku"], o["qty"], yuan(o["fen"]), o["status"]])
        rows = sorted(self.boss, key=lambda r: (r[4], r[0]))
        with open(OUT / boss_name, "w", newline="", encoding="gb18030") as f:
            w = csv.writer(f, lineterminator="\r\n")
            w.writerow(["业务流水号", self.ref_header, "手机号码", "业务类型", "受理时间", "金额(分)", "状态", "营业厅编码"])
            for r in rows:
                w.writerow([r[0], r[1], r[2], r[3], r[4].strftime("%Y%m%d%H%M%S"), r[5], r[6], r[7]])


def discrepancies(m):
    """A handful of every kind; returns the orders later months refer to."""
    rng = m.rng
    # split order: a handset and its contract paid in one order, accepted as two BOSS transactions
    for _ in range(3):
        o = m.order("completed", sku="HS-MATE70-256")
        first = fen("4999.00")
        m.boss_row(o, amount=first, after_minutes=3)
        m.boss_row(o, amount=o["fen"] - first, after_minutes=4, biz="合约办理")
    # rows without order ref, matched by msisdn + amount + time
    for _ in range(3):
        o = m.order("completed", sku="SIM-STD", qty=1)
        m.boss_row(o, ref=False, after_minutes=rng.randrange(2, 20))
    # two candidates: the same number orders the same SIM twice 12 minutes apart; one BOSS row without ref, 3 minutes
    # after the second order: the nearest (the second) wins, the first stays MISSING_IN_BOSS
    number = m.msisdn()
    t = m.when()
    m.order("completed", sku="SIM-DATA-30", qty=1, msisdn=number, created=t)
    second = m.order("completed", sku="SIM-DATA-30", qty=1, msisdn=number, created=t + dt.timedelta(minutes=12))
    m.boss_row(second, ref=False, after_minutes=3)
    # AMOUNT_MISMATCH: off by one fen, a coupon BOSS did not apply, a price change
    o = m.order("completed", sku="HS-RN14-128")
    m.boss_row(o, amount=o["fen"] - 1)
    o = m.order("completed", sku="HS-IP16-128")
    m.boss_row(o, amount=o["fen"] + fen("100.00"))
    o = m.order("paid", sku="CT-5G-199-24")
    m.boss_row(o, amount=fen("129.00"))
    # STATUS_MISMATCH: live on the platform, reversed in BOSS; refunded on the platform, still live in BOSS
    for _ in range(2):
        o = m.order("completed")
        m.boss_row(o)
        m.reversal(o)
    for _ in range(2):
        o = m.order("refunded")
        m.boss_row(o)
    # MISSING_IN_BOSS: paid or completed, no BOSS row
    missing = [m.order(rng.choice(["completed", "paid"])) for _ in range(3)]
    # MISSING_IN_PLATFORM: a BOSS row for an order the platform export lacks, and rows without ref nobody ordered
    ghost = {"order_id": f"WO{m.tag}{99000 + rng.randrange(900):05d}", "created": m.when(), "msisdn": m.msisdn(),
             "sku": "HS-OPPO-A3", "fen": fen("1299.00"), "site": "GZ-WEB"}
    m.boss_row(ghost)
    for _ in range(2):
        stray = {"order_id": "", "created": m.when(), "msisdn": m.msisdn(), "sku": "PL-5G-59", "fen": fen("59.00"),
                 "site": rng.choice(["GZ-TH-01", "GZ-YX-01"])}
        m.boss_row(stray, ref=False)
    # orders at a site the ledger does not know
    for _ in range(2):
        o = m.order("completed", site=UNKNOWN_SITE)
        m.boss_row(o)
    # DUPLICATE_PLATFORM: the store exported three orders twice
    for o in rng.sample([x for x in m.orders if x["status"] == "completed"], 3):
        m.orders.append(dict(o))
    # DUPLICATE_BOSS: three BOSS rows exported twice
    for r in rng.sample(m.boss, 3):
        m.boss.append(list(r))
    return missing


def main():
    jan = Month(2026, 1, 20260101, "外部订单号")
    jan.regular(300)
    jan_missing = discrepancies(jan)
    jan.rng.shuffle(jan.orders)
    jan.orders.sort(key=lambda o: o["created"])
    jan.write("platform-orders-2026-01.csv", "boss-2026-01.csv")

    feb = Month(2026, 2, 20260201, "订单编号")
    feb.regular(300)
    discrepancies(feb)
    # January orders refunded in February: the platform shows them refunded, BOSS only has the February reversal
    refunded = [o for o in jan.orders if o["status"] == "completed" and o["site"] != UNKNOWN_SITE
                and int(o["order_id"][-5:]) <= 300  # from the regular part: confirmed in January
                and not o["sku"].startswith("SIM")][:6]
    seen = set()
    for o in refunded:
        if o["order_id"] in seen:
            continue
        seen.add(o["order_id"])
        late = dict(o, status="refunded")
        feb.orders.append(late)
        at = dt.datetime(2026, 2, 1) + dt.timedelta(days=feb.rng.randrange(20), hours=feb.rng.randrange(9, 20))
        feb.boss_row(late, amount=-o["fen"], status="已撤单", at=at, biz="退费冲正")
    # the first January MISSING_IN_BOSS order reaches BOSS in February (RESOLVED_LATE with --carry)
    late = jan_missing[0]
    feb.boss_row(late, at=dt.datetime(2026, 2, 3, 10, 17, 5))
    feb.orders.sort(key=lambda o: o["created"])
    feb.write("platform-orders-2026-02.csv", "boss-2026-02.csv")


if __name__ == "__main__":
    main()
