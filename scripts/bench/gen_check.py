#!/usr/bin/env python3
"""Generates the data set of scripts/bench/check.sh (deterministic: same seed, same files).

STORES stores x SKUS stocked SKUs (default 5,000 x 300 = 1.5M positions) supplied by 10 warehouses:
- moves.csv: per position an opening count on 2026-02-02 (28 days before the bench clock 2026-03-02) and daily
  sales rows over the 28 days at a per-position rate (most positions slow, a few fast), never selling below zero;
- policies.csv: t = 7 with levels chosen so that on the first check of the cycle about 4% of positions are below R
  (regular orders) and about 1% below L (emergency orders): ~5% ordering, as in a real network.
Usage: gen_check.py DIR [STORES] [SKUS]
"""
import csv
import datetime as dt
import random
import sys
from pathlib import Path

from bench_sites import write_sites

out = Path(sys.argv[1])
stores = int(sys.argv[2]) if len(sys.argv) > 2 else 5000
skus = int(sys.argv[3]) if len(sys.argv) > 3 else 300
out.mkdir(parents=True, exist_ok=True)
rnd = random.Random(20260302)
START = dt.date(2026, 2, 2)
DAYS = 28

warehouses = [f"WH-{i:02d}" for i in range(10)]
write_sites(out / "sites.csv", warehouses, stores, ["hall", "partner", "e-channel", "self-service"])

types = ["handset", "accessory", "sim"]
sku_ids = [f"SKU-{k:04d}" for k in range(skus)]
with open(out / "catalog.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(["sku", "type", "name", "brand", "price", "status", "channels", "monthly_fee", "months"])
    for k, sku in enumerate(sku_ids):
        w.writerow([sku, types[k % 3], f"Product {k}", "Brand", f"{99 + k}.00", "listed", "web|hall|partner", "", ""])

moves = 0
with open(out / "moves.csv", "w", newline="", encoding="utf-8") as fm, open(out / "policies.csv", "w", newline="", encoding="utf-8") as fp:
    wm = csv.writer(fm)
    wp = csv.writer(fp)
    wm.writerow(["at", "site_id", "sku", "kind", "qty", "ref"])
    wp.writerow(["site_id", "sku", "t_days", "R", "S", "L", "locked"])
    days = [(START + dt.timedelta(days=d)).isoformat() for d in range(DAYS)]
    for s in range(stores):
        site = f"ST-{s:05d}"
        for sku in sku_ids:
            # demand: most positions sell a unit every week or two, one in ten sells daily
            rate = rnd.choice((0.05, 0.08, 0.1, 0.15, 0.2, 0.3, 0.5, 1.0, 2.0, 0.1))
            on_hand = rnd.randint(3, 30)
            wm.writerow([days[0] + " 08:00", site, sku, "count", on_hand, ""])
            moves += 1
            for d in range(DAYS):
                if on_hand > 0 and rnd.random() < rate / (1 + rate):
                    q = min(on_hand, 1 if rate < 1 else rnd.randint(1, 3))
                    on_hand -= q
                    wm.writerow([days[d] + f" {10 + d % 10}:{(s + d) % 60:02d}", site, sku, "sale", q, ""])
                    moves += 1
            u = rnd.random()
            if u < 0.01:
                l = on_hand + 1
                r = l + rnd.randint(0, 3)
            elif u < 0.05:
                l = rnd.randint(0, on_hand)
                r = on_hand + 1 + rnd.randint(0, 3)
            else:
                r = rnd.randint(0, on_hand)
                l = rnd.randint(0, r)
            s_level = max(r + 1, r + rnd.randint(1, 10))
            wp.writerow([site, sku, 7, r, s_level, l, "false"])
print(f"{stores} stores x {skus} SKUs = {stores * skus} positions, {moves} moves in {out}")
