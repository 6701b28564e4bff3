#!/usr/bin/env bash
# Crash-safety check for the writers other than the stock import (kill-during-import.sh covers that one):
# `reconcile run` (its report phase included), `catalog import`, `replenish check`, `replenish plan --apply --out` and
# `ledger restore`.
# Each is first run to completion on a copy of one prepared ledger to learn how long it takes (T), then started again
# on fresh copies and killed with SIGKILL at fractions of T, so that the kills land in its reading, writing,
# committing and publishing moments whatever the machine's speed; and once more as soon as its commit shows in the
# ledger (a fraction of T can miss that moment when the killed run is the slower one).
# After every kill:
#   - `PRAGMA integrity_check` is ok;
#   - the ledger holds all of the command's work or none of it;
#   - the output path holds all of the command's files, complete, or none of them (a killed process cannot remove its
#     randomly named dot-temp files; those are the only leftovers allowed).
# Prints one line per kill and a closing count; exits 1 on the first violation.
#   scripts/test/kill-during-writes.sh [ORDERS=300000]      (SECTIONS="reconcile catalog check plan restore" picks some,
#                                                            KILL_AT="0.5 0.9 1.02" the fractions of T to kill at,
#                                                            CHECK_STORES=280 CHECK_SKUS=300 the check's size)
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
n="${1:-300000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$here/scripts/chanops" --version >/dev/null
jar="$here/cli/target/chanops.jar"
kills=0
sections=" ${SECTIONS:-reconcile catalog check plan restore} "
want() { [[ "$sections" == *" $1 "* ]]; }

sql() { python3 - "$1" "$2" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
print("|".join(str(v) for v in c.execute(sys.argv[2]).fetchone()))
PY
}
integrity() {
  local r; r=$(sql "$1" "PRAGMA integrity_check")
  [ "$r" = "ok" ] || { echo "FAIL: integrity_check of $1: $r"; exit 1; }
}
# run_killed DELAY DB CMD...: starts chanops on DB, kills it with SIGKILL after DELAY seconds (if still running)
run_killed() {
  local delay="$1" db="$2"; shift 2
  java -jar "$jar" --db "$db" -q "$@" >/dev/null 2>&1 &
  local pid=$!
  sleep "$delay"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  kills=$((kills + 1))
}
# run_killed_at_commit DB QUERY WANT CMD...: starts chanops on DB and kills it with SIGKILL as soon as QUERY, polled
# on DB, gives WANT (its commit is visible), whatever the machine's speed: the moment between the commit and the exit,
# which a fraction of T misses when the killed run is slower than the timed one. Prints "killed" or "exited" (the
# command ended before the kill landed). Run in $(...): the caller counts the kill.
run_killed_at_commit() {
  local db="$1" query="$2" want="$3"; shift 3
  java -jar "$jar" --db "$db" -q "$@" >/dev/null 2>&1 &
  local pid=$!
  python3 - "$db" "$query" "$want" "$pid" <<'PY'
import os, signal, sqlite3, sys, time
db, query, want, pid = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
def running():
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False
c = None
while running():  # one connection, each query a new read transaction that sees the latest commit
    try:
        c = c or sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.05)
        if "|".join(str(v) for v in c.execute(query).fetchone()) == want:
            break
    except sqlite3.Error:
        c = None
    time.sleep(0.001)
# the kill straight from here: the moment between a commit and the exit can be a few milliseconds
landed = running()
if landed:
    os.kill(pid, signal.SIGKILL)
print("killed" if landed else "exited")
PY
  wait "$pid" 2>/dev/null || true
}
# full_run_seconds DB CMD...: runs chanops to completion on DB, prints its wall time in seconds
full_run_seconds() {
  local db="$1"; shift
  local t0 t1
  t0=$(date +%s.%N)
  java -jar "$jar" --db "$db" -q "$@" >/dev/null 2>&1 || true
  t1=$(date +%s.%N)
  awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f\n", b - a }' 
}
# kill_delays T: the moments to kill at, as fractions of T (KILL_AT="0.5 0.95" picks others)
kill_at="${KILL_AT:-0.4 0.7 0.85 0.93 0.98 1.02}"
kill_delays() { awk -v t="$1" -v at="$kill_at" 'BEGIN { n = split(at, f, " "); for (i = 1; i <= n; i++) printf "%.2f\n", t * f[i] }'; }
# all_or_none DIR NAMES...: every named file exists or none does; no other visible file
all_or_none() {
  local dir="$1"; shift
  [ -d "$dir" ] || { echo none; return; }
  local present=0 name
  for name in "$@"; do [ -f "$dir/$name" ] && present=$((present + 1)); done
  local visible; visible=$(find "$dir" -maxdepth 1 -type f ! -name '.*' | wc -l)
  if [ "$present" -eq 0 ] && [ "$visible" -eq 0 ]; then echo none
  elif [ "$present" -eq $# ] && [ "$visible" -eq $# ]; then echo all
  else echo "partial($present of $#, $visible visible)"; fi
}

# ---------------------------------------------------------------- the prepared ledger
# prepare_ledger DB DIR: a new ledger at DB holding DIR's sites, catalog, moves and policies
prepare_ledger() {
  local db="$1" dir="$2"
  java -jar "$jar" --db "$db" -q init >/dev/null
  java -jar "$jar" --db "$db" -q site import "$dir/sites.csv" >/dev/null
  java -jar "$jar" --db "$db" -q catalog import "$dir/catalog.csv" >/dev/null
  java -jar "$jar" --db "$db" -q --now '2026-03-02 08:00' stock import "$dir/moves.csv" >/dev/null || true
  java -jar "$jar" --db "$db" -q policy import "$dir/policies.csv" >/dev/null
}
base="$work/base.db"
prepare_ledger "$base" "$here/samples"
fresh() { rm -f "$1" "$1-wal" "$1-shm"; cp "$base" "$1"; }

# ---------------------------------------------------------------- reconcile run
if want reconcile; then
python3 "$here/scripts/bench/gen_reconcile.py" "$work/rec" "$n" >/dev/null
rec=(--now '2026-03-02 09:30' reconcile run --platform "$work/rec/platform-orders.csv" --boss "$work/rec/boss.csv"
     --profile "$work/rec/boss-profile.properties" --out "$work/rec-out")
files=(summary.csv discrepancies.csv matched.csv)
db="$work/rec.db"; fresh "$db"; rm -rf "$work/rec-out"
t=$(full_run_seconds "$db" "${rec[@]}")
echo "reconcile run of $n orders takes ${t}s"
for delay in $(kill_delays "$t"); do
  db="$work/rec.db"; fresh "$db"; rm -rf "$work/rec-out"
  run_killed "$delay" "$db" "${rec[@]}"
  integrity "$db"
  runs=$(sql "$db" "SELECT count(*) FROM reconcile_run")
  out=$(all_or_none "$work/rec-out" "${files[@]}")
  case "$out" in all|none) ;; *) echo "FAIL: reconcile killed at ${delay}s left $out files"; exit 1 ;; esac
  if [ "$runs" = "1" ]; then
    # a committed run has all its items
    items=$(sql "$db" "SELECT (SELECT discrepancies FROM reconcile_run) = (SELECT count(*) FROM reconcile_item WHERE category NOT IN ('MATCHED', 'OK_CANCELLED'))")
    [ "$items" = "1" ] || [ "$items" = "True" ] || { echo "FAIL: reconcile killed at ${delay}s: run without all its items"; exit 1; }
    [ "$out" = "all" ] || { echo "FAIL: reconcile killed at ${delay}s committed a run whose files are missing"; exit 1; }
  fi
  echo "reconcile run killed at ${delay}s: runs=$runs files=$out"
done
db="$work/rec.db"; fresh "$db"; rm -rf "$work/rec-out"
landed=$(run_killed_at_commit "$db" "SELECT count(*) FROM reconcile_run" 1 "${rec[@]}")
kills=$((kills + 1))
integrity "$db"
out=$(all_or_none "$work/rec-out" "${files[@]}")
[ "$(sql "$db" "SELECT count(*) FROM reconcile_run")" = 1 ] && [ "$out" = all ] \
  || { echo "FAIL: reconcile killed at its commit ($landed) left files=$out"; exit 1; }
echo "reconcile run killed at its commit ($landed): runs=1 files=$out"
# a killed --force re-run leaves the earlier run's files as they were
db="$work/rec.db"; fresh "$db"; rm -rf "$work/rec-out"
java -jar "$jar" --db "$db" -q "${rec[@]}" >/dev/null 2>&1 || true
before=$(cat "$work/rec-out"/*.csv | sha256sum)
for delay in $(awk -v t="$t" 'BEGIN { printf "%.2f\n%.2f\n", t * 0.6, t * 0.9 }'); do
  run_killed "$delay" "$db" "${rec[@]}" --force
  integrity "$db"
  after=$(cat "$work/rec-out"/*.csv | sha256sum)
  [ "$before" = "$after" ] || [ "$(all_or_none "$work/rec-out" "${files[@]}")" = all ] \
    || { echo "FAIL: a killed --force re-run damaged the earlier run's files"; exit 1; }
  echo "reconcile run --force killed at ${delay}s: earlier files intact or replaced whole"
done

fi
# ---------------------------------------------------------------- catalog import
if want catalog; then
python3 "$here/scripts/bench/gen_catalog.py" 10000 "$work/catalog-big.csv" >/dev/null
products_before=$(sql "$base" "SELECT count(*) FROM product")
db="$work/cat.db"; fresh "$db"
t=$(full_run_seconds "$db" catalog import "$work/catalog-big.csv")
echo "catalog import of 10000 products takes ${t}s"
for delay in $(kill_delays "$t"); do
  db="$work/cat.db"; fresh "$db"
  run_killed "$delay" "$db" catalog import "$work/catalog-big.csv"
  integrity "$db"
  products=$(sql "$db" "SELECT count(*) FROM product")
  batches=$(sql "$db" "SELECT count(*) FROM import_batch WHERE kind = 'catalog'")
  if [ "$products" = "$products_before" ]; then
    [ "$batches" = "1" ] || { echo "FAIL: catalog killed at ${delay}s: a batch without its products"; exit 1; }
  else
    [ "$batches" = "2" ] || { echo "FAIL: catalog killed at ${delay}s: products without their batch"; exit 1; }
  fi
  echo "catalog import killed at ${delay}s: products $products_before -> $products, batches $batches"
done
db="$work/cat.db"; fresh "$db"
landed=$(run_killed_at_commit "$db" "SELECT count(*) FROM import_batch WHERE kind = 'catalog'" 2 \
  catalog import "$work/catalog-big.csv")
kills=$((kills + 1))
integrity "$db"
products=$(sql "$db" "SELECT count(*) FROM product")
[ "$products" -gt "$products_before" ] || { echo "FAIL: catalog killed at its commit: a batch without its products"; exit 1; }
echo "catalog import killed at its commit ($landed): products $products_before -> $products"

fi
# ---------------------------------------------------------------- replenish check (84,000 positions by default)
if want check; then
stores="${CHECK_STORES:-280}"; skus="${CHECK_SKUS:-300}"   # 84,000 positions unless asked for more
python3 "$here/scripts/bench/gen_check.py" "$work/chk" "$stores" "$skus" >/dev/null
chk="$work/chk-base.db"
prepare_ledger "$chk" "$work/chk"
ref="$work/chk-ref.db"; cp "$chk" "$ref"
t=$(full_run_seconds "$ref" --now '2026-03-02 09:00' replenish check)
echo "replenish check of $((stores * skus)) positions takes ${t}s"
full=$(sql "$ref" "SELECT count(*) || '/' || coalesce(sum(qty), 0) FROM replenishment_order")
for delay in $(kill_delays "$t"); do
  db="$work/chk.db"; rm -f "$db"*; cp "$chk" "$db"
  run_killed "$delay" "$db" --now '2026-03-02 09:00' replenish check
  integrity "$db"
  got=$(sql "$db" "SELECT count(*) || '/' || coalesce(sum(qty), 0) FROM replenishment_order")
  [ "$got" = "0/0" ] || [ "$got" = "$full" ] || { echo "FAIL: check killed at ${delay}s left orders $got (full run: $full)"; exit 1; }
  # and running it again completes the work exactly once
  java -jar "$jar" --db "$db" -q --now '2026-03-02 09:00' replenish check >/dev/null || true
  again=$(sql "$db" "SELECT count(*) || '/' || coalesce(sum(qty), 0) FROM replenishment_order")
  [ "$again" = "$full" ] || { echo "FAIL: check after a kill at ${delay}s gave $again, a full run $full"; exit 1; }
  echo "replenish check killed at ${delay}s: orders $got, after a re-run $again"
done
db="$work/chk.db"; rm -f "$db"*; cp "$chk" "$db"
landed=$(run_killed_at_commit "$db" "SELECT count(*) > 0 FROM replenishment_order" 1 \
  --now '2026-03-02 09:00' replenish check)
kills=$((kills + 1))
integrity "$db"
got=$(sql "$db" "SELECT count(*) || '/' || coalesce(sum(qty), 0) FROM replenishment_order")
[ "$got" = "$full" ] || { echo "FAIL: check killed at its commit ($landed) left orders $got (full run: $full)"; exit 1; }
echo "replenish check killed at its commit ($landed): orders $got"

fi
# ---------------------------------------------------------------- replenish plan --apply --out
if want plan; then
pl="$work/plan-base.db"; cp "$base" "$pl"
java -jar "$jar" --db "$pl" -q --now '2026-03-02 09:00' replenish check >/dev/null || true
pfiles=(routes.csv lines.csv unserved.csv summary.csv)
plan=(--now '2026-03-02 09:00' replenish plan --date 2026-03-02 --vehicles "$here/samples/vehicles.csv" --time-limit 2s
      --out "$work/plan-out" --apply)
db="$work/plan.db"; rm -f "$db"*; cp "$pl" "$db"; rm -rf "$work/plan-out"
t=$(full_run_seconds "$db" "${plan[@]}")
[ "$(sql "$db" "SELECT count(*) > 0 FROM replenishment_order WHERE status = 'planned'")" = "1" ] \
  || { echo "FAIL: the uninterrupted plan --apply planned no order: nothing to test"; exit 1; }
echo "replenish plan --apply takes ${t}s"
for delay in $(kill_delays "$t"); do
  db="$work/plan.db"; rm -f "$db"*; cp "$pl" "$db"; rm -rf "$work/plan-out"
  run_killed "$delay" "$db" "${plan[@]}"
  integrity "$db"
  planned=$(sql "$db" "SELECT count(*) FROM replenishment_order WHERE status = 'planned'")
  out=$(all_or_none "$work/plan-out" "${pfiles[@]}")
  case "$out" in all|none) ;; *) echo "FAIL: plan killed at ${delay}s left $out files"; exit 1 ;; esac
  if [ "$planned" != "0" ] && [ "$out" != "all" ]; then
    echo "FAIL: plan killed at ${delay}s marked $planned orders planned without publishing its files"; exit 1
  fi
  echo "replenish plan --apply killed at ${delay}s: planned=$planned files=$out"
done
db="$work/plan.db"; rm -f "$db"*; cp "$pl" "$db"; rm -rf "$work/plan-out"
landed=$(run_killed_at_commit "$db" "SELECT count(*) > 0 FROM replenishment_order WHERE status = 'planned'" 1 "${plan[@]}")
kills=$((kills + 1))
integrity "$db"
out=$(all_or_none "$work/plan-out" "${pfiles[@]}")
[ "$out" = all ] || { echo "FAIL: plan killed at its commit ($landed) marked orders planned with files=$out"; exit 1; }
echo "replenish plan --apply killed at its commit ($landed): files=$out"
fi

# ---------------------------------------------------------------- ledger restore (a large backup over the small ledger)
if want restore; then
big="$work/chk-base.db"
if [ ! -f "$big" ]; then
  python3 "$here/scripts/bench/gen_check.py" "$work/chk" "${CHECK_STORES:-280}" "${CHECK_SKUS:-300}" >/dev/null
  prepare_ledger "$big" "$work/chk"
fi
java -jar "$jar" --db "$big" -q ledger backup --out "$work/big-backup.db" >/dev/null
small_moves=$(sql "$base" "SELECT count(*) FROM stock_move")
big_moves=$(sql "$work/big-backup.db" "SELECT count(*) FROM stock_move")
db="$work/restore/chanops.db"; mkdir -p "$work/restore"
restore_fresh() { rm -rf "$work/restore"; mkdir -p "$work/restore"; cp "$base" "$db"; }
restore_fresh
t=$(full_run_seconds "$db" ledger restore --from "$work/big-backup.db")
[ "$(sql "$db" "SELECT count(*) FROM stock_move")" = "$big_moves" ] \
  || { echo "FAIL: the uninterrupted restore did not restore the backup: nothing to test"; exit 1; }
echo "ledger restore of $big_moves moves over $small_moves takes ${t}s"
for delay in $(kill_delays "$t"); do
  restore_fresh
  run_killed "$delay" "$db" ledger restore --from "$work/big-backup.db"
  integrity "$db"
  moves=$(sql "$db" "SELECT count(*) FROM stock_move")
  [ "$moves" = "$small_moves" ] || [ "$moves" = "$big_moves" ] \
    || { echo "FAIL: restore killed at ${delay}s left $moves moves (before $small_moves, backup $big_moves)"; exit 1; }
  # and restoring again completes it
  java -jar "$jar" --db "$db" -q ledger restore --from "$work/big-backup.db" >/dev/null
  again=$(sql "$db" "SELECT count(*) FROM stock_move")
  [ "$again" = "$big_moves" ] || { echo "FAIL: restore after a kill at ${delay}s gave $again moves"; exit 1; }
  echo "ledger restore killed at ${delay}s: moves $moves, after a re-run $again"
done
restore_fresh
landed=$(run_killed_at_commit "$db" "SELECT count(*) FROM stock_move" "$big_moves" ledger restore --from "$work/big-backup.db")
kills=$((kills + 1))
integrity "$db"
moves=$(sql "$db" "SELECT count(*) FROM stock_move")
[ "$moves" = "$big_moves" ] || { echo "FAIL: restore killed at its commit ($landed) left $moves moves"; exit 1; }
echo "ledger restore killed at its commit ($landed): moves $moves"
fi

echo "OK: $kills kills; every ledger passed integrity_check and held all or none of the killed command's work"
