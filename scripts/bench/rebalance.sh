#!/usr/bin/env bash
# Benchmark of `replenish rebalance` (SPEC §12) on a province day: 5 warehouses, 2,000 stores, 200 SKUs and about
# 20,000 open orders raised by the first check of the cycle, half the SKUs short at every warehouse.
# Times the listing and the --apply that raises the transfers; prints wall time, CPU time and peak RSS of each run.
# Runs the CLI through scripts/chanops, as users do (its class-data archive and JVM flags). The ledger after the check is
# kept as DIR/loaded.db and reused while the migrations are unchanged.
# Usage: scripts/bench/rebalance.sh [DIR] [STORES] [SKUS] [ORDERS]   (default DIR /tmp/chanops-bench-rebalance)
# JVM options: CHANOPS_JAVA_OPTS, passed to the launcher.
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
dir="${1:-/tmp/chanops-bench-rebalance}"
stores="${2:-2000}"
skus="${3:-200}"
orders="${4:-20000}"
mkdir -p "$dir"
"$here/scripts/chanops" --version >/dev/null            # builds the jar if sources changed
stamp="$(cat "$here"/ledger/src/main/resources/db/*/*.sql "$here/scripts/bench/gen_rebalance.py" "$here/scripts/bench/bench_sites.py" | sha256sum | cut -c1-16)-$stores-$skus-$orders"
if [ "$(cat "$dir/data.stamp" 2>/dev/null)" != "$stamp" ]; then
  python3 "$here/scripts/bench/gen_rebalance.py" "$dir" "$stores" "$skus" "$orders"
  rm -f "$dir/loaded.db"
  echo "$stamp" >"$dir/data.stamp"
fi
db="$dir/bench.db"
now='2026-03-02 07:00'
run() { "$here/scripts/chanops" --db "$db" --zone Asia/Shanghai --now "$now" -q "$@"; }
timed() {
  local label="$1"; shift
  local rc=0
  /usr/bin/time -o "$dir/time.txt" -f '%e %U %S %M' "$here/scripts/chanops" --db "$db" --zone Asia/Shanghai \
    --now "$now" -q "$@" >"$dir/out-${label// /_}.txt" 2>&1 || rc=$?
  read -r wall user sys rss < <(tail -1 "$dir/time.txt")
  printf '%-22s wall %6.2f s   cpu %6.2f s   peak RSS %5d MB  (exit %d)\n' \
    "$label" "$wall" "$(echo "$user + $sys" | bc)" "$((rss / 1024))" "$rc"
}
rm -f "$db" "$db-wal" "$db-shm"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ -f "$dir/loaded.db" ]; then
  echo "(reusing the loaded ledger $dir/loaded.db)"
  cp "$dir/loaded.db" "$db"
else
  run init >/dev/null
  run site import "$dir/sites.csv" >/dev/null
  run catalog import "$dir/catalog.csv" >/dev/null
  run stock import "$dir/moves.csv" >/dev/null
  run policy import "$dir/policies.csv" >/dev/null
  run replenish check --format csv --out "$dir/check.csv" || [ $? -eq 3 ]
  cp "$db" "$dir/loaded.db"
fi
echo "open orders: $(run replenish orders --status open --format csv | tail -n +2 | wc -l)"
now='2026-03-02 07:30'
timed "rebalance (listing)" replenish rebalance --date 2026-03-04 --format csv --out "$dir/rebalance.csv"
echo "  lines: $(($(wc -l <"$dir/rebalance.csv") - 1)) ($(grep -c '^transfer,' "$dir/rebalance.csv" || true) transfer, $(grep -c '^short,' "$dir/rebalance.csv" || true) short)"
timed "rebalance --apply" replenish rebalance --date 2026-03-04 --apply --format csv --out "$dir/rebalance-applied.csv"
echo "  transfer orders: $(run replenish orders --kind transfer --format csv | tail -n +2 | wc -l)"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
