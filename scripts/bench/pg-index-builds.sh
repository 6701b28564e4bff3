#!/usr/bin/env bash
# Benchmark: what the index builds of a first PostgreSQL stock import cost, and the alternatives measured for them, on
# the 1M-move ledger that scripts/bench/postgres.sh leaves behind (database chanops_bench_stock). Each build runs in a
# transaction that is rolled back: the ledger is left as it was. Prints one line per index definition, wall ms of
# CREATE INDEX as psql times it (best of RUNS, default 3).
#   key         stock_move's primary key (site_id, sku, at, move_id), as the import builds it
#   document    V11's stock_move_document (site_id, sku, kind, ref) WHERE ref IS NOT NULL, as the import builds it
#   hash        the document as one bigint hash of its four columns (not used: daily imports lose their locality)
#   ref-first   (ref, site_id, sku, kind) in COLLATE "C" (not used: no gain worth a second collation)
# usage: scripts/bench/pg-index-builds.sh [DATABASE] [RUNS]
set -euo pipefail
db="${1:-chanops_bench_stock}"
runs="${2:-3}"
psql_admin() { (cd / && su postgres -c "psql -qtA -d $db $*"); }
moves=$(psql_admin "-c 'SELECT COUNT(*) FROM stock_move'" 2>/dev/null) \
  || { echo "no database $db: run scripts/bench/postgres.sh first" >&2; exit 1; }
echo "== index builds on $db: $moves moves, best of $runs"
build() { # NAME DROP CREATE
  local best="" t
  for _ in $(seq "$runs"); do
    t=$(printf '%s\n' "SET maintenance_work_mem = '256MB';" '\timing on' 'BEGIN;' "$2" "$3" 'ROLLBACK;' \
      | (cd / && su postgres -c "psql -q -d $db") | grep '^Time:' | sed -n '3p' | awk '{ printf "%d", $2 }')
    [ -z "$best" ] || [ "$t" -lt "$best" ] && best=$t
  done
  printf '%-10s %6s ms\n' "$1" "$best"
}
build key 'ALTER TABLE stock_move DROP CONSTRAINT stock_move_pkey;' \
  'ALTER TABLE stock_move ADD CONSTRAINT stock_move_pkey PRIMARY KEY (site_id, sku, at, move_id);'
build document 'DROP INDEX stock_move_document;' \
  'CREATE INDEX stock_move_document ON stock_move (site_id, sku, kind, ref) WHERE ref IS NOT NULL;'
build hash 'DROP INDEX stock_move_document;' \
  "CREATE INDEX d ON stock_move (hashtextextended(site_id || chr(31) || sku || chr(31) || kind || chr(31) || ref, 0)) WHERE ref IS NOT NULL;"
build ref-first 'DROP INDEX stock_move_document;' \
  'CREATE INDEX d ON stock_move (ref COLLATE "C", site_id COLLATE "C", sku COLLATE "C", kind COLLATE "C") WHERE ref IS NOT NULL;'
