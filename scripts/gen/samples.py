#!/usr/bin/env python3
"""Generates the master-data and stock part of samples/ (deterministic: same seed, same files).

One city (Guangzhou): one warehouse, 12 stores of mixed channels, 20 catalog SKUs, 8 weeks of stock moves
(2026-01-05 .. 2026-03-01): opening counts, daily sales, weekly store receipts from the warehouse (a transfer_out at
the warehouse and a transfer_in at the store), warehouse receipts, a few returns, adjustments and a recount.
Run from the repository root:  python3 scripts/gen/samples.py
"""
import csv
import datetime as dt
import math
import random
import zlib
from pathlib import Path

OUT = Path(__file__).resolve().parents[2] / "samples"
START = dt.date(2026, 1, 5)
DAYS = 56

SITES = [
    # site_id, name, kind, city, warehouse, channel, lat, lon, opens, closes
    ("GZ-WH", "广州市配送中心", "warehouse", "广州", "", "", 23.1640, 113.4460, "06:00", "22:00"),
    ("GZ-TH-01", "天河城营业厅", "store", "广州", "GZ-WH", "hall", 23.1320, 113.3260, "09:00", "21:00"),
    ("GZ-TH-02", "珠江新城营业厅", "store", "广州", "GZ-WH", "hall", 23.1190, 113.3210, "09:00", "21:00"),
    ("GZ-YX-01", "北京路营业厅", "store", "广州", "GZ-WH", "hall", 23.1250, 113.2690, "09:00", "21:30"),
    ("GZ-HZ-01", "江南西营业厅", "store", "广州", "GZ-WH", "hall", 23.0960, 113.2700, "09:00", "21:00"),
    ("GZ-BY-01", "白云万达营业厅", "store", "广州", "GZ-WH", "hall", 23.1720, 113.2650, "10:00", "22:00"),
    ("GZ-PY-P1", "番禺市桥合作厅", "store", "广州", "GZ-WH", "partner", 22.9370, 113.3840, "09:30", "21:00"),
    ("GZ-HP-P1", "黄埔大沙地合作厅", "store", "广州", "GZ-WH", "partner", 23.1070, 113.4580, "09:30", "21:00"),
    ("GZ-LW-P1", "荔湾上下九合作厅", "store", "广州", "GZ-WH", "partner", 23.1170, 113.2450, "10:00", "22:00"),
    ("GZ-TH-P2", "岗顶手机城合作厅", "store", "广州", "GZ-WH", "partner", 23.1350, 113.3380, "10:00", "22:00"),
    ("GZ-WEB", "网上营业厅(虚拟厅)", "store", "广州", "GZ-WH", "e-channel", 23.1640, 113.4460, "00:00", "23:59"),
    ("GZ-SS-01", "体育中心自助终端", "store", "广州", "GZ-WH", "self-service", 23.1390, 113.3240, "08:00", "22:00"),
    ("GZ-SS-02", "广州南站自助终端", "store", "广州", "GZ-WH", "self-service", 22.9890, 113.2690, "06:30", "23:00"),
]

CATALOG = [
    # sku, type, name, brand, price, status, channels, monthly_fee, months, daily demand at a busy hall
    ("HS-IP16-128", "handset", "iPhone 16 128GB", "Apple", "5999.00", "listed", "web|wap|app|hall|partner", "", "", 2.2),
    ("HS-IP16P-256", "handset", "iPhone 16 Pro 256GB", "Apple", "8999.00", "listed", "web|wap|app|hall|partner", "", "", 1.1),
    ("HS-MATE70-256", "handset", "HUAWEI Mate 70 256GB", "华为", "5499.00", "listed", "web|wap|app|hall|partner", "", "", 1.8),
    ("HS-P70-128", "handset", "HUAWEI Pura 70 128GB", "华为", "4499.00", "listed", "web|wap|app|hall|partner", "", "", 1.2),
    ("HS-MI15-256", "handset", "Xiaomi 15 256GB", "小米", "4299.00", "listed", "web|wap|app|hall|partner", "", "", 1.5),
    ("HS-RN14-128", "handset", "Redmi Note 14 128GB", "小米", "1199.00", "listed", "web|wap|app|hall|partner", "", "", 2.6),
    ("HS-OPPO-A3", "handset", "OPPO A3 128GB", "OPPO", "1299.00", "listed", "web|wap|hall|partner", "", "", 1.4),
    ("HS-VIVO-Y200", "handset", "vivo Y200 256GB", "vivo", "1599.00", "listed", "web|wap|hall|partner", "", "", 0.9),
    ("AC-CASE-IP16", "accessory", "iPhone 16 硅胶保护壳", "Apple", "399.00", "listed", "web|app|hall", "", "", 1.6),
    ("AC-CHG-20W", "accessory", "20W USB-C 充电器", "Apple", "149.00", "listed", "web|app|hall|partner", "", "", 2.0),
    ("AC-CHG-66W", "accessory", "66W 超级快充充电器", "华为", "199.00", "listed", "web|app|hall|partner", "", "", 1.0),
    ("AC-EAR-BUDS", "accessory", "FreeBuds 5i 无线耳机", "华为", "449.00", "listed", "web|app|hall", "", "", 0.7),
    ("AC-FILM-01", "accessory", "钢化膜(通用)", "品胜", "39.00", "listed", "hall|partner", "", "", 3.5),
    ("SIM-STD", "sim", "5G 标准 SIM 卡", "中国移动", "10.00", "listed", "web|wap|app|hall|partner", "", "", 6.0),
    ("SIM-DATA-30", "sim", "30GB 流量卡", "中国移动", "30.00", "listed", "web|wap|app|hall|partner", "", "", 3.0),
    ("SIM-IOT", "sim", "物联网卡", "中国移动", "20.00", "unlisted", "partner", "", "", 0.4),
    ("PL-5G-59", "plan", "5G 畅享套餐 59元", "中国移动", "0", "listed", "web|wap|app|hall|partner", "", "", 0),
    ("CT-5G-129-24", "contract", "5G 合约 129元/月 24个月", "中国移动", "0", "listed", "web|wap|app|hall", "129.00", "24", 0),
    ("CT-5G-199-24", "contract", "5G 合约 199元/月 24个月", "中国移动", "0", "listed", "web|wap|app|hall", "199.00", "24", 0),
    ("CT-5G-299-36", "contract", "5G 合约 299元/月 36个月", "中国移动", "0", "listed", "web|app|hall", "299.00", "36", 0),
]

# store traffic multipliers: big halls sell most, self-service terminals sell only SIMs
TRAFFIC = {"GZ-TH-01": 1.6, "GZ-TH-02": 1.3, "GZ-YX-01": 1.1, "GZ-HZ-01": 0.8, "GZ-BY-01": 0.9,
           "GZ-PY-P1": 0.7, "GZ-HP-P1": 0.5, "GZ-LW-P1": 0.6, "GZ-TH-P2": 0.9, "GZ-WEB": 1.2,
           "GZ-SS-01": 0.6, "GZ-SS-02": 0.8}


def poisson(rng, lam):
    if lam <= 0:
        return 0
    l, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= rng.random()
        if p <= l:
            return k
        k += 1


def stocked(store, sku_row):
    sku, typ = sku_row[0], sku_row[1]
    if typ not in ("handset", "accessory", "sim"):
        return False
    if store.startswith("GZ-SS"):
        return typ == "sim"
    if store == "GZ-WEB":
        return typ in ("handset", "sim")
    if sku == "SIM-IOT":
        return store.endswith("P1")
    return True


def main():
    rng = random.Random(20260105)
    OUT.mkdir(exist_ok=True)
    with open(OUT / "sites.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["site_id", "name", "kind", "city", "warehouse", "channel", "lat", "lon", "opens", "closes"])
        for s in SITES:
            w.writerow(s)
    with open(OUT / "catalog.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["sku", "type", "name", "brand", "price", "status", "channels", "monthly_fee", "months"])
        for c in CATALOG:
            w.writerow(c[:9])

    moves = []
    stores = [s[0] for s in SITES if s[2] == "store"]
    positions = [(st, c) for st in stores for c in CATALOG if stocked(st, c)]
    # the warehouse opens with three weeks of the network's demand
    wh = {c[0]: round(sum(c[9] * TRAFFIC[st] for st in stores if stocked(st, c)) * 21) + 50
          for c in CATALOG if c[1] in ("handset", "accessory", "sim")}
    day0 = dt.datetime.combine(START, dt.time(8, 0))
    for sku in wh:
        moves.append((day0 - dt.timedelta(minutes=30), "GZ-WH", sku, "count", wh[sku], f"INV-{START:%Y%m%d}-WH"))
    on_hand = {}
    for st, c in positions:
        demand = c[9] * TRAFFIC[st]
        start = max(2, round(demand * 9))
        on_hand[(st, c[0])] = start
        moves.append((day0, st, c[0], "count", start, f"INV-{START:%Y%m%d}-{st}"))
    doc = 1000
    for d in range(DAYS):
        day = START + dt.timedelta(days=d)
        weekend = day.weekday() >= 5
        # warehouse receipts on Mondays: a week and a half of the network's demand
        if day.weekday() == 0 and d > 0:
            for sku in wh:
                weekly = sum(c[9] * TRAFFIC[st] for st, c in positions if c[0] == sku) * 7
                qty = round(weekly * 1.5) + rng.randrange(20)
                wh[sku] += qty
                doc += 1
                moves.append((dt.datetime.combine(day, dt.time(7, 15)), "GZ-WH", sku, "receipt", qty, f"PO-{doc}"))
        # store replenishment on Tuesdays and Fridays (the old manual process): top up to ~18 days of demand
        if day.weekday() in (1, 4):
            for st, c in positions:
                demand = c[9] * TRAFFIC[st]
                target = max(3, round(demand * 18))
                # a few positions are neglected in the last fortnight, so the demo day has shortages
                if d >= DAYS - 14 and (zlib.crc32((st + c[0]).encode()) % 23 == 0 or (st == "GZ-TH-01" and c[0] in ("HS-IP16-128", "HS-RN14-128"))):
                    continue
                qty = target - on_hand[(st, c[0])]
                if qty > 0 and wh[c[0]] >= qty:
                    doc += 1
                    t = dt.datetime.combine(day, dt.time(8, 20)) + dt.timedelta(minutes=stores.index(st) * 3)
                    moves.append((t, "GZ-WH", c[0], "transfer_out", qty, f"TO-{doc}"))
                    moves.append((t + dt.timedelta(minutes=40), st, c[0], "transfer_in", qty, f"TO-{doc}"))
                    wh[c[0]] -= qty
                    on_hand[(st, c[0])] += qty
        for st, c in positions:
            lam = c[9] * TRAFFIC[st] * (1.35 if weekend else 1.0)
            sold = min(on_hand[(st, c[0])], poisson(rng, lam))
            for _ in range(sold):
                doc += 1
                t = dt.datetime.combine(day, dt.time(10, 0)) + dt.timedelta(minutes=rng.randrange(600))
                moves.append((t, st, c[0], "sale", 1, f"S-{doc}"))
            on_hand[(st, c[0])] -= sold
            if sold and rng.random() < 0.02:
                doc += 1
                moves.append((dt.datetime.combine(day, dt.time(20, 30)), st, c[0], "return", 1, f"R-{doc}"))
                on_hand[(st, c[0])] += 1
        if day.weekday() == 6 and rng.random() < 0.5:
            st, c = positions[rng.randrange(len(positions))]
            if on_hand[(st, c[0])] > 0:
                doc += 1
                moves.append((dt.datetime.combine(day, dt.time(21, 0)), st, c[0], "adjust", -1, f"ADJ-{doc} 破损"))
                on_hand[(st, c[0])] -= 1
    # a recount at one hall at the end of month 1
    for c in CATALOG[:8]:
        key = ("GZ-TH-02", c[0])
        moves.append((dt.datetime(2026, 1, 31, 21, 30), "GZ-TH-02", c[0], "count", on_hand[key], "INV-20260131-GZ-TH-02"))
    moves.sort(key=lambda m: (m[0], m[1], m[2]))
    with open(OUT / "moves.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["at", "site_id", "sku", "kind", "qty", "ref"])
        for m in moves:
            w.writerow([m[0].strftime("%Y-%m-%d %H:%M"), m[1], m[2], m[3], m[4], m[5]])
    with open(OUT / "moves-broken.csv", "w", newline="", encoding="utf-8") as f:
        f.write("at,site_id,sku,kind,qty,ref\n"
                "2026-03-01 10:15,GZ-TH-01,HS-IP16-128,sale,1,S-900001\n"
                "2026-03-01 10:20,GZ-TH-99,HS-IP16-128,sale,1,S-900002\n"
                "2026-02-30 10:25,GZ-TH-01,HS-MATE70-256,sale,1,S-900003\n"
                "2026-03-01 10:30,GZ-TH-01,HS-MI15-256,sold,1,S-900004\n"
                "2026-03-01 10:35,GZ-TH-01,HS-RN14-128,sale,1.5,S-900005\n"
                "2026-03-01 10:40,GZ-TH-01,CT-5G-129-24,sale,1,S-900006\n"
                "2026-03-01 10:15,GZ-TH-01,HS-IP16-128,sale,1,S-900001\n")
    print(f"wrote {len(SITES)} sites, {len(CATALOG)} products, {len(moves)} moves to {OUT}")


if __name__ == "__main__":
    main()
