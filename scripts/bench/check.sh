#!/usr/bin/env bash
# Benchmark of the (t,R,S,L) check at scale: 5,000 stores x 300 SKUs (1.5M positions) with 28 days of moves.
# Times: stock import (for reference), policy import, a full `replenish check` (first run of a cycle, ~5% of positions
# ordering), a re-run in the same cycle, and `policy tune` over all positions. Runs the real CLI jar.
# Usage: scripts/bench/check.sh [DIR] [STORES] [SKUS]     (default DIR /tmp/chanops-bench-check)
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
dir="${1:-/tmp/chanops-bench-check}"
stores="${2:-5000}"
skus="${3:-300}"
mkdir -p "$dir"
"$here/scripts/chanops" --version >/dev/null            # builds the jar if sources changed
cp "$here/cli/target/chanops.jar" "$dir/chanops.jar"    # a private copy: later source edits do not rebuild under us
[ -f "$dir/moves.csv" ] || python3 "$here/scripts/bench/gen_check.py" "$dir" "$stores" "$skus"
db="$dir/bench.db"
rm -f "$db" "$db-wal" "$db-shm"
now='2026-03-02 07:00'
run() { java ${CHANOPS_JAVA_OPTS:-} -jar "$dir/chanops.jar" --db "$db" --zone Asia/Shanghai --now "$now" -q "$@"; }
timed() {
  local label="$1"; shift
  local t0 t1 rc=0
  t0=$(date +%s.%N)
  run "$@" >"$dir/out-$label.txt" 2>&1 || rc=$?
  t1=$(date +%s.%N)
  printf '%-28s %8.2f s  (exit %d)\n' "$label" "$(echo "$t1 - $t0" | bc)" "$rc"
}
echo "positions: $((stores * skus)), moves: $(($(wc -l <"$dir/moves.csv") - 1))"
run site import "$dir/sites.csv" >/dev/null
run catalog import "$dir/catalog.csv" >/dev/null
timed "stock import" stock import "$dir/moves.csv"
timed "policy import" policy import "$dir/policies.csv"
timed "check (first of cycle)" replenish check --format csv --out "$dir/check-1.csv"
echo "  orders raised: $(($(wc -l <"$dir/check-1.csv") - 1)) ($(grep -c ',emergency,' "$dir/check-1.csv" || true) emergency)"
timed "check (re-run)" replenish check --format csv --out "$dir/check-2.csv"
echo "  orders raised: $(($(wc -l <"$dir/check-2.csv") - 1))"
timed "check --emergency-only" replenish check --emergency-only --format csv --out "$dir/check-3.csv"
timed "policy tune (all)" policy tune --format csv --out "$dir/tune.csv"
echo "  positions changed: $(($(wc -l <"$dir/tune.csv") - 1))"
