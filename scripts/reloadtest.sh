#!/usr/bin/env bash
# Reload under load: shoprec serves snapshot A from a snapshot directory while grpc_loadgen
# keeps it busy; halfway through, snapshot B appears in the directory and SIGHUP tells the
# server to swap it in. The load runs in back-to-back windows, so the window that holds the swap
# can be compared with the steady ones (p50/p99/max, req/s), and every failed RPC is counted.
# SIGHUP comes half a second into window 5; the report classes each window (before, loading,
# swap, after) from the SIGHUP time and the load time the server logs.
#
#   scripts/reloadtest.sh                     # the 1M-product shop (scripts/shop-1m.sh --next)
#   scripts/reloadtest.sh --snapshot A.shoprec --next B.shoprec --products-csv products.csv
#   scripts/reloadtest.sh ... --level 16x32 --windows 12 --window-seconds 2 --method Similar
#
# A and B must have different versions (build the same inputs twice: the version holds the build
# time). The directory is a temporary one holding hard links (or copies across file systems).
# Server on --server-core (default 0; the loading thread shares it, as on a one-core replica),
# load on --client-core (default 1), loopback only. Prints one line per window and a summary.
#
# Environment: SHOPREC_BIN (default .build/release/shoprec), PYTHON (see tests/python).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

SNAPSHOT_A=""
SNAPSHOT_B=""
PRODUCTS_CSV=""
METHOD="Similar"
LEVEL="16x32"
WINDOWS=30
WINDOW_SECONDS=2
PORT=50171
SERVER_CORE=0
CLIENT_CORE=1

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
  case "$1" in
    --snapshot) SNAPSHOT_A="$2"; shift 2 ;;
    --next) SNAPSHOT_B="$2"; shift 2 ;;
    --products-csv) PRODUCTS_CSV="$2"; shift 2 ;;
    --method) METHOD="$2"; shift 2 ;;
    --level) LEVEL="$2"; shift 2 ;;
    --windows) WINDOWS="$2"; shift 2 ;;
    --window-seconds) WINDOW_SECONDS="$2"; shift 2 ;;
    --port) PORT="$2"; shift 2 ;;
    --server-core) SERVER_CORE="$2"; shift 2 ;;
    --client-core) CLIENT_CORE="$2"; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    *) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
  esac
done
if [ -z "$SNAPSHOT_A$SNAPSHOT_B$PRODUCTS_CSV" ]; then
  SHOP=$(scripts/shop-1m.sh --next)
  SNAPSHOT_A="$SHOP/shop.shoprec"
  SNAPSHOT_B="$SHOP/shop-next.shoprec"
  PRODUCTS_CSV="$SHOP/products.csv"
fi
for f in "$SNAPSHOT_A" "$SNAPSHOT_B" "$PRODUCTS_CSV"; do
  [ -n "$f" ] && [ -f "$f" ] || { echo "need --snapshot, --next and --products-csv files" >&2; exit 2; }
done
[[ "$LEVEL" =~ ^[0-9]+x[0-9]+$ ]] || { echo "bad level $LEVEL" >&2; exit 2; }
[ "$WINDOWS" -ge 8 ] || { echo "need at least 8 windows" >&2; exit 2; }
[ "$(nproc)" -ge 2 ] || { SERVER_CORE=0; CLIENT_CORE=0; }
log() { echo "[reloadtest] $*" >&2; }

# shellcheck source=../tests/python/python-env.sh
source "$ROOT/tests/python/python-env.sh"
shoprec_apt_install_missing gcc make pkg-config libnghttp2-dev util-linux
shoprec_python_env "$ROOT"
PY="$SHOPREC_PYTHON"
make -s -C Benchmarks/loadgen >&2
LOADGEN="$ROOT/Benchmarks/loadgen/build/grpc_loadgen"
SHOPREC_BIN="${SHOPREC_BIN:-$ROOT/.build/release/shoprec}"
[ -x "$SHOPREC_BIN" ] || { echo "no shoprec binary at $SHOPREC_BIN (swift build -c release)" >&2; exit 1; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/shoprec-reloadtest.XXXXXX")
SERVER_PID=""
cleanup() {
  [ -n "$SERVER_PID" ] && kill -TERM "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
mkdir -p "$WORK/snapshots" "$WORK/raw"
place() { ln -L "$1" "$2" 2>/dev/null || cp "$1" "$2"; touch "$2"; }

"$PY" scripts/loadtest/gen_bodies.py --stubs "$WORK/stubs" --out "$WORK/bodies" --count 20000 \
  --methods "$METHOD" --products-csv "$PRODUCTS_CSV" 2>&1 | sed 's/^/[reloadtest] /' >&2

place "$SNAPSHOT_A" "$WORK/snapshots/a.shoprec"
log "starting shoprec on core $SERVER_CORE with --snapshot-dir (A)"
taskset -c "$SERVER_CORE" "$SHOPREC_BIN" serve --port "$PORT" --event-loops 1 \
  --snapshot-dir "$WORK/snapshots" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
GRPC_VERBOSITY=NONE "$PY" scripts/loadtest/wait_health.py --address "127.0.0.1:$PORT" \
  --timeout 120 --pid "$SERVER_PID" || { tail -20 "$WORK/server.log" >&2; exit 1; }

C="${LEVEL%x*}"
M="${LEVEL#*x}"
SWAP_WINDOW=5
SWAPPER=""
for ((w = 1; w <= WINDOWS; w++)); do
  if [ "$w" = "$SWAP_WINDOW" ]; then
    # B appears and SIGHUP asks for it, half a second into this window.
    (
      sleep 0.5
      place "$SNAPSHOT_B" "$WORK/snapshots/b.shoprec"
      date +%s.%N >"$WORK/sighup-time"
      kill -HUP "$SERVER_PID"
    ) &
    SWAPPER=$!
  fi
  date +%s.%N >"$WORK/raw/window-$w.start"
  taskset -c "$CLIENT_CORE" "$LOADGEN" -a "127.0.0.1:$PORT" -p "/shoprec.v1.Recommendations/$METHOD" \
    -f "$WORK/bodies/$METHOD.bin" -c "$C" -m "$M" -D "$WINDOW_SECONDS" --warmup 0s \
    --server-pid "$SERVER_PID" --json --max-time $((WINDOW_SECONDS + 30)) \
    >"$WORK/raw/window-$w.json" 2>"$WORK/raw/window-$w.stderr" || true
done
[ -n "$SWAPPER" ] && wait "$SWAPPER"
grep -E "swapped in|rejected|error" "$WORK/server.log" | sed 's/^/[reloadtest] server: /' >&2 || true

# How long the new snapshot took from SIGHUP to the swap (the server logs it), 0 if not swapped.
B_SECONDS=$(grep "swapped in" "$WORK/server.log" | grep "b.shoprec" |
  sed -n 's/.*total-seconds=\([0-9.]*\).*/\1/p' | tail -1)
"$PY" scripts/loadtest/reload_report.py "$WORK/raw" "$WINDOWS" \
  "$(cat "$WORK/sighup-time" 2>/dev/null || echo 0)" "${B_SECONDS:-0}" "$LEVEL" "$METHOD" \
  "$WINDOW_SECONDS"
