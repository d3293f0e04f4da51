#!/usr/bin/env bash
# A stand-in for the shoprec binary, backed by the C++ reference server, to test the test and
# load-test scripts themselves before the real server exists:
#   fake_shoprec.sh serve --port P [ignored...]  -> Benchmarks/reference/build/reference_server --port P
#   fake_shoprec.sh demo --out DIR               -> a tiny products.csv, categories.csv, orders.csv
# Use: SHOPREC_BIN=tests/python/harness/fake_shoprec.sh scripts/loadtest.sh --no-build ...
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
case "${1:-}" in
  serve)
    shift
    port=50051
    while [ $# -gt 0 ]; do
      case "$1" in --port) port="$2"; shift 2 ;; *) shift ;; esac
    done
    make -s -C "$ROOT/Benchmarks/reference" >&2
    exec "$ROOT/Benchmarks/reference/build/reference_server" --port "$port"
    ;;
  demo)
    [ "${2:-}" = --out ] && [ -n "${3:-}" ] || { echo "usage: demo --out DIR" >&2; exit 2; }
    mkdir -p "$3"
    {
      echo "id,title,category_id,brand,price,sale_price,in_stock"
      for i in $(seq 1 50); do
        echo "F$i,Fake product $i,c$((i % 5)),Brand$((i % 3)),$((100 + i)).00,,true"
      done
    } >"$3/products.csv"
    printf 'id,name,parent_id\nc0,Root,\nc1,One,c0\nc2,Two,c0\nc3,Three,c1\nc4,Four,c1\n' \
      >"$3/categories.csv"
    {
      echo "order_id,customer_id,product_id,quantity,price,timestamp"
      for i in $(seq 1 40); do
        echo "o$i,u$((i % 7)),F$i,1,$((100 + i)).00,2026-01-0$((i % 9 + 1))T10:00:00Z"
        echo "o$i,u$((i % 7)),F$((i + 1)),1,$((101 + i)).00,2026-01-0$((i % 9 + 1))T10:00:00Z"
      done
    } >"$3/orders.csv"
    ;;
  *)
    echo "fake shoprec: only 'serve' and 'demo' are faked" >&2
    exit 2
    ;;
esac
