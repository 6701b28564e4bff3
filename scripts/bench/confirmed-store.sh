#!/usr/bin/env bash
# Benchmark of the confirmed-order store: N orders (default 1,000,000) through ConfirmedOrderWriter into a fresh SQLite
# ledger, REPEATS times; prints the wall and CPU time of the add calls + close, the commit, bytes per order and the
# time to read them back (io.chanops.reconcile.confirmed.ConfirmedStoreBench, in the reconcile test classes).
#
#   scripts/bench/confirmed-store.sh [N=1000000] [REPEATS=5] [DEFLATE=true] [CHUNK_ROWS=16384]
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$here"
mvn -B -q -o install -DskipTests -pl ledger,reconcile -am >&2 2>/dev/null || mvn -B -q install -DskipTests -pl ledger,reconcile -am >&2
mvn -B -q -o -pl reconcile dependency:build-classpath -Dmdep.outputFile="$work/cp" -Dmdep.includeScope=test >&2
cp="reconcile/target/test-classes:reconcile/target/classes:$(cat "$work/cp")"
java ${BENCH_JAVA_OPTS:--Xmx1g} -cp "$cp" io.chanops.reconcile.confirmed.ConfirmedStoreBench "$work" "$@"
