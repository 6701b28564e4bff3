#!/usr/bin/env python3
"""Generates a large catalog.csv for the catalog benchmark, and a bulk update of it.

usage: gen_catalog.py N OUT.csv [UPDATE.csv]
The catalog has N products (70% handsets, 15% accessories, 5% SIMs, 5% plans, 5% contracts), Chinese and ASCII names,
some formula-like names. The update changes the price of ~10% of them, the channels of ~2%, leaves out ~1% (for --sync)
and adds ~2% new SKUs. Deterministic (fixed seed).
"""
import csv
import random
import sys

HEADER = ["sku", "type", "name", "brand", "price", "status", "channels", "monthly_fee", "months"]
BRANDS = ["Apple", "华为", "小米", "OPPO", "vivo", "荣耀", "三星", "品胜", "中国移动"]
CHANNELS = ["web", "wap", "app", "partner", "hall"]


def product(rng, i):
    r = rng.random()
    brand = rng.choice(BRANDS)
    channels = "|".join(c for c in CHANNELS if rng.random() < 0.8) or "hall"
    status = "listed" if rng.random() < 0.9 else rng.choice(["unlisted", "draft"])
    if r < 0.70:
        return [f"HS-{i:06d}", "handset", f"{brand} 手机 {i} {rng.choice([128, 256, 512])}GB", brand,
                f"{rng.randint(499, 12999)}.00", status, channels, "", ""]
    if r < 0.85:
        name = f"=配件 {i}" if rng.random() < 0.01 else f"{brand} 配件 {i}"
        return [f"AC-{i:06d}", "accessory", name, brand, f"{rng.randint(9, 999)}.{rng.randint(0, 99):02d}", status, channels, "", ""]
    if r < 0.90:
        return [f"SIM-{i:06d}", "sim", f"SIM 卡 {i}", "中国移动", f"{rng.randint(10, 100)}.00", status, channels, "", ""]
    if r < 0.95:
        return [f"PL-{i:06d}", "plan", f"5G 套餐 {i}", "中国移动", "0", status, channels, "", ""]
    fee = rng.choice([39, 59, 99, 129, 199, 299, 599])
    months = rng.choice([12, 18, 24, 36])
    return [f"CT-{i:06d}", "contract", f"5G 合约 {fee}元/月 {months}个月 #{i}", "中国移动", "0", status, channels,
            f"{fee}.00", str(months)]


def main():
    n = int(sys.argv[1])
    rng = random.Random(20260302)
    rows = [product(rng, i) for i in range(n)]
    with open(sys.argv[2], "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(HEADER)
        w.writerows(rows)
    if len(sys.argv) > 3:
        out = []
        for row in rows:
            x = rng.random()
            if x < 0.01:
                continue  # left out: --sync unlists it if listed
            row = list(row)
            if x < 0.11 and row[1] not in ("plan", "contract"):
                price = float(row[4])
                row[4] = f"{max(1.0, round(price * rng.choice([0.9, 0.95, 1.05]), 2)):.2f}"
            elif x < 0.13:
                row[6] = "web|hall"
            out.append(row)
        for i in range(n, n + n // 50):
            out.append(product(rng, i))
        with open(sys.argv[3], "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, lineterminator="\r\n")
            w.writerow(HEADER)
            w.writerows(out)


if __name__ == "__main__":
    main()
