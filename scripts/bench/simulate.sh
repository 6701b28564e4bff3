#!/usr/bin/env bash
# Benchmark of `policy simulate` at scale: 90 days of recorded sales replayed under 4 candidates (current and three
# service levels tuned from the 28 days before the window) at 10,000, 42,000 and 84,000 positions (50, 210 and 420
# stores x 200 SKUs, from scripts/bench/gen_simulate.py). Target at 84,000: under 30 s and under 1 GB peak RSS.
# Runs the real jar through scripts/chanops (its JVM flags). Prints wall time, CPU time (user+sys: on a shared machine
# wall time mostly measures the neighbours), peak RSS, and the CPU cost per position x day x candidate, which stays
# flat when the cost is linear. Loaded ledgers are kept as DIR/N/loaded.db and reused while the migrations are
# unchanged.
# Usage: scripts/bench/simulate.sh [DIR] [POSITIONS...]     (default DIR /tmp/chanops-bench-simulate; 10000 42000 84000)
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
dir="${1:-/tmp/chanops-bench-simulate}"
shift || true
sizes=("${@:-10000 42000 84000}")
read -r -a sizes <<<"${sizes[*]}"
skus=200
from=2026-01-05
to=2026-04-04
days=90
"$here/scripts/chanops" --version >/dev/null   # builds the jar if sources changed
stamp="$(cat "$here"/ledger/src/main/resources/db/*/*.sql | sha256sum | cut -c1-16)"
command -v /usr/bin/time >/dev/null || { echo "simulate.sh: needs /usr/bin/time (GNU time, for peak RSS)"; exit 1; }

chanops() { "$here/scripts/chanops" --db "$db" --zone Asia/Shanghai --now '2026-04-06 07:00' -q "$@"; }
timed() { # label candidates args... -> one line of figures
  local label="$1" candidates="$2"; shift 2
  local rc=0
  /usr/bin/time -v -o "$work/time.txt" "$here/scripts/chanops" --db "$db" --zone Asia/Shanghai --now '2026-04-06 07:00' -q "$@" \
    >"$work/out-${label// /_}.txt" 2>"$work/err.txt" || rc=$?
  local wall user sys rss
  wall="$(sed -n 's/.*Elapsed (wall clock) time.*: //p' "$work/time.txt" | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')"
  user="$(sed -n 's/.*User time (seconds): //p' "$work/time.txt")"
  sys="$(sed -n 's/.*System time (seconds): //p' "$work/time.txt")"
  rss="$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time.txt")"
  awk -v l="$label" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" -v n="$positions" -v c="$candidates" -v d="$days" -v rc="$rc" \
    'BEGIN { printf "%-34s wall %6.2f s   cpu %6.2f s   peak RSS %5.0f MB   %5.1f ns cpu per position-day-candidate  (exit %d)\n",
             l, w, u + s, r / 1024, (u + s) * 1e9 / (n * d * c), rc }'
  [ "$rc" = 0 ] || { cat "$work/err.txt"; exit 1; }
}

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for positions in "${sizes[@]}"; do
  stores=$((positions / skus))
  work="$dir/$positions"
  mkdir -p "$work"
  [ -f "$work/moves.csv" ] || python3 "$here/scripts/bench/gen_simulate.py" "$work" "$stores" "$skus" >/dev/null
  db="$work/bench.db"
  rm -f "$db" "$db-wal" "$db-shm"
  if [ -f "$work/loaded.db" ] && [ "$(cat "$work/loaded.stamp" 2>/dev/null)" = "$stamp" ]; then
    cp "$work/loaded.db" "$db"
  else
    chanops init >/dev/null 2>&1 || true
    chanops site import "$work/sites.csv" >/dev/null
    chanops catalog import "$work/catalog.csv" >/dev/null
    chanops stock import "$work/moves.csv" >/dev/null
    chanops policy import "$work/policies.csv" >/dev/null
    cp "$db" "$work/loaded.db"
    echo "$stamp" >"$work/loaded.stamp"
  fi
  echo "$positions positions ($stores stores x $skus SKUs), $(($(wc -l <"$work/moves.csv") - 1)) moves, $days days $from..$to:"
  timed "  current only" 1 policy simulate --from "$from" --to "$to" --format csv --out "$work/current.csv"
  timed "  current + 3 service levels" 4 policy simulate --from "$from" --to "$to" --service-level 0.90,0.95,0.98 \
    --format csv --out "$work/four.csv"
  if [ "$positions" = "${sizes[-1]}" ]; then
    timed "  the same, --by position" 4 policy simulate --from "$from" --to "$to" --service-level 0.90,0.95,0.98 \
      --by position --format csv --out "$work/by-position.csv"
  fi
  sed 's/^/    /' "$work/four.csv"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
