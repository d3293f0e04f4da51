#!/usr/bin/env python3
"""Waits until a gRPC server answers grpc.health.v1.Health/Check("") with SERVING.

    wait_health.py --address 127.0.0.1:50051 [--timeout 60] [--pid PID]

Exits 0 when SERVING; 1 when the timeout passes or the process PID exits first. Each probe has
its own short deadline; the whole wait is bounded by --timeout.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

os.environ.setdefault("GRPC_VERBOSITY", "NONE")

import grpc  # noqa: E402
from grpc_health.v1 import health_pb2, health_pb2_grpc  # noqa: E402


def alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except (FileNotFoundError, IndexError):
        return False


def wait(address: str, timeout: float, pid: int | None = None, service: str = "") -> str:
    """Returns "" when SERVING, else why not."""
    deadline = time.monotonic() + timeout
    last = "no answer"
    while time.monotonic() < deadline:
        if pid is not None and not alive(pid):
            return f"process {pid} exited ({last})"
        with grpc.insecure_channel(address) as channel:
            stub = health_pb2_grpc.HealthStub(channel)
            try:
                reply = stub.Check(health_pb2.HealthCheckRequest(service=service), timeout=1.0)
                if reply.status == health_pb2.HealthCheckResponse.SERVING:
                    return ""
                last = f"status {health_pb2.HealthCheckResponse.ServingStatus.Name(reply.status)}"
            except grpc.RpcError as error:
                last = f"{error.code().name}: {error.details()}"
        time.sleep(0.1)
    return f"not SERVING after {timeout:g} s ({last})"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--address", required=True)
    parser.add_argument("--timeout", type=float, default=60)
    parser.add_argument("--pid", type=int)
    args = parser.parse_args()
    why = wait(args.address, args.timeout, args.pid)
    if why:
        print(f"{args.address}: {why}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
