#!/usr/bin/env python3
"""Generates a stock-import benchmark data set: sites.csv, catalog.csv, moves.csv (N moves) and expected.csv
(the on hand each position must end with, folded here independently of chanops).

usage: gen_stock.py OUT_DIR [--moves 1000000] [--stores 500] [--skus 200] [--seed 7]
"""
import argparse
import csv
import datetime as dt
import random
from pathlib import Path


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--moves", type=int, default=1_000_000)
    ap.add_argument("--stores", type=int, default=500)
    ap.add_argument("--skus", type=int, default=200)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(a.seed)
    warehouses = [f"WH-{i:02d}" for i in range(1, 6)]
    stores = [f"ST-{i:05d}" for i in range(1, a.stores + 1)]
    with open(out / "sites.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["site_id", "name", "kind", "city", "warehouse", "channel", "lat", "lon", "opens", "closes"])
        for wh in warehouses:
            w.writerow([wh, f"仓库 {wh}", "warehouse", "广州", "", "", "23.10", "113.30", "06:00", "22:00"])
        for i, st in enumerate(stores):
            w.writerow([st, f"营业厅 {st}", "store", "广州", warehouses[i % 5], ["hall", "partner", "e-channel", "self-service"][i % 4],
                        f"{23 + rng.random() * 0.3:.5f}", f"{113.2 + rng.random() * 0.3:.5f}", "09:00", "21:00"])
    skus = [f"SKU-{i:04d}" for i in range(1, a.skus + 1)]
    with open(out / "catalog.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["sku", "type", "name", "brand", "price", "status", "channels", "monthly_fee", "months"])
        for i, s in enumerate(skus):
            w.writerow([s, ["handset", "accessory", "sim"][i % 3], f"Product {s}", "Brand", f"{99 + i}.00", "listed", "web|hall", "", ""])
    on_hand = {}
    start = dt.datetime(2026, 1, 5, 8, 0)
    kinds = ["sale"] * 70 + ["receipt"] * 12 + ["return"] * 3 + ["transfer_in"] * 6 + ["transfer_out"] * 4 + ["adjust"] * 3 + ["count"] * 2
    with open(out / "moves.csv", "w", newline="", encoding="utf-8") as f:
        f.write("at,site_id,sku,kind,qty,ref\n")
        minutes = 0
        lines = []
        for n in range(a.moves):
            minutes += rng.randrange(0, 3)
            at = start + dt.timedelta(minutes=minutes)
            site = stores[rng.randrange(len(stores))] if rng.random() < 0.97 else warehouses[rng.randrange(5)]
            sku = skus[min(int(rng.expovariate(1 / 40)), len(skus) - 1)]
            kind = kinds[rng.randrange(len(kinds))]
            if kind == "count":
                qty = rng.randrange(0, 30)
            elif kind == "adjust":
                qty = rng.choice([-2, -1, 1, 2])
            elif kind == "sale":
                qty = 1 if rng.random() < 0.9 else 2
            else:
                qty = rng.randrange(1, 20)
            key = (site, sku)
            cur = on_hand.get(key, 0)
            sign = {"receipt": 1, "return": 1, "transfer_in": 1, "sale": -1, "transfer_out": -1, "adjust": 1}.get(kind)
            on_hand[key] = qty if kind == "count" else cur + sign * qty
            lines.append(f"{at:%Y-%m-%d %H:%M},{site},{sku},{kind},{qty},D{n}\n")
            if len(lines) >= 100_000:
                f.writelines(lines)
                lines = []
        f.writelines(lines)
    with open(out / "expected.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["site_id", "sku", "on_hand"])
        for (site, sku), q in sorted(on_hand.items()):
            w.writerow([site, sku, q])
    print(f"{a.moves} moves over {len(on_hand)} positions in {out}")


if __name__ == "__main__":
    main()
