#!/usr/bin/env python3
"""Generates a large reconciliation pair for scripts/bench/reconcile.sh (deterministic for a given size and seed).

platform-orders.csv: N orders (UTF-8); boss.csv: about N rows (GB18030, Chinese headers, fen, yyyyMMddHHmmss) with
discrepancies injected at fixed rates: ~0.5% amount off, ~0.3% status mismatch, ~0.5% missing in BOSS, ~0.3% rows
without order_ref (fallback), ~0.2% missing in platform, ~0.1% duplicates on each side; refunds as reversal pairs.
Usage: gen_reconcile.py DIR [N]
"""
import random
import sys
from pathlib import Path

SKUS = [("HS-IP16-128", 599900), ("HS-MATE70-256", 549900), ("HS-RN14-128", 119900), ("AC-CHG-20W", 14900),
        ("SIM-STD", 1000), ("SIM-DATA-30", 3000), ("CT-5G-129-24", 12900), ("CT-5G-199-24", 19900), ("PL-5G-59", 5900)]
SITES = ["GZ-WEB"] * 6 + ["GZ-TH-01", "GZ-TH-02", "GZ-YX-01", "GZ-PY-P1", "GZ-SS-01"]
CHANNELS = ["web", "wap", "app"]
BIZ = "终端销售"


def main():
    out = Path(sys.argv[1])
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
    rng = random.Random(42)
    out.mkdir(parents=True, exist_ok=True)
    base = 1767196800  # 2026-01-01 00:00 as local seconds
    import time as _t
    fmt_p = lambda s: _t.strftime("%Y-%m-%d %H:%M:%S", _t.gmtime(s))
    fmt_b = lambda s: _t.strftime("%Y%m%d%H%M%S", _t.gmtime(s))
    boss = []
    bseq = 0
    with open(out / "platform-orders.csv", "w", encoding="utf-8", newline="") as p:
        p.write("order_id,created_at,channel,site_id,msisdn,sku,qty,amount,status\n")
        last = None
        for i in range(n):
            oid = f"WO{i:09d}"
            created = base + i * 2 + rng.randrange(2)
            sku, price = SKUS[rng.randrange(len(SKUS))]
            qty = 1
            msisdn = f"13{rng.randrange(10**9):09d}"
            site = SITES[rng.randrange(len(SITES))]
            r = rng.random()
            status = "completed" if r < 0.90 else "paid" if r < 0.95 else "refunded" if r < 0.98 else "cancelled"
            line = f"{oid},{fmt_p(created)},{CHANNELS[i % 3]},{site},{msisdn},{sku},{qty},{price // 100}.{price % 100:02d},{status}\n"
            p.write(line)
            if rng.random() < 0.001 and last is not None:
                p.write(last)  # duplicate platform row
            last = line
            x = rng.random()
            at = created + 60 + rng.randrange(900)
            if status in ("completed", "paid"):
                if x < 0.005:
                    continue  # missing in BOSS
                amount = price - 1 if x < 0.010 else price
                ref = "" if 0.010 <= x < 0.013 else oid
                st = "已撤单" if 0.013 <= x < 0.016 else "正常"
                bseq += 1
                boss.append(f"BS{bseq:010d},{ref},{msisdn},{BIZ},{fmt_b(at)},{amount if st == '正常' else -amount},{st},{site}\r\n")
            elif status == "refunded":
                bseq += 1
                boss.append(f"BS{bseq:010d},{oid},{msisdn},{BIZ},{fmt_b(at)},{price},正常,{site}\r\n")
                bseq += 1
                boss.append(f"BS{bseq:010d},{oid},{msisdn},退费冲正,{fmt_b(at + 3600)},{-price},已撤单,{site}\r\n")
            if rng.random() < 0.002:
                bseq += 1
                boss.append(f"BS{bseq:010d},WX{i:09d},{msisdn},{BIZ},{fmt_b(at)},{price},正常,{site}\r\n")  # missing in platform
            if rng.random() < 0.001 and boss:
                boss.append(boss[-1])  # duplicate BOSS row
    with open(out / "boss.csv", "w", encoding="gb18030", newline="") as b:
        b.write("业务流水号,外部订单号,手机号码,业务类型,受理时间,金额(分),状态,营业厅编码\r\n")
        b.writelines(boss)
    (out / "boss-profile.properties").write_text(
        "charset=GB18030\ndelimiter=,\namount.unit=fen\ndatetime.pattern=yyyyMMddHHmmss\ncolumn.boss_id=业务流水号\n"
        "column.order_ref=外部订单号|订单编号\ncolumn.msisdn=手机号码\ncolumn.biz_type=业务类型\ncolumn.accepted_at=受理时间\n"
        "column.amount=金额(分)\ncolumn.status=状态\ncolumn.site_id=营业厅编码\nstatus.正常=completed\nstatus.已撤单=cancelled\n",
        encoding="utf-8")
    print(f"{n} platform orders, {len(boss)} BOSS rows in {out}")


if __name__ == "__main__":
    main()
