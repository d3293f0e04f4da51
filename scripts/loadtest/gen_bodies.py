#!/usr/bin/env python3
"""Writes gRPC-framed request bodies for the load test, one file per method.

Each file is a concatenation of gRPC messages (1 byte flag 0, 4 byte big-endian length, the
protobuf bytes), each asking about a different product, for grpc_loadgen -f; `<Method>.first.bin`
holds the first one alone, for h2load -d (which posts one fixed body).

Product ids come from a products CSV (canonical `id` column, as `shoprec demo --out DIR`
writes); BoughtTogether baskets of 2-4 ids come from real orders when an orders CSV is given
(`order_id`, `product_id` columns), else from random products. With --synthetic N, ids are made
up (`P000001`...): enough for the reference server, which ignores the request.

    gen_bodies.py --stubs DIR --out DIR (--products-csv FILE [--orders-csv FILE] | --synthetic N)
                  [--count 20000] [--limit 10] [--seed 1] [--methods Similar,OnSale,...]
"""

from __future__ import annotations

import argparse
import collections
import csv
import itertools
import pathlib
import random
import struct
import sys

METHODS = ["Similar", "OnSale", "Accessories", "Replacements", "BoughtTogether"]
csv.field_size_limit(1 << 30)


def frame(message: bytes) -> bytes:
    return struct.pack(">BI", 0, len(message)) + message


def read_product_ids(path: pathlib.Path) -> list[str]:
    with path.open(newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        column = next((c for c in ("id", "product_id") if c in (reader.fieldnames or [])), None)
        if column is None:
            sys.exit(f"{path}: no `id` column in header {reader.fieldnames}")
        ids = [row[column] for row in reader if row.get(column)]
    if not ids:
        sys.exit(f"{path}: no products")
    return list(dict.fromkeys(ids))


MAX_ORDER_ROWS = 1_000_000


def read_baskets(path: pathlib.Path, known: set[str], rng: random.Random, count: int) -> list[list[str]]:
    orders: dict[str, list[str]] = collections.defaultdict(list)
    with path.open(newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        # The first lines give baskets enough (a 20M-line file would take minutes and GBs).
        for row in itertools.islice(reader, MAX_ORDER_ROWS):
            pid, oid = row.get("product_id"), row.get("order_id")
            if pid in known and oid and pid not in orders[oid]:
                orders[oid].append(pid)
    multi = [items for items in orders.values() if len(items) >= 2]
    rng.shuffle(multi)
    baskets = []
    for items in multi[:count]:
        baskets.append(rng.sample(items, min(len(items), rng.randint(2, 4))))
    return baskets


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stubs", required=True, type=pathlib.Path, help="folder for generated stubs")
    parser.add_argument("--out", required=True, type=pathlib.Path)
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--products-csv", type=pathlib.Path)
    source.add_argument("--synthetic", type=int, metavar="N")
    parser.add_argument("--orders-csv", type=pathlib.Path)
    parser.add_argument("--count", type=int, default=20000, help="bodies per method (at most)")
    parser.add_argument("--limit", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--methods", default=",".join(METHODS))
    args = parser.parse_args()

    sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "tests" / "python"))
    from shoprec_testlib import stubs

    stubs.import_path(args.stubs)
    from shoprec.v1 import recommendations_pb2 as rec

    rng = random.Random(args.seed)
    if args.products_csv:
        ids = read_product_ids(args.products_csv)
    else:
        ids = [f"P{i:06d}" for i in range(1, args.synthetic + 1)]
    rng.shuffle(ids)
    singles = [ids[i % len(ids)] for i in range(min(args.count, max(len(ids), 1)))]

    baskets: list[list[str]] = []
    if args.orders_csv and args.orders_csv.exists():
        baskets = read_baskets(args.orders_csv, set(ids), rng, args.count)
    while len(baskets) < min(args.count, max(len(ids), 2)):
        baskets.append(rng.sample(ids, min(len(ids), rng.randint(2, 4))))

    requests = {
        "Similar": lambda pid: rec.SimilarRequest(product_id=pid, limit=args.limit),
        "OnSale": lambda pid: rec.OnSaleRequest(product_id=pid, limit=args.limit),
        "Accessories": lambda pid: rec.AccessoriesRequest(product_id=pid, limit=args.limit),
        "Replacements": lambda pid: rec.ReplacementsRequest(product_id=pid, limit=args.limit),
    }
    args.out.mkdir(parents=True, exist_ok=True)
    for method in [m for m in args.methods.split(",") if m]:
        if method == "BoughtTogether":
            messages = [rec.BoughtTogetherRequest(product_ids=b, limit=args.limit) for b in baskets]
        elif method in requests:
            messages = [requests[method](pid) for pid in singles]
        else:
            sys.exit(f"unknown method {method}; known: {', '.join(METHODS)}")
        frames = [frame(m.SerializeToString()) for m in messages]
        (args.out / f"{method}.bin").write_bytes(b"".join(frames))
        (args.out / f"{method}.first.bin").write_bytes(frames[0])
        print(f"{method}: {len(frames)} bodies -> {args.out / (method + '.bin')}", file=sys.stderr)


if __name__ == "__main__":
    main()
