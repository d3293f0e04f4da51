#!/usr/bin/env python3
"""Load-test results: turns one run's output into a JSON line, and JSON lines into Markdown.

    report.py record --tool loadgen|h2load --input OUT --server S --method M --level CxM \
                     --repeat R [--server-cpu-s SECONDS]        >> results.jsonl
    report.py table results.jsonl [--baseline reference]

`record` reads grpc_loadgen's --json output, or h2load's text output (h2load gives no
percentiles: p50 and p99 stay empty; its "succeeded" only means HTTP 2xx, not grpc-status 0; the
server CPU time of an h2load run is sampled by the caller over the measured window).
`table` prints the median of each figure over the repeats (errors are summed), then the ratios of
every other server to the baseline server for req/s and CPU per request.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys

UNITS = {"us": 1.0, "ms": 1e3, "s": 1e6}


def parse_h2load(text: str) -> dict:
    finished = re.search(r"finished in ([\d.]+)s, ([\d.]+) req/s", text)
    requests = re.search(
        r"requests: (\d+) total, (\d+) started, (\d+) done, (\d+) succeeded, (\d+) failed, "
        r"(\d+) errored, (\d+) timeout",
        text,
    )
    if not finished or not requests:
        raise ValueError("not h2load output (no 'finished in' / 'requests:' lines)")
    latency = re.search(
        r"time for request:\s+([\d.]+)(us|ms|s)\s+([\d.]+)(us|ms|s)\s+([\d.]+)(us|ms|s)", text
    )
    done, succeeded = int(requests.group(3)), int(requests.group(4))
    failed, errored, timeout = (int(requests.group(i)) for i in (5, 6, 7))
    result = {
        "rps": float(finished.group(2)),
        "requests": done,
        "ok": succeeded,
        # "succeeded" counts 2xx responses; "failed" includes "errored" and "timeout".
        "errors": max(done - succeeded, failed, errored + timeout),
        "p50_us": None,
        "p99_us": None,
        "max_us": None,
        "mean_us": None,
    }
    if latency:
        result["max_us"] = float(latency.group(3)) * UNITS[latency.group(4)]
        result["mean_us"] = float(latency.group(5)) * UNITS[latency.group(6)]
    return result


def parse_loadgen(text: str) -> dict:
    data = json.loads(text)
    lat = data["latency_us"]
    return {
        "rps": data["rps"],
        "requests": data["requests"],
        "ok": data["ok"],
        "errors": data["errors"]["total"],
        "p50_us": lat["p50"],
        "p99_us": lat["p99"],
        "max_us": lat["max"],
        "mean_us": lat["mean"],
        "cpu_us_per_req": data.get("server_cpu_us_per_req"),
        "client_cpu_s": data.get("client_cpu_s"),
        "seconds": data["seconds"],
    }


def record(args: argparse.Namespace) -> None:
    text = open(args.input, encoding="utf-8", errors="replace").read()
    try:
        result = parse_loadgen(text) if args.tool == "loadgen" else parse_h2load(text)
    except (ValueError, KeyError, json.JSONDecodeError) as error:
        result = {"rps": 0.0, "requests": 0, "ok": 0, "errors": 1, "failed": f"{error}"}
    if args.tool == "h2load":
        result["cpu_us_per_req"] = (
            args.server_cpu_s * 1e6 / result["ok"]
            if args.server_cpu_s is not None and result.get("ok")
            else None
        )
    result.update(
        tool=args.tool, server=args.server, method=args.method, level=args.level, repeat=args.repeat
    )
    print(json.dumps(result))


def fmt(value, digits: int = 0) -> str:
    if value is None:
        return "–"
    if digits == 0:
        return f"{value:,.0f}"
    return f"{value:,.{digits}f}"


def median(rows: list[dict], key: str):
    values = [r[key] for r in rows if r.get(key) is not None]
    return statistics.median(values) if values else None


def table(args: argparse.Namespace) -> None:
    rows = [json.loads(line) for line in open(args.results) if line.strip()]
    if not rows:
        sys.exit("no results")
    order: dict[str, list[str]] = {"method": [], "level": [], "tool": [], "server": []}
    for r in rows:
        for key, seen in order.items():
            if r[key] not in seen:
                seen.append(r[key])
    groups: dict[tuple, list[dict]] = {}
    for r in rows:
        groups.setdefault((r["method"], r["level"], r["tool"], r["server"]), []).append(r)

    def sort_key(k):
        return tuple(order[name].index(v) for name, v in zip(("method", "level", "tool", "server"), k))

    print("| server | method | level | tool | req/s | CPU µs/req | p50 µs | p99 µs | max µs | errors | runs |")
    print("|---|---|---|---|---:|---:|---:|---:|---:|---:|---:|")
    medians: dict[tuple, dict] = {}
    for key in sorted(groups, key=sort_key):
        method, level, tool, server = key
        rs = groups[key]
        m = {
            "rps": median(rs, "rps"),
            "cpu": median(rs, "cpu_us_per_req"),
            "p50": median(rs, "p50_us"),
            "p99": median(rs, "p99_us"),
            "max": median(rs, "max_us"),
            "errors": sum(r.get("errors") or 0 for r in rs),
        }
        medians[key] = m
        print(
            f"| {server} | {method} | {level} | {tool} | {fmt(m['rps'])} | {fmt(m['cpu'], 1)} | "
            f"{fmt(m['p50'])} | {fmt(m['p99'])} | {fmt(m['max'])} | {m['errors']} | {len(rs)} |"
        )
    others = [s for s in order["server"] if s != args.baseline]
    if args.baseline not in order["server"] or not others:
        return
    print()
    print(f"Ratios to {args.baseline} (medians; req/s: higher is better, CPU per request: lower is better)")
    print()
    print("| server | method | level | tool | req/s ratio | CPU/req ratio | p99 ratio |")
    print("|---|---|---|---|---:|---:|---:|")

    def ratio(a, b):
        return f"{a / b:.2f}×" if a is not None and b else "–"

    for key in sorted(medians, key=sort_key):
        method, level, tool, server = key
        base = medians.get((method, level, tool, args.baseline))
        if server == args.baseline or base is None:
            continue
        m = medians[key]
        print(
            f"| {server} | {method} | {level} | {tool} | {ratio(m['rps'], base['rps'])} | "
            f"{ratio(m['cpu'], base['cpu'])} | {ratio(m['p99'], base['p99'])} |"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    rec = sub.add_parser("record")
    rec.add_argument("--tool", choices=["loadgen", "h2load"], required=True)
    rec.add_argument("--input", required=True)
    rec.add_argument("--server", required=True)
    rec.add_argument("--method", required=True)
    rec.add_argument("--level", required=True)
    rec.add_argument("--repeat", type=int, required=True)
    rec.add_argument("--server-cpu-s", type=float)
    tab = sub.add_parser("table")
    tab.add_argument("results")
    tab.add_argument("--baseline", default="reference")
    args = parser.parse_args()
    record(args) if args.command == "record" else table(args)


if __name__ == "__main__":
    main()
