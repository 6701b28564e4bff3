#!/usr/bin/env python3
"""Generates the province day of scripts/bench/rebalance.sh (deterministic: same seed, same files).

5 warehouses, STORES stores (default 2,000, split evenly) x SKUS SKUs (default 200):
- moves.csv: one opening count per position on 2026-02-23 and per warehouse and SKU;
- policies.csv: t = 7 with levels chosen so that the first check of the cycle (2026-03-02) raises about ORDERS open
  orders (default 20,000), a fifth of them emergencies (on hand < L), the rest regular (inventory position < R);
  one position in ten of every SKU is above its S by 1 to 4 units (the donors);
- the warehouses hold half of what their stores will order for the even SKUs (half the SKUs short) and one and a
  half times it for the odd ones.
Usage: gen_rebalance.py DIR [STORES] [SKUS] [ORDERS]
"""
import csv
import random
import sys
from collections import defaultdict
from pathlib import Path

from bench_sites import write_sites

out = Path(sys.argv[1])
stores = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
skus = int(sys.argv[3]) if len(sys.argv) > 3 else 200
orders = int(sys.argv[4]) if len(sys.argv) > 4 else 20000
out.mkdir(parents=True, exist_ok=True)
rnd = random.Random(20260302)
AT = "2026-02-23 08:00"

warehouses = [f"WH-{i:02d}" for i in range(5)]
write_sites(out / "sites.csv", warehouses, stores, ["hall", "partner"])

sku_ids = [f"SKU-{k:04d}" for k in range(skus)]
with open(out / "catalog.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(["sku", "type", "name", "brand", "price", "status", "channels", "monthly_fee", "months"])
    for k, sku in enumerate(sku_ids):
        w.writerow([sku, "handset" if k % 2 == 0 else "accessory", f"Product {k}", "Brand", f"{999 + k}.00", "listed",
                    "hall|partner", "", ""])

p_order = orders / (stores * skus)
demand = defaultdict(int)  # (warehouse, sku) -> units the check will order
with open(out / "moves.csv", "w", newline="", encoding="utf-8") as fm, \
        open(out / "policies.csv", "w", newline="", encoding="utf-8") as fp:
    wm = csv.writer(fm)
    wp = csv.writer(fp)
    wm.writerow(["at", "site_id", "sku", "kind", "qty", "ref"])
    wp.writerow(["site_id", "sku", "t_days", "R", "S", "L", "locked"])
    for s in range(stores):
        site = f"ST-{s:05d}"
        wh = warehouses[s % 5]
        for sku in sku_ids:
            l = rnd.randint(1, 3)
            r = l + rnd.randint(1, 4)
            s_level = r + rnd.randint(2, 8)
            u = rnd.random()
            if u < p_order / 5:
                on_hand = rnd.randint(0, l - 1)                  # emergency
            elif u < p_order:
                on_hand = rnd.randint(l, r - 1)                  # regular
            elif u < p_order + 0.1:
                on_hand = s_level + rnd.randint(1, 4)            # a donor
            else:
                on_hand = rnd.randint(r, s_level)
            if on_hand < r:
                demand[(wh, sku)] += s_level - on_hand
            wm.writerow([AT, site, sku, "count", on_hand, "INV-1"])
            wp.writerow([site, sku, 7, r, s_level, l, "true"])
    for wh in warehouses:
        for k, sku in enumerate(sku_ids):
            d = demand[(wh, sku)]
            wm.writerow([AT, wh, sku, "count", d // 2 if k % 2 == 0 else d + d // 2, "INV-1"])
print(f"{len(warehouses)} warehouses, {stores} stores x {skus} SKUs, ~{orders} orders expected, in {out}")
