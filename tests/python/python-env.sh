# shellcheck shell=bash
# Sourced by scripts/test-python.sh and scripts/loadtest.sh: finds or prepares a Python 3 with the
# packages the test clients and load-test helpers need, and sets SHOPREC_PYTHON to it.
#
# Order of preference: $PYTHON (default python3) when it already has the modules; otherwise
# `pip install` into it; when that interpreter refuses (PEP 668 "externally managed"), a virtual
# environment in <repo>/.build-python/venv. Debian packages (python3, python3-pip, python3-venv)
# are installed with apt-get only when missing.

SHOPREC_PY_PACKAGES=(grpcio grpcio-tools grpcio-health-checking grpcio-reflection protobuf h2 pytest)
SHOPREC_PY_IMPORTS="import grpc, grpc_tools.protoc, grpc_health.v1.health_pb2, \
grpc_reflection.v1alpha.proto_reflection_descriptor_database, google.protobuf, h2.connection, pytest"

# Installs the given Debian packages that are not installed yet (apt-get update once first).
shoprec_apt_install_missing() {
  local missing=() pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" ||
      missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null 2>&1 || {
    echo "error: missing packages ${missing[*]} and no apt-get to install them" >&2
    return 1
  }
  local sudo=()
  [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && sudo=(sudo)
  echo "installing Debian packages: ${missing[*]}" >&2
  if [ -z "${SHOPREC_APT_UPDATED:-}" ]; then
    "${sudo[@]}" apt-get update -qq >&2 || return 1
    SHOPREC_APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >&2
}

shoprec_python_has_modules() {
  "$1" -c "$SHOPREC_PY_IMPORTS" >/dev/null 2>&1
}

# Sets SHOPREC_PYTHON. $1: the repository root (for the fallback virtual environment).
shoprec_python_env() {
  local root="$1"
  local py="${PYTHON:-python3}"
  if ! command -v "$py" >/dev/null 2>&1; then
    shoprec_apt_install_missing python3 python3-pip python3-venv || return 1
    py=python3
  fi
  local venv="$root/.build-python/venv"
  if ! shoprec_python_has_modules "$py" && [ -x "$venv/bin/python" ]; then
    py="$venv/bin/python"
  fi
  if shoprec_python_has_modules "$py"; then
    SHOPREC_PYTHON="$py"
    return 0
  fi
  echo "installing Python packages: ${SHOPREC_PY_PACKAGES[*]}" >&2
  if "$py" -m pip --version >/dev/null 2>&1 &&
    "$py" -m pip install -q --disable-pip-version-check "${SHOPREC_PY_PACKAGES[@]}" >&2 &&
    shoprec_python_has_modules "$py"; then
    SHOPREC_PYTHON="$py"
    return 0
  fi
  echo "pip cannot install into $py; using a virtual environment in $venv" >&2
  if ! "$py" -m venv "$venv" >/dev/null 2>&1; then
    shoprec_apt_install_missing python3-venv python3-pip || return 1
    rm -rf "$venv"
    "$py" -m venv "$venv" || return 1
  fi
  "$venv/bin/python" -m pip install -q --disable-pip-version-check "${SHOPREC_PY_PACKAGES[@]}" >&2 ||
    return 1
  shoprec_python_has_modules "$venv/bin/python" || {
    echo "error: the Python packages did not install" >&2
    return 1
  }
  SHOPREC_PYTHON="$venv/bin/python"
}
