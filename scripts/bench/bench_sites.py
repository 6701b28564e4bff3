"""The sites.csv of the generated bench data sets: numbered warehouses, then numbered stores spread over them."""
import csv


def write_sites(path, warehouses, stores, channels):
    """Writes the warehouses and `stores` stores, store s supplied by warehouses[s % n] and in channels[s % m]."""
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["site_id", "name", "kind", "city", "warehouse", "channel", "lat", "lon", "opens", "closes"])
        for i, wh in enumerate(warehouses):
            w.writerow([wh, f"Warehouse {i}", "warehouse", "City", "", "", f"{23 + i * 0.01:.3f}", "113.300", "06:00", "22:00"])
        for s in range(stores):
            w.writerow([f"ST-{s:05d}", f"Store {s}", "store", "City", warehouses[s % len(warehouses)],
                        channels[s % len(channels)], f"{22.5 + (s % 100) * 0.01:.3f}", f"{113.0 + (s // 100) * 0.01:.3f}",
                        "09:00", "21:00"])
