#!/usr/bin/env python3
"""Summarises a reload-under-load run (scripts/reloadtest.sh): one row per load window, each
window classed by when it ran against the reload (before SIGHUP, while loading, holding the
swap, after), and the ratios of the p99 while reloading to the steady p99 before it.

    reload_report.py RAW_DIR WINDOWS SIGHUP_TIME LOAD_SECONDS LEVEL METHOD WINDOW_SECONDS

RAW_DIR holds window-N.json (grpc_loadgen --json) and window-N.start (Unix time of the start).
LOAD_SECONDS is the server's total-seconds for the new snapshot (0 when it was not swapped in).
Exits 1 on a failed request, a missing window or a reload that did not finish in the run.
"""

import json
import os
import statistics
import sys


def main() -> None:
    raw, windows, sighup, load, level, method, length = sys.argv[1:8]
    windows, sighup, load, length = int(windows), float(sighup), float(load), float(length)
    rows = []
    for w in range(1, windows + 1):
        try:
            with open(os.path.join(raw, "window-%d.json" % w)) as f:
                r = json.load(f)
            with open(os.path.join(raw, "window-%d.start" % w)) as f:
                start = float(f.read())
        except (OSError, ValueError) as error:
            print("window %d: no result (%s)" % (w, error))
            sys.exit(1)
        rows.append(dict(start=start, rps=r["rps"], ok=r["ok"], errors=r["errors"]["total"],
                         p50=r["latency_us"]["p50"], p99=r["latency_us"]["p99"],
                         max=r["latency_us"]["max"]))
    swap = sighup + load if load > 0 else None

    def phase(r: dict) -> str:
        end = r["start"] + length + 0.05
        if swap is not None and r["start"] <= swap <= end:
            return "swap"
        if sighup and end >= sighup and (swap is None or r["start"] <= swap):
            return "loading"
        return "before" if r["start"] < sighup else "after"

    print("| window | phase | req/s | p50 µs | p99 µs | max µs | errors |")
    print("|---:|---|---:|---:|---:|---:|---:|")
    for w, r in enumerate(rows, 1):
        print("| %d | %s | %.0f | %.0f | %.0f | %.0f | %d |" % (
            w, phase(r), r["rps"], r["p50"], r["p99"], r["max"], r["errors"]))
    errors = sum(r["errors"] for r in rows)
    print()
    print("%s %s: %d OK requests, %d failed." % (method, level, sum(r["ok"] for r in rows), errors))
    steady = [r for w, r in enumerate(rows, 1) if w > 1 and phase(r) == "before"]
    if not steady:
        print("no steady windows before the reload")
        sys.exit(1)
    steady_p99 = statistics.median(r["p99"] for r in steady)
    print("steady (before SIGHUP, first window skipped): p99 %.0f µs, %.0f req/s (medians of %d)"
          % (steady_p99, statistics.median(r["rps"] for r in steady), len(steady)))
    if swap is None:
        print("the new snapshot was NOT swapped in during the run (give more --windows)")
        sys.exit(1)
    during = [r for r in rows if phase(r) in ("loading", "swap")]
    worst = max(r["p99"] for r in during)
    print("reload: SIGHUP to swap %.1f s; windows in it: worst p99 %.0f µs = %.2fx steady, "
          "median p99 %.0f µs = %.2fx, median req/s %.0f" % (
              load, worst, worst / steady_p99, statistics.median(r["p99"] for r in during),
              statistics.median(r["p99"] for r in during) / steady_p99,
              statistics.median(r["rps"] for r in during)))
    for r in rows:
        if phase(r) == "swap":
            print("window holding the swap: p99 %.0f µs = %.2fx steady, max %.0f µs" % (
                r["p99"], r["p99"] / steady_p99, r["max"]))
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
