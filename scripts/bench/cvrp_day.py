#!/usr/bin/env python3
"""Poses a TSPLIB capacitated-VRP instance (Augerat set A) as a chanops emergency day.

One warehouse (the depot node), one store per customer node with an emergency order for its demand, k vehicles of
the instance's capacity, no windows (stores open 00:00-23:59, shifts 00:00-23:59), and a complete matrix.csv whose
minutes are the TSPLIB EUC_2D distances (nint of the Euclidean distance). Sites get no lat/lon, so every travel time
must come from the matrix: a missing row would be an input error, never a silent great-circle guess.

usage: cvrp_day.py INSTANCE.vrp VEHICLES OUTDIR   (writes sites.csv catalog.csv moves.csv vehicles.csv matrix.csv orders.sql)
"""
import math
import os
import sys


def parse(path):
    sections, spec, section = {"NODE_COORD_SECTION": [], "DEMAND_SECTION": [], "DEPOT_SECTION": []}, {}, None
    for line in open(path):
        line = line.strip()
        if not line or line == "EOF":
            continue
        key = line.split(":")[0].strip()
        if key in sections:
            section = key
            continue
        if ":" in line and section is None:
            spec[key] = line.split(":", 1)[1].strip()
            continue
        sections[section].append(line.split())
    coords = {int(r[0]): (float(r[1]), float(r[2])) for r in sections["NODE_COORD_SECTION"]}
    demand = {int(r[0]): int(r[1]) for r in sections["DEMAND_SECTION"]}
    depots = [int(r[0]) for r in sections["DEPOT_SECTION"] if int(r[0]) > 0]
    return spec, coords, demand, depots[0]


def main():
    path, vehicles, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    spec, coords, demand, depot = parse(path)
    capacity = int(spec["CAPACITY"])
    os.makedirs(out, exist_ok=True)
    name = lambda node: "WH" if node == depot else "S%03d" % node
    nodes = sorted(coords)
    with open(os.path.join(out, "sites.csv"), "w") as f:
        f.write("site_id,name,kind,city,warehouse,channel,lat,lon,opens,closes\n")
        for n in nodes:
            if n == depot:
                f.write("WH,depot,warehouse,cvrp,,,,,00:00,23:59\n")
            else:
                f.write("%s,node %d,store,cvrp,WH,partner,,,00:00,23:59\n" % (name(n), n))
    with open(os.path.join(out, "catalog.csv"), "w") as f:
        f.write("sku,type,name,brand,price,status,channels,monthly_fee,months\n")
        f.write("UNIT,accessory,demand unit,cvrp,1.00,listed,partner,,\n")
    total = sum(demand.values())
    with open(os.path.join(out, "moves.csv"), "w") as f:
        f.write("at,site_id,sku,kind,qty,ref\n2026-03-01 07:00,WH,UNIT,count,%d,CVRP\n" % total)
    with open(os.path.join(out, "vehicles.csv"), "w") as f:
        f.write("vehicle_id,depot,capacity,shift_start,shift_end\n")
        for v in range(1, vehicles + 1):
            f.write("T%02d,WH,%d,00:00,23:59\n" % (v, capacity))
    with open(os.path.join(out, "matrix.csv"), "w") as f:
        f.write("from,to,minutes\n")
        for a in nodes:
            for b in nodes:
                if a != b:
                    (x1, y1), (x2, y2) = coords[a], coords[b]
                    f.write("%s,%s,%d\n" % (name(a), name(b), int(math.sqrt((x1 - x2) ** 2 + (y1 - y2) ** 2) + 0.5)))
    with open(os.path.join(out, "orders.sql"), "w") as f:
        f.write("BEGIN;\n")
        for n in nodes:
            if n != depot and demand[n] > 0:
                f.write("INSERT INTO replenishment_order (order_id, site_id, sku, kind, qty, status, raised_at, due_date, "
                        "warehouse, updated_at) VALUES ('E-%03d', '%s', 'UNIT', 'emergency', %d, 'open', "
                        "'2026-03-02 07:00:00', '2026-03-02', 'WH', '2026-03-02 07:00:00');\n" % (n, name(n), demand[n]))
        f.write("COMMIT;\n")


if __name__ == "__main__":
    main()
