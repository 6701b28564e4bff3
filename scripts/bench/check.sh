#!/usr/bin/env bash
# Benchmark of the (t,R,S,L) check at scale: 5,000 stores x 300 SKUs (1.5M positions) with 28 days of moves.
# Times a full `replenish check` (first run of a cycle, ~5% of positions ordering), a re-run in the same cycle, an
# emergency-only check, and `policy tune` over all positions; stock and policy imports are timed for reference.
# Runs the real CLI jar. Prints wall time and CPU time (user+sys): on a shared machine wall time mostly measures the
# neighbours. The loaded ledger is kept as DIR/loaded.db and reused while the migrations are unchanged.
# Usage: scripts/bench/check.sh [DIR] [STORES] [SKUS]     (default DIR /tmp/chanops-bench-check)
# JVM options: CHANOPS_JAVA_OPTS for the checks and imports (default here, as in scripts/cron/chanops-cron: C1 only +
# serial GC, which suit short batch runs); CHANOPS_TUNE_JAVA_OPTS for the long `policy tune` (default: none, C2 pays).
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
dir="${1:-/tmp/chanops-bench-check}"
stores="${2:-5000}"
skus="${3:-300}"
opts="${CHANOPS_JAVA_OPTS--XX:TieredStopAtLevel=1 -XX:+UseSerialGC}"
mkdir -p "$dir"
"$here/scripts/chanops" --version >/dev/null            # builds the jar if sources changed
cp "$here/cli/target/chanops.jar" "$dir/chanops.jar"    # a private copy: later source edits do not rebuild under us
[ -f "$dir/moves.csv" ] || python3 "$here/scripts/bench/gen_check.py" "$dir" "$stores" "$skus"
db="$dir/bench.db"
now='2026-03-02 07:00'
run() { java $opts -jar "$dir/chanops.jar" --db "$db" --zone Asia/Shanghai --now "$now" -q "$@"; }
timed() {
  local label="$1"; shift
  local rc=0
  /usr/bin/time -o "$dir/time.txt" -f '%e %U %S' java ${jvm-$opts} -jar "$dir/chanops.jar" --db "$db" --zone Asia/Shanghai --now "$now" -q "$@" \
    >"$dir/out-${label// /_}.txt" 2>&1 || rc=$?
  read -r wall user sys < <(tail -1 "$dir/time.txt")
  printf '%-26s wall %7.2f s   cpu %7.2f s  (exit %d)\n' "$label" "$wall" "$(echo "$user + $sys" | bc)" "$rc"
}
stamp="$(cat "$here"/ledger/src/main/resources/db/*/*.sql | sha256sum | cut -c1-16)-$stores-$skus"
rm -f "$db" "$db-wal" "$db-shm"
echo "positions: $((stores * skus)), moves: $(($(wc -l <"$dir/moves.csv") - 1)); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ -f "$dir/loaded.db" ] && [ "$(cat "$dir/loaded.stamp" 2>/dev/null)" = "$stamp" ]; then
  echo "(reusing the loaded ledger $dir/loaded.db)"
  cp "$dir/loaded.db" "$db"
else
  run init >/dev/null
  run site import "$dir/sites.csv" >/dev/null
  run catalog import "$dir/catalog.csv" >/dev/null
  timed "stock import" stock import "$dir/moves.csv"
  timed "policy import" policy import "$dir/policies.csv"
  cp "$db" "$dir/loaded.db"
  echo "$stamp" >"$dir/loaded.stamp"
fi
timed "check (first of cycle)" replenish check --format csv --out "$dir/check-1.csv"
echo "  orders raised: $(($(wc -l <"$dir/check-1.csv") - 1)) ($(grep -c ',emergency,' "$dir/check-1.csv" || true) emergency)"
now='2026-03-02 07:15'
timed "check (re-run)" replenish check --format csv --out "$dir/check-2.csv"
echo "  orders raised: $(($(wc -l <"$dir/check-2.csv") - 1))"
timed "check --emergency-only" replenish check --emergency-only --format csv --out "$dir/check-3.csv"
jvm="${CHANOPS_TUNE_JAVA_OPTS-}" timed "policy tune (all)" policy tune --format csv --out "$dir/tune.csv"
echo "  positions new or changed: $(($(wc -l <"$dir/tune.csv") - 1))"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
