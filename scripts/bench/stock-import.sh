#!/usr/bin/env bash
# Benchmark: import N stock moves (default 1,000,000) into a fresh SQLite ledger through the real CLI (its dry run
# first), then `stock show --format csv` over all positions and `ledger check`; checks every on hand against an independent fold of the
# file; and, side by side, what a user would otherwise do: the sqlite3 CLI (.import + GROUP BY for net stock, no
# validation).
# usage: scripts/bench/stock-import.sh [N]       (POLICIES=1: a policy for every store position first, so that the
#                                                 dry run lists the import's emergency alerts, checked equal)
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
n="${1:-1000000}"
work="${BENCH_DIR:-$here/bench-data/stock-$n}"
mkdir -p "$work"
chanops="$here/scripts/chanops"
"$chanops" --version >/dev/null   # builds the jar if needed, outside the timings

if [ ! -f "$work/moves.csv" ]; then
  python3 "$here/scripts/bench/gen_stock.py" "$work" --moves "$n"
fi
db="$work/bench.db"
rm -f "$db" "$db-wal" "$db-shm"

secs() { date +%s.%N; }   # not a python3 call: its own start-up (~30 ms) would land inside the timed interval
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

"$chanops" --db "$db" --zone Asia/Shanghai -q init >/dev/null
"$chanops" --db "$db" -q site import "$work/sites.csv" >/dev/null
"$chanops" --db "$db" -q catalog import "$work/catalog.csv" >/dev/null

if [ "${POLICIES:-0}" = 1 ]; then
  # a policy for every store position of the file (random levels, fixed seed): the dry run then lists the emergency
  # alerts the import raises, and the import runs its emergency step over every position it touches
  python3 - "$work/sites.csv" "$work/expected.csv" "$work/policies.csv" <<'PY'
import csv, random, sys
stores = {r["site_id"] for r in csv.DictReader(open(sys.argv[1], encoding="utf-8")) if r["kind"] == "store"}
random.seed(1)
with open(sys.argv[3], "w", encoding="utf-8") as out:
    out.write("site_id,sku,t_days,R,S,L,locked\n")
    for r in csv.DictReader(open(sys.argv[2], encoding="utf-8")):
        if r["site_id"] in stores:
            out.write(f"{r['site_id']},{r['sku']},7,{random.randint(5, 20)},{random.randint(25, 40)},{random.randint(1, 4)},false\n")
PY
  "$chanops" --db "$db" --now '2026-03-02 09:30' -q policy import "$work/policies.csv" >/dev/null
fi

d0=$(secs)
"$chanops" --db "$db" --now '2026-03-02 09:30' -q stock import "$work/moves.csv" --dry-run >"$work/dry-run.out"
d1=$(secs)
t0=$(secs)
"$chanops" --db "$db" --now '2026-03-02 09:30' stock import "$work/moves.csv" >"$work/import.out" || [ $? = 3 ]
t1=$(secs)
# the alerts the dry run listed are those the import raised
alerts_line="alerts: none (no policies; POLICIES=1 adds one per store position)"
if [ "${POLICIES:-0}" = 1 ]; then
  listed=$(grep -c '^RO-' "$work/dry-run.out" || true)
  raised=$(grep -c '^RO-' "$work/import.out" || true)
  if cmp -s <(grep '^RO-' "$work/dry-run.out") <(grep '^RO-' "$work/import.out"); then
    alerts_line="alerts: $listed listed by the dry run, the same $raised rows raised by the import"
  else
    echo "FAIL: the dry run listed $listed alerts, the import raised $raised others" >&2
    exit 1
  fi
fi
"$chanops" --db "$db" stock show --format csv --out "$work/show.csv" -q
t2=$(secs)
"$chanops" --db "$db" --version >/dev/null
t3=$(secs)
"$chanops" --db "$db" ledger check >"$work/check.out"   # exit 3 (a difference) fails the benchmark
t4=$(secs)

# consistency: every position's on hand equals the independent fold in expected.csv
python3 - "$work/expected.csv" "$work/show.csv" <<'PY'
import csv, sys
exp = {(r["site_id"], r["sku"]): int(r["on_hand"]) for r in csv.DictReader(open(sys.argv[1], encoding="utf-8"))}
got = {(r["site_id"], r["sku"]): int(r["on_hand"]) for r in csv.DictReader(open(sys.argv[2], encoding="utf-8"))}
bad = [k for k in exp if got.get(k) != exp[k]]
print(f"consistency: {len(exp)} positions, {len(bad)} mismatches" + (f" e.g. {bad[:3]}" if bad else ""))
sys.exit(1 if bad or len(got) != len(exp) else 0)
PY

sqlite_line="sqlite3 CLI: not installed (apt-get install sqlite3)"
if command -v sqlite3 >/dev/null; then
  rm -f "$work/plain.db"
  s0=$(secs)
  sqlite3 "$work/plain.db" <<SQL >/dev/null
.mode csv
.import $work/moves.csv moves
CREATE TABLE net AS SELECT site_id, sku, SUM(CASE kind WHEN 'sale' THEN -qty WHEN 'transfer_out' THEN -qty ELSE qty END) AS net FROM moves GROUP BY site_id, sku;
SQL
  s1=$(secs)
  sqlite_line="sqlite3 CLI .import + GROUP BY (no validation, no counts, no index): $(elapsed "$s0" "$s1") s"
fi

echo
echo "== stock import benchmark: $n moves, $(($(wc -l < "$work/expected.csv") - 1)) positions"
echo "chanops stock import --dry-run (validate, levels folded, read only): $(elapsed "$d0" "$d1") s"
echo "$alerts_line"
echo "chanops stock import (validate + write + levels, one transaction): $(elapsed "$t0" "$t1") s"
echo "chanops stock show --format csv (all positions):                 $(elapsed "$t1" "$t2") s"
echo "chanops --version (JVM start-up, for reference):                 $(elapsed "$t2" "$t3") s"
echo "chanops ledger check (quick_check, every on hand against its moves): $(elapsed "$t3" "$t4") s"
echo "$sqlite_line"
