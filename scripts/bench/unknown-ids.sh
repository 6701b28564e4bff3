#!/usr/bin/env bash
# Benchmark: the refusal of a stock import whose SKUs the ledger does not know, named with the known SKU most likely
# meant (KnownIds). A ledger with S catalog SKUs (default 20,000) is given a moves file of N rows (default 200,000)
# over D distinct unknown SKUs (default 50,000), half of them a typing slip away from a catalog SKU: the worst case of
# the suggestion search. Prints the wall time of the refusal (exit 4 expected) and of a valid import of the same size.
# usage: scripts/bench/unknown-ids.sh [N] [D] [S]
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
n="${1:-200000}"
distinct="${2:-50000}"
skus="${3:-20000}"
work="${BENCH_DIR:-/tmp/chanops-bench-unknown-ids}"
mkdir -p "$work"
chanops="$here/scripts/chanops"
"$chanops" --version >/dev/null   # builds the jar if needed, outside the timings

python3 - "$work" "$n" "$distinct" "$skus" <<'PY'
import sys
work, n, distinct, skus = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
with open(f"{work}/catalog.csv", "w") as f:
    f.write("sku,type,name,brand,price,status,channels,monthly_fee,months\n")
    for i in range(skus):
        f.write(f"HS-{i:06d}-X,handset,Phone {i},Brand,1999.00,listed,hall,,\n")
def unknown(i):
    # even: a slip away from a catalog SKU (one letter changed); odd: nothing like any
    return f"HS-{i % skus:06d}-Y" if i % 2 == 0 else f"ZZ-{i:06d}-Q"
with open(f"{work}/unknown.csv", "w") as f, open(f"{work}/known.csv", "w") as g:
    f.write("at,site_id,sku,kind,qty,ref\n")
    g.write("at,site_id,sku,kind,qty,ref\n")
    for i in range(n):
        f.write(f"2026-03-01 08:00,GZ-TH-01,{unknown(i % distinct)},receipt,1,R{i}\n")
        g.write(f"2026-03-01 08:00,GZ-TH-01,HS-{i % skus:06d}-X,receipt,1,R{i}\n")
PY

db="$work/bench.db"
rm -f "$db" "$db-wal" "$db-shm"
"$chanops" --db "$db" --zone Asia/Shanghai -q init >/dev/null
"$chanops" --db "$db" -q site import "$here/samples/sites.csv" >/dev/null
"$chanops" --db "$db" -q catalog import "$work/catalog.csv" >/dev/null

secs() { date +%s.%N; }
t0=$(secs)
rc=0
"$chanops" --db "$db" --now '2026-03-02 09:30' stock import "$work/unknown.csv" 2> "$work/unknown.err" || rc=$?
t1=$(secs)
"$chanops" --db "$db" --now '2026-03-02 09:30' -q stock import "$work/known.csv" > /dev/null
t2=$(secs)
echo "unknown-ids benchmark: $n rows, $distinct distinct unknown SKUs, $skus catalog SKUs; $(nproc) cores"
awk -v a="$t0" -v b="$t1" -v rc="$rc" 'BEGIN { printf "refusal (exit %s): %.2f s\n", rc, b - a }'
awk -v a="$t1" -v b="$t2" 'BEGIN { printf "valid import of the same size: %.2f s\n", b - a }'
grep -m 2 "did you mean\|import it with" "$work/unknown.err" | sed 's/^/  /'
