#!/usr/bin/env python3
"""Generates a realistic emergency day for 'replenish plan': one city warehouse, stores scattered around it with
opening hours, vehicles with capacities and shifts, SKUs with limited warehouse stock, and one emergency order per
(store, SKU) pair. Seeded, so the same arguments give the same day.

usage: plan_day.py VISITS VEHICLES OUTDIR [SEED]   (writes sites.csv catalog.csv moves.csv vehicles.csv orders.sql)
"""
import os
import random
import sys


def main():
    visits, vehicles, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    rnd = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 7)
    os.makedirs(out, exist_ok=True)
    stores = max(5, visits * 2 // 3)
    skus = ["HS-%02d" % i for i in range(12)] + ["AC-%02d" % i for i in range(8)]
    with open(os.path.join(out, "sites.csv"), "w") as f:
        f.write("site_id,name,kind,city,warehouse,channel,lat,lon,opens,closes\n")
        f.write("WH,city DC,warehouse,gz,,,23.164,113.446,06:00,22:00\n")
        for s in range(stores):
            lat = 23.13 + rnd.gauss(0, 0.07)
            lon = 113.33 + rnd.gauss(0, 0.09)
            opens, closes = rnd.choice([("09:00", "21:00"), ("09:30", "21:00"), ("10:00", "22:00"), ("08:00", "12:00"),
                                        ("13:00", "18:00")])
            f.write("ST%03d,store %d,store,gz,WH,hall,%.4f,%.4f,%s,%s\n" % (s, s, lat, lon, opens, closes))
    with open(os.path.join(out, "catalog.csv"), "w") as f:
        f.write("sku,type,name,brand,price,status,channels,monthly_fee,months\n")
        for k in skus:
            f.write("%s,%s,%s,gen,%s,listed,hall,,\n" % (k, "handset" if k.startswith("HS") else "accessory", k,
                                                      "1999.00" if k.startswith("HS") else "49.00"))
    orders = []
    pairs = set()
    while len(orders) < visits:
        s, k = rnd.randrange(stores), rnd.choice(skus)
        if (s, k) in pairs:
            continue
        pairs.add((s, k))
        orders.append(("ST%03d" % s, k, rnd.randint(2, 12)))
    demand = {}
    for _, k, q in orders:
        demand[k] = demand.get(k, 0) + q
    with open(os.path.join(out, "moves.csv"), "w") as f:
        f.write("at,site_id,sku,kind,qty,ref\n")
        for k in skus:
            # most SKUs are well stocked, a few are short: the plan must share them out
            stock = demand.get(k, 0) + 20 if rnd.random() < 0.85 else demand.get(k, 0) * 2 // 3
            f.write("2026-03-01 07:00,WH,%s,count,%d,GEN\n" % (k, stock))
    total = sum(q for _, _, q in orders)
    cap = max(30, int(total * 1.15 / vehicles) + 1)
    with open(os.path.join(out, "vehicles.csv"), "w") as f:
        f.write("vehicle_id,depot,capacity,shift_start,shift_end\n")
        for v in range(vehicles):
            f.write("V%02d,WH,%d,%s,%s\n" % (v, cap, rnd.choice(["07:00", "08:00"]), rnd.choice(["17:00", "18:00", "19:00"])))
    with open(os.path.join(out, "orders.sql"), "w") as f:
        f.write("BEGIN;\n")
        for i, (s, k, q) in enumerate(orders):
            f.write("INSERT INTO replenishment_order (order_id, site_id, sku, kind, qty, status, raised_at, due_date, warehouse, "
                    "updated_at) VALUES ('E-%04d', '%s', '%s', 'emergency', %d, 'open', '2026-03-02 07:00:00', '2026-03-02', "
                    "'WH', '2026-03-02 07:00:00');\n" % (i, s, k, q))
        f.write("COMMIT;\n")


if __name__ == "__main__":
    main()
