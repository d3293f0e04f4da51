#!/usr/bin/env bash
# Load test: shoprec's gRPC server against a C++ gRPC reference server, on loopback only.
#
#   scripts/loadtest.sh                         # Similar, 3 levels, both servers, 3 repeats
#   scripts/loadtest.sh --servers reference     # the reference server alone (no Swift build)
#   scripts/loadtest.sh --all-methods --duration 10 --repeats 5
#   scripts/loadtest.sh --products-csv big/products.csv --orders-csv big/orders.csv \
#                       --snapshot big/shop.shoprec
#   scripts/loadtest.sh --shop-1m --all-methods  # the issue's table: 1M products, 20M order lines
#
# Steps: builds the reference server (Benchmarks/reference) and grpc_loadgen (Benchmarks/loadgen)
# when stale; builds shoprec with `swift build -c release`; writes request bodies with varied
# product ids (scripts/loadtest/gen_bodies.py, ids from `shoprec demo --out DIR`'s products.csv or
# --products-csv); then, for each repeat, starts each server in turn (alternating the order)
# pinned to the server core, waits for health SERVING, and runs the load pinned to the client
# core at each level (CxM = connections x streams per connection) for each method: grpc_loadgen
# (varied ids, percentiles, server CPU per request from /proc/PID/stat) and, for Similar, h2load
# (independent cross-check with one fixed body). Prints a Markdown table of medians and the
# shoprec/reference ratios; raw results stay in .build-loadtest/run-*/.
#
# Environment:
#   SHOPREC_BIN         shoprec binary (default .build/release/shoprec, built here unless --no-build)
#   SHOPREC_SERVE_ARGS  serve arguments; {port} is replaced (default "serve --port {port} --event-loops 1")
#   PYTHON              Python 3 to use (default python3; see tests/python/python-env.sh)
#   LOADTEST_DIR        work folder (default .build-loadtest)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

SERVERS="shoprec,reference"
METHODS="Similar"
LEVELS="1x1,4x8,16x32"
TOOLS="loadgen,h2load"
DURATION=5
WARMUP=1
REPEATS=3
PRODUCTS_CSV=""
ORDERS_CSV=""
SNAPSHOT=""
PAYLOAD_BYTES=1000
SHOPREC_PORT=50151
REFERENCE_PORT=50161
SERVER_CORE=0
CLIENT_CORE=1
BUILD=1
HEALTH_TIMEOUT=60
BODY_COUNT=20000
SHOP_1M=0
ALL_METHODS="Similar,OnSale,Accessories,Replacements,BoughtTogether"

usage() {
  sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'
  cat <<EOF
Options:
  --servers LIST         shoprec,reference (default $SERVERS)
  --methods LIST         Recommendations methods (default $METHODS)
  --all-methods          all five: $ALL_METHODS
  --levels LIST          CxM levels (default $LEVELS)
  --tools LIST           loadgen,h2load (default $TOOLS; h2load runs for Similar only)
  --duration S           measured seconds per run (default $DURATION)
  --warmup S             warm-up seconds before each run (default $WARMUP)
  --repeats N            repeats, alternating the servers (default $REPEATS)
  --products-csv FILE    product ids for the bodies (default: shoprec demo --out)
  --orders-csv FILE      orders for BoughtTogether baskets (default: the demo's orders.csv)
  --snapshot FILE        passed to shoprec serve as --snapshot FILE
  --payload-bytes N      the reference server's response size (default $PAYLOAD_BYTES)
  --bodies N             distinct request bodies per method (default $BODY_COUNT)
  --shoprec-port P       (default $SHOPREC_PORT)
  --reference-port P     (default $REFERENCE_PORT)
  --server-core N        core for the server (default $SERVER_CORE)
  --client-core N        core for the load generators (default $CLIENT_CORE)
  --health-timeout S     how long to wait for a server to be SERVING (default $HEALTH_TIMEOUT)
  --shop-1m              use the 1M-product, 20M-order-line synthetic shop and its snapshot
                         (scripts/shop-1m.sh makes them once: 2-3 minutes, 4 GB of disk)
  --no-build             do not run swift build (the C tools are still built when stale)
EOF
}

while [ $# -gt 0 ]; do
  case "$1" in
    --servers) SERVERS="$2"; shift 2 ;;
    --methods) METHODS="$2"; shift 2 ;;
    --all-methods) METHODS="$ALL_METHODS"; shift ;;
    --levels) LEVELS="$2"; shift 2 ;;
    --tools) TOOLS="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --warmup) WARMUP="$2"; shift 2 ;;
    --repeats) REPEATS="$2"; shift 2 ;;
    --products-csv) PRODUCTS_CSV=$(realpath "$2"); shift 2 ;;
    --orders-csv) ORDERS_CSV=$(realpath "$2"); shift 2 ;;
    --snapshot) SNAPSHOT=$(realpath "$2"); shift 2 ;;
    --payload-bytes) PAYLOAD_BYTES="$2"; shift 2 ;;
    --bodies) BODY_COUNT="$2"; shift 2 ;;
    --shoprec-port) SHOPREC_PORT="$2"; shift 2 ;;
    --reference-port) REFERENCE_PORT="$2"; shift 2 ;;
    --server-core) SERVER_CORE="$2"; shift 2 ;;
    --client-core) CLIENT_CORE="$2"; shift 2 ;;
    --health-timeout) HEALTH_TIMEOUT="$2"; shift 2 ;;
    --shop-1m) SHOP_1M=1; shift ;;
    --no-build) BUILD=0; shift ;;
    -h | --help) usage; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
done

IFS=, read -r -a SERVER_LIST <<<"$SERVERS"
IFS=, read -r -a METHOD_LIST <<<"$METHODS"
IFS=, read -r -a LEVEL_LIST <<<"$LEVELS"
IFS=, read -r -a TOOL_LIST <<<"$TOOLS"
for s in "${SERVER_LIST[@]}"; do
  case "$s" in shoprec | reference) ;; *) echo "unknown server: $s" >&2; exit 2 ;; esac
done
for l in "${LEVEL_LIST[@]}"; do
  [[ "$l" =~ ^[0-9]+x[0-9]+$ ]] || { echo "bad level $l (want CxM, e.g. 4x8)" >&2; exit 2; }
done
for n in "$DURATION" "$WARMUP"; do
  [[ "$n" =~ ^[0-9]+(\.[0-9]+)?$ ]] || { echo "bad duration: $n" >&2; exit 2; }
done
# Hard limit on one load run, in whole seconds.
RUN_LIMIT=$(awk -v d="$DURATION" -v w="$WARMUP" 'BEGIN { print int(d + w + 30) }')
has() { local x="$1"; shift; for y in "$@"; do [ "$x" = "$y" ] && return 0; done; return 1; }

CORES=$(nproc)
if [ "$SERVER_CORE" -ge "$CORES" ] || [ "$CLIENT_CORE" -ge "$CORES" ]; then
  echo "warning: only $CORES core(s): running server and load on core 0" >&2
  SERVER_CORE=0
  CLIENT_CORE=0
fi

log() { echo "[loadtest] $*" >&2; }

# MARK: processes (every one this script starts is tracked by PID and stopped on exit)

STARTED_PIDS=()
cleanup() {
  local pid
  for pid in "${STARTED_PIDS[@]}"; do
    kill -TERM "$pid" 2>/dev/null || true
  done
  for pid in "${STARTED_PIDS[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Stops one process started here: TERM, then KILL after 10 s.
stop_pid() {
  local pid="$1" i
  kill -TERM "$pid" 2>/dev/null || return 0
  for ((i = 0; i < 100; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

CLK_TCK=$(getconf CLK_TCK)
# CPU time (user + system, all threads) of PID, in clock ticks.
cpu_ticks() {
  local stat
  stat=$(<"/proc/$1/stat") || return 1
  stat=${stat##*) }
  # shellcheck disable=SC2086
  set -- $stat
  echo $((${12} + ${13}))
}

# MARK: dependencies and builds

# shellcheck source=../tests/python/python-env.sh
source "$ROOT/tests/python/python-env.sh"
DEBS=(gcc make pkg-config libnghttp2-dev util-linux)
has h2load "${TOOL_LIST[@]}" && DEBS+=(nghttp2-client)
has reference "${SERVER_LIST[@]}" && DEBS+=(g++ libgrpc++-dev)
shoprec_apt_install_missing "${DEBS[@]}"
shoprec_python_env "$ROOT"
PY="$SHOPREC_PYTHON"

log "building the load generator and the reference server (when stale)"
make -s -C Benchmarks/loadgen >&2
LOADGEN="$ROOT/Benchmarks/loadgen/build/grpc_loadgen"
if has reference "${SERVER_LIST[@]}"; then
  make -s -C Benchmarks/reference >&2
fi
REFERENCE_BIN="$ROOT/Benchmarks/reference/build/reference_server"

SHOPREC_BIN="${SHOPREC_BIN:-$ROOT/.build/release/shoprec}"
PORT_TOKEN='{port}'
DEFAULT_SERVE_ARGS="serve --port $PORT_TOKEN --event-loops 1"
SHOPREC_SERVE_ARGS="${SHOPREC_SERVE_ARGS:-$DEFAULT_SERVE_ARGS}"
# The serve arguments for port $1.
serve_args() { echo "${SHOPREC_SERVE_ARGS//"$PORT_TOKEN"/$1}"; }
if has shoprec "${SERVER_LIST[@]}"; then
  if [ "$BUILD" = 1 ]; then
    log "swift build -c release --product shoprec"
    swift build -c release --product shoprec >&2
  fi
  [ -x "$SHOPREC_BIN" ] || { echo "error: no shoprec binary at $SHOPREC_BIN" >&2; exit 1; }
fi

WORK="${LOADTEST_DIR:-$ROOT/.build-loadtest}"
if [ "$SHOP_1M" = 1 ]; then
  SHOP=$(SHOPREC_BIN="$SHOPREC_BIN" scripts/shop-1m.sh)
  PRODUCTS_CSV="$SHOP/products.csv"
  ORDERS_CSV="$SHOP/orders.csv"
  SNAPSHOT="$SHOP/shop.shoprec"
fi
RUN_DIR="$WORK/run-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$RUN_DIR/raw" "$RUN_DIR/logs"
RESULTS="$RUN_DIR/results.jsonl"
: >"$RESULTS"

# MARK: request bodies

BODY_ARGS=()
if [ -n "$PRODUCTS_CSV" ]; then
  BODY_ARGS=(--products-csv "$PRODUCTS_CSV")
  [ -n "$ORDERS_CSV" ] && BODY_ARGS+=(--orders-csv "$ORDERS_CSV")
elif has shoprec "${SERVER_LIST[@]}"; then
  log "$SHOPREC_BIN demo --out $RUN_DIR/demo"
  "$SHOPREC_BIN" demo --out "$RUN_DIR/demo" >"$RUN_DIR/logs/demo.log" 2>&1 || {
    echo "error: shoprec demo failed (see $RUN_DIR/logs/demo.log); give --products-csv" >&2
    exit 1
  }
  BODY_ARGS=(--products-csv "$RUN_DIR/demo/products.csv")
  [ -f "$RUN_DIR/demo/orders.csv" ] && BODY_ARGS+=(--orders-csv "$RUN_DIR/demo/orders.csv")
else
  log "no products CSV and no shoprec: synthetic product ids (the reference ignores them)"
  BODY_ARGS=(--synthetic 10000)
fi
"$PY" scripts/loadtest/gen_bodies.py --stubs "$RUN_DIR/stubs" --out "$RUN_DIR/bodies" \
  --count "$BODY_COUNT" --methods "$METHODS" "${BODY_ARGS[@]}" 2>&1 | sed 's/^/[loadtest] /' >&2

# MARK: servers

SERVER_PID=""
SERVER_PORT=""
start_server() {
  local name="$1" cmd
  case "$name" in
    reference)
      SERVER_PORT=$REFERENCE_PORT
      cmd=("$REFERENCE_BIN" --port "$SERVER_PORT" --payload-bytes "$PAYLOAD_BYTES")
      ;;
    shoprec)
      SERVER_PORT=$SHOPREC_PORT
      local args
      read -r -a args <<<"$(serve_args "$SERVER_PORT")"
      cmd=("$SHOPREC_BIN" "${args[@]}")
      [ -n "$SNAPSHOT" ] && cmd+=(--snapshot "$SNAPSHOT")
      ;;
  esac
  local logfile="$RUN_DIR/logs/$name-$REPEAT.log"
  log "starting $name on core $SERVER_CORE: ${cmd[*]}"
  taskset -c "$SERVER_CORE" "${cmd[@]}" >"$logfile" 2>&1 &
  SERVER_PID=$!
  STARTED_PIDS+=("$SERVER_PID")
  if ! GRPC_VERBOSITY=NONE "$PY" scripts/loadtest/wait_health.py --address "127.0.0.1:$SERVER_PORT" \
    --timeout "$HEALTH_TIMEOUT" --pid "$SERVER_PID"; then
    echo "error: $name did not become SERVING; last lines of $logfile:" >&2
    tail -n 20 "$logfile" >&2
    exit 1
  fi
}

# MARK: runs

run_loadgen() {
  local server="$1" method="$2" level="$3" c="${3%x*}" m="${3#*x}"
  local out="$RUN_DIR/raw/$server-$method-$level-loadgen-$REPEAT.json"
  taskset -c "$CLIENT_CORE" "$LOADGEN" -a "127.0.0.1:$SERVER_PORT" \
    -p "/shoprec.v1.Recommendations/$method" -f "$RUN_DIR/bodies/$method.bin" -c "$c" -m "$m" \
    -D "$DURATION" --warmup "${WARMUP}s" --server-pid "$SERVER_PID" --json \
    --max-time "$RUN_LIMIT" >"$out" 2>"$out.stderr" || true
  "$PY" scripts/loadtest/report.py record --tool loadgen --input "$out" --server "$server" \
    --method "$method" --level "$level" --repeat "$REPEAT" >>"$RESULTS"
  summary
}

run_h2load() {
  local server="$1" method="$2" level="$3" c="${3%x*}" m="${3#*x}"
  local out="$RUN_DIR/raw/$server-$method-$level-h2load-$REPEAT.txt"
  local cpu_file="$out.cpu" sampler warm=()
  # h2load takes whole numbers with units: give milliseconds.
  local duration_ms warmup_ms
  duration_ms=$(awk -v s="$DURATION" 'BEGIN { print int(s * 1000 + 0.5) }')
  warmup_ms=$(awk -v s="$WARMUP" 'BEGIN { print int(s * 1000 + 0.5) }')
  [ "$warmup_ms" != 0 ] && warm=(--warm-up-time "${warmup_ms}ms")
  # Server CPU over h2load's measured window, sampled beside it (h2load has no hook for it).
  (
    sleep "$WARMUP"
    a=$(cpu_ticks "$SERVER_PID")
    sleep "$DURATION"
    b=$(cpu_ticks "$SERVER_PID")
    echo "$a $b" >"$cpu_file"
  ) &
  sampler=$!
  STARTED_PIDS+=("$sampler")
  timeout "$RUN_LIMIT" taskset -c "$CLIENT_CORE" h2load -t 1 -c "$c" -m "$m" \
    -D "${duration_ms}ms" "${warm[@]}" -d "$RUN_DIR/bodies/$method.first.bin" \
    -H 'content-type: application/grpc' -H 'te: trailers' \
    "http://127.0.0.1:$SERVER_PORT/shoprec.v1.Recommendations/$method" >"$out" 2>&1 || true
  wait "$sampler" 2>/dev/null || true
  local cpu_args=()
  if [ -s "$cpu_file" ]; then
    local a b
    read -r a b <"$cpu_file"
    cpu_args=(--server-cpu-s "$(awk -v d=$((b - a)) -v t="$CLK_TCK" 'BEGIN { print d / t }')")
  fi
  "$PY" scripts/loadtest/report.py record --tool h2load --input "$out" --server "$server" \
    --method "$method" --level "$level" --repeat "$REPEAT" "${cpu_args[@]}" >>"$RESULTS"
  summary
}

summary() {
  tail -n 1 "$RESULTS" | "$PY" -c '
import json, sys
r = json.loads(sys.stdin.read())
cpu = r.get("cpu_us_per_req")
p99 = r.get("p99_us")
print("[loadtest]   %-9s %-14s %-6s %-7s #%d: %9.0f req/s  cpu %s us/req  p99 %s us  errors %d%s" % (
    r["server"], r["method"], r["level"], r["tool"], r["repeat"], r["rps"],
    "-" if cpu is None else "%.1f" % cpu, "-" if p99 is None else "%.0f" % p99, r["errors"],
    "  (" + r["failed"] + ")" if r.get("failed") else ""), file=sys.stderr)'
}

{
  echo "# shoprec load test, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo
  echo "- commit $(git rev-parse --short HEAD 2>/dev/null || echo '?'), $(uname -sr), $CORES cores" \
    "($(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'))"
  echo "- servers on core $SERVER_CORE, load on core $CLIENT_CORE; ${DURATION} s per run after" \
    "${WARMUP} s warm-up; median of $REPEATS repeats; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- reference: C++ gRPC $(pkg-config --modversion grpc++ 2>/dev/null || echo '?')," \
    "AsyncGenericService, one completion-queue thread, ${PAYLOAD_BYTES}-byte response"
  echo "- shoprec: $SHOPREC_BIN $(serve_args "$SHOPREC_PORT")${SNAPSHOT:+ --snapshot $SNAPSHOT}"
  echo "- bodies: ${BODY_ARGS[*]}"
  echo "- loadgen: grpc_loadgen, distinct bodies in turn, OK = grpc-status 0;" \
    "h2load: one fixed body, OK = HTTP 2xx, no percentiles, CPU sampled around its window"
  echo
} >"$RUN_DIR/header.md"

for ((REPEAT = 1; REPEAT <= REPEATS; REPEAT++)); do
  ORDER=("${SERVER_LIST[@]}")
  if ((REPEAT % 2 == 0)); then
    ORDER=()
    for ((i = ${#SERVER_LIST[@]} - 1; i >= 0; i--)); do ORDER+=("${SERVER_LIST[i]}"); done
  fi
  for server in "${ORDER[@]}"; do
    start_server "$server"
    for method in "${METHOD_LIST[@]}"; do
      for level in "${LEVEL_LIST[@]}"; do
        has loadgen "${TOOL_LIST[@]}" && run_loadgen "$server" "$method" "$level"
        if has h2load "${TOOL_LIST[@]}" && [ "$method" = Similar ]; then
          run_h2load "$server" "$method" "$level"
        fi
      done
    done
    stop_pid "$SERVER_PID"
  done
done

{
  cat "$RUN_DIR/header.md"
  "$PY" scripts/loadtest/report.py table "$RESULTS" --baseline reference
} >"$RUN_DIR/report.md"
cat "$RUN_DIR/report.md"
log "raw results: $RUN_DIR"
