#!/usr/bin/env bash
# Installs the Debian packages shoprec needs, only those missing:
#   libnghttp2-dev (the HTTP/2 library the server runs on), zlib1g-dev (gzip messages),
#   libxml2-dev (FoundationXML, for XML feeds), pkg-config;
# with --test also the tools the tests use: nghttp2-client (h2load), python3-venv.
# Run as root (CI, containers); otherwise prints what is missing.
set -euo pipefail
packages=(libnghttp2-dev zlib1g-dev libxml2-dev pkg-config)
if [ "${1:-}" = "--test" ]; then
  packages+=(nghttp2-client)
fi
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "installing: ${missing[*]}" >&2
if [ "$(id -u)" != 0 ]; then
  echo "not root: install them with: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get install -y -qq "${missing[@]}" >/dev/null 2>&1 || {
  apt-get update -qq >/dev/null
  apt-get install -y -qq "${missing[@]}" >/dev/null
}
