"""Bulk ComposeStream with the C++ gRPC client (letters_bulk_client.cc), and server CPU readings.

The grpcio Python client tops out at a few thousand streamed messages per second, well below
the server; the C++ client (built here with g++, libgrpc++-dev, protoc and grpc_cpp_plugin, into
tests/python/generated/, rebuilt when its source or the protos change) lets the server set the
pace. `build_client` returns None with the reason when the tools are missing.
"""

from __future__ import annotations

import hashlib
import json
import os
import pathlib
import shutil
import struct
import subprocess

HERE = pathlib.Path(__file__).resolve().parent
REPO_ROOT = HERE.parents[2]
SOURCE = HERE / "letters_bulk_client.cc"
PROTOS = ["shoprec/v1/letters.proto", "shoprec/v1/common.proto"]
BUILD_DIR = REPO_ROOT / "tests" / "python" / "generated" / "letters_bulk_client"


def build_client() -> tuple[pathlib.Path | None, str]:
    """The client binary (built when stale), or None and why it cannot be built."""
    for tool in ("g++", "protoc", "grpc_cpp_plugin", "pkg-config"):
        if shutil.which(tool) is None:
            return None, f"{tool} is missing (apt-get install g++ libgrpc++-dev protobuf-compiler-grpc)"
    flags = subprocess.run(
        ["pkg-config", "--cflags", "--libs", "grpc++", "protobuf"], capture_output=True, text=True
    )
    if flags.returncode != 0:
        return None, "pkg-config finds no grpc++ (apt-get install libgrpc++-dev)"
    digest = hashlib.sha256(SOURCE.read_bytes())
    for proto in PROTOS:
        digest.update((REPO_ROOT / "proto" / proto).read_bytes())
    binary = BUILD_DIR / f"letters_bulk_client-{digest.hexdigest()[:16]}"
    if binary.exists():
        return binary, ""
    BUILD_DIR.mkdir(parents=True, exist_ok=True)
    steps = [
        ["protoc", "-I", str(REPO_ROOT / "proto"), "-I", "/usr/include", f"--cpp_out={BUILD_DIR}",
         f"--grpc_out={BUILD_DIR}", f"--plugin=protoc-gen-grpc={shutil.which('grpc_cpp_plugin')}", *PROTOS],
        ["g++", "-O2", "-std=c++17", f"-I{BUILD_DIR}", str(SOURCE),
         *(str(BUILD_DIR / p.replace(".proto", suffix)) for p in PROTOS for suffix in (".pb.cc",)),
         str(BUILD_DIR / "shoprec/v1/letters.grpc.pb.cc"), "-o", str(binary),
         *flags.stdout.split(), "-lpthread"],
    ]
    for step in steps:
        result = subprocess.run(step, capture_output=True, text=True, timeout=600)
        if result.returncode != 0:
            return None, f"`{' '.join(step[:3])} ...` failed: {(result.stdout + result.stderr)[-1500:]}"
    return binary, ""


def write_requests(requests, path: pathlib.Path) -> int:
    """Writes serialized requests, each after a 4-byte little-endian length; returns the count."""
    count = 0
    with path.open("wb") as f:
        for request in requests:
            data = request.SerializeToString()
            f.write(struct.pack("<I", len(data)) + data)
            count += 1
    return count


def run_client(binary: pathlib.Path, address: str, requests_file: pathlib.Path) -> dict:
    """Runs one bulk stream; returns the client's summary (letters, errors, blocks, in_order, seconds)."""
    result = subprocess.run([str(binary), address, str(requests_file)], capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, f"letters_bulk_client failed: {result.stderr[-2000:]}"
    return json.loads(result.stdout.strip().splitlines()[-1])


def cpu_seconds(pid: int | None) -> float | None:
    """User + system CPU seconds the process has used (Linux /proc), or None."""
    if pid is None:
        return None
    try:
        fields = pathlib.Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
