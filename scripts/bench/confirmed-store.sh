#!/usr/bin/env bash
# Benchmark of the confirmed-order store: N orders (default 1,000,000) through ConfirmedOrderWriter into a fresh SQLite
# ledger, REPEATS times; prints the wall and CPU time of the add calls + close, the commit, bytes per order and the
# time to count the month's sales by kind and to stream them back (io.chanops.reconcile.confirmed.ConfirmedStoreBench,
# in the reconcile test classes). Compiles the modules it needs in place; installs nothing.
#
#   scripts/bench/confirmed-store.sh [N=1000000] [REPEATS=5]
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$here"
build() { mvn -B -q "$@" -pl reconcile -am test-compile dependency:build-classpath -Dmdep.outputFile="$work/cp" -Dmdep.includeScope=test >&2; }
build -o 2>/dev/null || build
cp="reconcile/target/test-classes:reconcile/target/classes:$(cat "$work/cp")"
java ${BENCH_JAVA_OPTS:--Xmx1g} -cp "$cp" io.chanops.reconcile.confirmed.ConfirmedStoreBench "$work" "$@"
