#!/usr/bin/env bash
# Runs the Python gRPC test suite (tests/python, pytest + grpcio + h2) against shoprec.
#
#   scripts/test-python.sh                          # starts $SHOPREC_BIN serve on a free port
#   scripts/test-python.sh --address 127.0.0.1:50051  # tests a running server (serving the demo shop)
#   scripts/test-python.sh --harness                # the tooling's own tests, against the C++ reference
#   scripts/test-python.sh -- -k health -x          # anything after -- goes to pytest
#
# Installs what is missing (Python packages with pip, or in .build-python/venv when the system
# Python refuses; Debian packages with apt-get), generates the stubs from proto/shoprec/v1/*.proto
# into tests/python/generated/ (gitignored), and runs pytest. Without --address, the suite starts
# `$SHOPREC_BIN $SHOPREC_SERVE_ARGS` itself on a free 127.0.0.1 port, waits (bounded) for health
# SERVING, and stops it at the end (tests/python/conftest.py); the demo shop files for the
# expectations come from `$SHOPREC_BIN demo --out <tmp>`, or from --demo-dir DIR.
#
# Environment:
#   SHOPREC_BIN            default .build/debug/shoprec (built with `swift build` when missing)
#   SHOPREC_SERVE_ARGS     default "serve --port {port}" ({port} is replaced)
#   SHOPREC_START_TIMEOUT  seconds to wait for SERVING (default 60)
#   PYTHON                 the Python 3 to use (default python3)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

ADDRESS=""
DEMO_DIR=""
HARNESS=0
PYTEST_ARGS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --address) ADDRESS="$2"; shift 2 ;;
    --demo-dir) DEMO_DIR=$(realpath "$2"); shift 2 ;;
    --harness) HARNESS=1; shift ;;
    --) shift; PYTEST_ARGS+=("$@"); break ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) PYTEST_ARGS+=("$1"); shift ;;
  esac
done

# shellcheck source=../tests/python/python-env.sh
source "$ROOT/tests/python/python-env.sh"
shoprec_python_env "$ROOT"
PY="$SHOPREC_PYTHON"
"$PY" tests/python/shoprec_testlib/stubs.py >/dev/null

export GRPC_VERBOSITY="${GRPC_VERBOSITY:-NONE}"
if [ "$HARNESS" = 1 ]; then
  shoprec_apt_install_missing make pkg-config gcc g++ libgrpc++-dev libnghttp2-dev
  exec "$PY" -m pytest -c tests/python/pytest.ini tests/python/harness "${PYTEST_ARGS[@]}"
fi

ARGS=(-c tests/python/pytest.ini tests/python --ignore=tests/python/harness)
if [ -n "$ADDRESS" ]; then
  ARGS+=(--address "$ADDRESS")
elif [ -z "${SHOPREC_BIN:-}" ] && [ ! -x .build/debug/shoprec ]; then
  echo "no .build/debug/shoprec: swift build --product shoprec" >&2
  swift build --product shoprec >&2
fi
[ -n "$DEMO_DIR" ] && ARGS+=(--demo-dir "$DEMO_DIR")
exec "$PY" -m pytest "${ARGS[@]}" "${PYTEST_ARGS[@]}"
