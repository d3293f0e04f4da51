"""Fixtures for the harness tests: the tooling itself (raw HTTP/2 client, server start-up, demo
file reader, load generator, body generator, report), checked against the C++ reference server
(Benchmarks/reference) because shoprec's own server may not exist yet.

The reference server and grpc_loadgen are built with make when stale; tests needing them skip
with the reason when they cannot be built (no g++ / libgrpc++-dev / libnghttp2-dev).
"""

from __future__ import annotations

import pathlib
import subprocess
import sys

import pytest

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from harness_paths import LOADGEN_DIR, REFERENCE_DIR, REFERENCE_PAYLOAD_BYTES  # noqa: E402
from shoprec_testlib.server import free_port, wait_serving  # noqa: E402


def build(directory: pathlib.Path, product: str) -> pathlib.Path:
    result = subprocess.run(["make", "-s", "-C", str(directory)], capture_output=True, text=True, timeout=600)
    binary = directory / "build" / product
    if result.returncode != 0 or not binary.exists():
        pytest.skip(f"cannot build {product}: {(result.stdout + result.stderr)[-500:]}")
    return binary


@pytest.fixture(scope="session")
def reference_bin() -> pathlib.Path:
    return build(REFERENCE_DIR, "reference_server")


@pytest.fixture(scope="session")
def loadgen_bin() -> pathlib.Path:
    return build(LOADGEN_DIR, "grpc_loadgen")


@pytest.fixture(scope="session")
def reference_process(reference_bin):
    """A running reference server (1000-byte answers, Health/Check SERVING): (address, pid)."""
    port = free_port()
    process = subprocess.Popen(
        [str(reference_bin), "--port", str(port), "--payload-bytes", str(REFERENCE_PAYLOAD_BYTES)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    address = f"127.0.0.1:{port}"
    try:
        wait_serving(address, 30, process)
        yield address, process.pid
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="session")
def reference(reference_process) -> str:
    return reference_process[0]
