#!/usr/bin/env bash
# The benchmark suite (Benchmarks/, ordo-one/package-benchmark) in one command, checked against
# the thresholds recorded in Benchmarks/Thresholds/: a regression beyond a benchmark's tolerance
# fails the run (exit code non-zero).
#
#   scripts/benchmarks.sh                 # run everything, check against the thresholds
#   scripts/benchmarks.sh --update        # run everything and record new thresholds
#   scripts/benchmarks.sh --filter Query  # only benchmarks whose name matches
#
# Queries and the snapshot load run on the 1M-product, 20M-order-line shop (scripts/shop-1m.sh
# makes it once); the build benchmark compiles 1M order lines in-process. Malloc counts come from
# package-benchmark's MallocInterposer trait (no jemalloc needed). Exit code 0 when every metric is
# within its tolerance (or better: package-benchmark's "improvements only" code 4 is success here).
# Environment: SHOPREC_BENCH_SNAPSHOT / SHOPREC_BENCH_LOAD_SNAPSHOT to use other snapshots.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
MODE=check
ARGS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --update) MODE=update; shift ;;
    --filter) ARGS+=(--filter "$2"); shift 2 ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done

SHOP=$(scripts/shop-1m.sh)
export SHOPREC_BENCH_SNAPSHOT="${SHOPREC_BENCH_SNAPSHOT:-$SHOP/shop.shoprec}"
export SHOPREC_BENCH_LOAD_SNAPSHOT="${SHOPREC_BENCH_LOAD_SNAPSHOT:-$SHOP/shop.shoprec}"

cd Benchmarks
if [ "$MODE" = update ]; then
  swift package --allow-writing-to-package-directory benchmark thresholds update \
    "${ARGS[@]}" --no-progress
else
  status=0
  swift package benchmark thresholds check "${ARGS[@]}" --no-progress || status=$?
  if [ "$status" = 4 ]; then
    echo "benchmarks: improvements only (consider scripts/benchmarks.sh --update)"
    status=0
  fi
  exit "$status"
fi
