#!/usr/bin/env bash
# Crash-safety check: SIGKILL a `stock import` in the middle of its transaction, then verify the ledger is consistent
# (no moves of the killed import, no import batch recorded), that a second writer is not blocked afterwards, and that
# the same file then imports completely. Uses the real jar; needs python3 and sqlite3 is not required.
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$here/scripts/chanops" --version >/dev/null
# Enough moves that the transaction outgrows SQLite's 64 MiB page cache and spills into the WAL before it commits
# (moves clustered by position take about 80 bytes each): the growing WAL is the sign that it is writing.
n=1500000
python3 "$here/scripts/bench/gen_stock.py" "$work" --moves "$n" --stores 100 --skus 50 >/dev/null
db="$work/k.db"
run() { java -jar "$here/cli/target/chanops.jar" --db "$db" -q "$@"; }
run init >/dev/null
run site import "$work/sites.csv" >/dev/null
run catalog import "$work/catalog.csv" >/dev/null
java -jar "$here/cli/target/chanops.jar" --db "$db" -q stock import "$work/moves.csv" >/dev/null 2>&1 &
pid=$!
# wait until the import is writing (the WAL grows past 1 MB), then kill it hard
for _ in $(seq 1 300); do
  size=$(stat -c %s "$db-wal" 2>/dev/null || echo 0)
  [ "$size" -gt 1000000 ] && break
  sleep 0.05
done
[ "$size" -gt 1000000 ] || { echo "FAIL: inconclusive, the import never started writing"; kill -9 "$pid"; exit 1; }
kill -9 "$pid" 2>/dev/null || true
echo "killed the import while its uncommitted transaction had written $size bytes to the WAL"
wait "$pid" 2>/dev/null || true
moves=$(run stock show --format csv | wc -l)
batches=$(python3 - "$db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
print(c.execute("select count(*) from import_batch where kind='moves'").fetchone()[0], c.execute("select count(*) from stock_move").fetchone()[0])
PY
)
echo "after kill -9: stock show lines=$moves, (moves batches, move rows)=($batches)"
[ "$batches" = "0 0" ] || { echo "FAIL: a killed import left rows behind"; exit 1; }
run ledger check >/dev/null || { echo "FAIL: ledger check after the kill"; run ledger check; exit 1; }
run stock import "$work/moves.csv"
after=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from stock_move').fetchone()[0])" "$db")
[ "$after" = "$n" ] || { echo "FAIL: re-import after the kill wrote $after moves"; exit 1; }
run ledger check | tail -1   # on hand at every position is the fold of its moves (exit 3 otherwise)
echo "OK: killed import left nothing; the re-import wrote all $n moves"
