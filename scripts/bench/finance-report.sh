#!/usr/bin/env bash
# Benchmark of the finance reports: fills a ledger with what reconcile runs store (N confirmed orders per month for
# January and February 2026, February reconciled twice, 2% of January's orders reversed in February, BOSS activity per
# site and day), then times `commission report` and `cost report` for February through the real CLI jar.
# Usage: scripts/bench/finance-report.sh [ORDERS_PER_MONTH=100000]
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
n="${1:-100000}"
work="$(mktemp -d)"
db="$work/bench.db"
chanops() { "$here/scripts/chanops" --db "$db" --zone Asia/Shanghai --now '2026-03-02 09:30' "$@"; }
chanops site import "$here/samples/sites.csv" >/dev/null
chanops catalog import "$here/samples/catalog.csv" >/dev/null
python3 - "$db" "$n" <<'PY'
import random, sqlite3, sys
db, n = sys.argv[1], int(sys.argv[2])
random.seed(7)
c = sqlite3.connect(db)
sites = [r[0] for r in c.execute("SELECT site_id FROM site WHERE kind = 'store'")] + ["GZ-NEW-01"]
skus = [(r[0], r[1]) for r in c.execute("SELECT sku, price_fen FROM product")]
def run(i, at):
    c.execute("INSERT INTO reconcile_run (run_id, run_at, platform_file, platform_sha256, boss_file, boss_sha256, profile_file, "
              "tolerance_fen, window_minutes, platform_rows, boss_rows, discrepancies, os_user) "
              "VALUES (?, ?, 'p', ?, 'b', ?, 'x', 0, 30, 0, 0, 0, 'bench')", (i, at, f"p{i}", f"b{i}"))
def orders(month, count):
    out = []
    for k in range(count):
        day = random.randint(1, 28)
        sku, price = random.choice(skus)
        qty = random.choice([1, 1, 1, 2, 3])
        amount = (price or 12900) * qty
        out.append((f"O{month}{k:08d}", f"2026-{month:02d}-{day:02d} {random.randint(8, 21):02d}:{random.randint(0, 59):02d}:00",
                    random.choice(sites), sku, qty, amount))
    return out
ins = ("INSERT INTO confirmed_order (run_id, order_id, created_at, channel, site_id, msisdn, sku, qty, amount_fen, boss_net_fen, "
       "boss_accepted_at, platform_status, boss_live, matched_by) VALUES (?, ?, ?, 'web', ?, '13800138000', ?, ?, ?, ?, ?, ?, ?, 'order_ref')")
jan, feb = orders(1, n), orders(2, n)
run(1, "2026-02-01 09:00:00")
c.executemany(ins, [(1, o, t, s, k, q, a, a, t, "completed", 1) for (o, t, s, k, q, a) in jan])
for r in (2, 3):  # February reconciled twice (the second with --force)
    run(r, f"2026-03-0{r - 1} 09:00:00")
    c.executemany(ins, [(r, o, t, s, k, q, a, a, t, "completed", 1) for (o, t, s, k, q, a) in feb])
    c.executemany(ins, [(r, o, t, s, k, q, 0, -a, f"2026-02-{random.randint(1, 28):02d} 12:00:00", "refunded", 0)
                        for (o, t, s, k, q, a) in jan[: n // 50]])
    c.executemany("INSERT INTO boss_activity (run_id, day, site_id, rows_count, amount_fen) VALUES (?, ?, ?, ?, 0)",
                  [(r, f"2026-02-{d:02d}", s, n // 300) for d in range(1, 29) for s in sites])
c.commit()
PY
echo "ledger: $n orders a month (Jan once, Feb twice), $((n / 50)) January orders reversed in February"
jar="$here/cli/target/chanops.jar"   # built by the imports above
t() {
  /usr/bin/time -f "%e s wall, %U s user + %S s sys CPU, %M KiB max RSS" -o "$work/time" \
    java -jar "$jar" --db "$db" --zone Asia/Shanghai --now '2026-03-02 09:30' "$@" >/dev/null 2>"$work/err" || { cat "$work/err"; exit 1; }
  printf "%-50s %s\n" "${*:1:5}" "$(cat "$work/time")"
}
t commission report --month 2026-02 --rules "$here/samples/commission-rules.csv" --detail "$work/detail.csv"
t commission report --month 2026-02 --by rule
t cost report --month 2026-02 --rates "$here/samples/channel-rates.csv"
echo "detail lines: $(($(wc -l < "$work/detail.csv") - 1))"
[ -n "${KEEP:-}" ] && echo "kept $work" || rm -rf "$work"
