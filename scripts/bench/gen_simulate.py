#!/usr/bin/env python3
"""Generates the data set of scripts/bench/simulate.sh (deterministic: same arguments, same files).

STORES stores x SKUS stocked SKUs (default 420 x 200 = 84,000 positions) supplied by 10 warehouses, over 118 days:
28 days of history before the simulated window (what tuned candidates learn from) and the 90-day window itself
(2026-01-05 .. 2026-04-04). Per position:
- moves.csv: an opening count on 2025-12-08, daily sales at a per-position rate (most positions slow, one in five
  selling daily; sales never take on hand below zero, as a shop cannot sell what it does not hold), and a receipt
  up to S on Monday mornings when on hand is below R (the store's real replenishment);
- policies.csv: t = 7 and levels from the rate (the "current" candidate).
gen_check.py's data does not fit: 28 days only, and its sales stop for good when the opening stock runs out.
Usage: gen_simulate.py DIR [STORES] [SKUS]
"""
import csv
import datetime as dt
import math
import random
import sys
from pathlib import Path

out = Path(sys.argv[1])
stores = int(sys.argv[2]) if len(sys.argv) > 2 else 420
skus = int(sys.argv[3]) if len(sys.argv) > 3 else 200
out.mkdir(parents=True, exist_ok=True)
START = dt.date(2025, 12, 8)  # a Monday, 28 days before the window
DAYS = 28 + 90
RATES = (0.05, 0.08, 0.1, 0.15, 0.2, 0.3, 0.5, 1.0, 2.0, 3.0)

warehouses = [f"WH-{i:02d}" for i in range(10)]
with open(out / "sites.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["site_id", "name", "kind", "city", "warehouse", "channel", "lat", "lon", "opens", "closes"])
    for i, wh in enumerate(warehouses):
        w.writerow([wh, f"Warehouse {i}", "warehouse", "City", "", "", f"{23 + i * 0.01:.3f}", "113.300", "06:00", "22:00"])
    for s in range(stores):
        w.writerow([f"ST-{s:05d}", f"Store {s}", "store", "City", warehouses[s % 10],
                    ["hall", "partner", "e-channel", "self-service"][s % 4],
                    f"{22.5 + (s % 100) * 0.01:.3f}", f"{113.0 + (s // 100) * 0.01:.3f}", "09:00", "21:00"])

types = ["handset", "accessory", "sim"]
sku_ids = [f"SKU-{k:04d}" for k in range(skus)]
with open(out / "catalog.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["sku", "type", "name", "brand", "price", "status", "channels", "monthly_fee", "months"])
    for k, sku in enumerate(sku_ids):
        w.writerow([sku, types[k % 3], f"Product {k}", "Brand", f"{99 + k}.00", "listed", "web|hall|partner", "", ""])

days = [(START + dt.timedelta(days=d)).isoformat() for d in range(DAYS)]
mondays = {d for d in range(DAYS) if (START + dt.timedelta(days=d)).weekday() == 0}
moves = 0
with open(out / "moves.csv", "w", newline="", encoding="utf-8") as fm, \
        open(out / "policies.csv", "w", newline="", encoding="utf-8") as fp:
    fp.write("site_id,sku,t_days,R,S,L,locked\n")
    fm.write("at,site_id,sku,kind,qty,ref\n")
    for s in range(stores):
        site = f"ST-{s:05d}"
        rnd = random.Random(s * 7919 + 20260105)  # per store: a smaller set is a prefix of a larger one
        lines = []
        for sku in sku_ids:
            rate = rnd.choice(RATES)
            l_level = round(rate)
            r_level = math.ceil(rate * 9) + 1
            s_level = r_level + math.ceil(rate * 7) + 2
            fp.write(f"{site},{sku},7,{r_level},{s_level},{l_level},false\n")
            on_hand = rnd.randint(r_level, s_level)
            lines.append(f"{days[0]} 07:00,{site},{sku},count,{on_hand},INV-{days[0]}\n")
            p = rate / (1 + rate)
            for d in range(DAYS):
                if d in mondays and on_hand < r_level:
                    lines.append(f"{days[d]} 07:30,{site},{sku},receipt,{s_level - on_hand},GRN-{d}\n")
                    on_hand = s_level
                if on_hand > 0 and rnd.random() < p:
                    q = min(on_hand, 1 if rate < 1 else rnd.randint(1, 2 * int(rate)))
                    on_hand -= q
                    lines.append(f"{days[d]} {10 + d % 10}:{(s + d) % 60:02d},{site},{sku},sale,{q},\n")
        fm.writelines(lines)
        moves += len(lines)
print(f"{stores} stores x {skus} SKUs = {stores * skus} positions, {moves} moves over {DAYS} days in {out}")
