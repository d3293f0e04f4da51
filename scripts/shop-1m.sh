#!/usr/bin/env bash
# The shop-scale test data, made once and cached: a synthetic shop of 1M products and 20M order
# lines (`shoprec generate --seed 1`) and its snapshot (`shoprec build`), in $SHOP_1M_DIR
# (default .build-shop-1m, about 4 GB; 2-3 minutes the first time). Prints the directory.
#
#   scripts/shop-1m.sh            # -> .build-shop-1m/{categories,products,links,orders}.csv, shop.shoprec
#   scripts/shop-1m.sh --next     # also shop-next.shoprec: the same inputs built again (a newer
#                                 # version, for reload tests)
#
# Environment: SHOPREC_BIN (default .build/release/shoprec, built here when missing).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DIR="${SHOP_1M_DIR:-$ROOT/.build-shop-1m}"
NEXT=0
[ "${1:-}" = "--next" ] && NEXT=1
SHOPREC_BIN="${SHOPREC_BIN:-$ROOT/.build/release/shoprec}"
if [ ! -x "$SHOPREC_BIN" ]; then
  (cd "$ROOT" && swift build -c release --product shoprec >&2)
fi
log() { echo "[shop-1m] $*" >&2; }

build_snapshot() {
  "$SHOPREC_BIN" build --catalog "$DIR/categories.csv" --catalog "$DIR/products.csv" \
    --catalog "$DIR/links.csv" --orders "$DIR/orders.csv" --out "$1" >&2
}

mkdir -p "$DIR"
if [ ! -f "$DIR/orders.csv" ]; then
  log "generating 1M products and 20M order lines in $DIR"
  "$SHOPREC_BIN" generate --products 1000000 --orders 20000000 --seed 1 --out "$DIR" >&2
fi
# A snapshot of an older format version (or a damaged one) is rebuilt.
current() { [ -f "$1" ] && "$SHOPREC_BIN" inspect "$1" >/dev/null 2>&1; }
if ! current "$DIR/shop.shoprec"; then
  log "building $DIR/shop.shoprec"
  build_snapshot "$DIR/shop.shoprec"
fi
if [ "$NEXT" = 1 ] && ! current "$DIR/shop-next.shoprec"; then
  log "building $DIR/shop-next.shoprec"
  build_snapshot "$DIR/shop-next.shoprec"
fi
echo "$DIR"
