"""Starts `shoprec serve` on a free loopback port for the tests, and stops it.

The command line is `$SHOPREC_BIN $SHOPREC_SERVE_ARGS` with `{port}` replaced (defaults:
`.build/debug/shoprec` and `serve --port {port}`). Readiness is grpc.health.v1 Check("") ==
SERVING, polled with short per-probe deadlines and a bounded total wait.
"""

from __future__ import annotations

import os
import pathlib
import shlex
import socket
import subprocess
import tempfile
import time

import grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc

REPO_ROOT = pathlib.Path(__file__).resolve().parents[3]
DEFAULT_BIN = REPO_ROOT / ".build" / "debug" / "shoprec"
DEFAULT_SERVE_ARGS = "serve --port {port}"


class ServerStartError(RuntimeError):
    pass


def shoprec_bin() -> pathlib.Path:
    """The shoprec binary: $SHOPREC_BIN or .build/debug/shoprec (relative paths: repo root)."""
    path = pathlib.Path(os.environ.get("SHOPREC_BIN") or DEFAULT_BIN)
    return path if path.is_absolute() else REPO_ROOT / path


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def health_status(address: str, service: str = "", timeout: float = 1.0) -> str:
    """"SERVING", another status name, or the RPC error code name."""
    with grpc.insecure_channel(address) as channel:
        try:
            reply = health_pb2_grpc.HealthStub(channel).Check(
                health_pb2.HealthCheckRequest(service=service), timeout=timeout
            )
        except grpc.RpcError as error:
            return f"{error.code().name}: {error.details()}"
    return health_pb2.HealthCheckResponse.ServingStatus.Name(reply.status)


def wait_serving(address: str, timeout: float, process: subprocess.Popen | None = None) -> None:
    deadline = time.monotonic() + timeout
    last = "no answer"
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise ServerStartError(f"the server exited with code {process.returncode} ({last})")
        last = health_status(address)
        if last == "SERVING":
            return
        time.sleep(0.1)
    raise ServerStartError(f"{address} not SERVING after {timeout:g} s (last: {last})")


class ShoprecServer:
    """A `shoprec serve` child process on 127.0.0.1:<free port>."""

    def __init__(self, binary: pathlib.Path | None = None, start_timeout: float | None = None):
        self.binary = binary or shoprec_bin()
        self.start_timeout = start_timeout or float(os.environ.get("SHOPREC_START_TIMEOUT", "60"))
        self.port = free_port()
        self.address = f"127.0.0.1:{self.port}"
        self.process: subprocess.Popen | None = None
        self.log = tempfile.NamedTemporaryFile(prefix="shoprec-serve-", suffix=".log", delete=False)

    def command(self) -> list[str]:
        template = os.environ.get("SHOPREC_SERVE_ARGS") or DEFAULT_SERVE_ARGS
        return [str(self.binary)] + shlex.split(template.replace("{port}", str(self.port)))

    def log_tail(self, lines: int = 30) -> str:
        try:
            text = pathlib.Path(self.log.name).read_text(errors="replace")
        except OSError:
            return ""
        return "\n".join(text.splitlines()[-lines:])

    def start(self) -> "ShoprecServer":
        if not self.binary.exists():
            raise ServerStartError(
                f"no shoprec binary at {self.binary}: build it (`swift build`), set SHOPREC_BIN, "
                "or test a running server with --address HOST:PORT"
            )
        self.process = subprocess.Popen(
            self.command(), stdout=self.log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL
        )
        try:
            wait_serving(self.address, self.start_timeout, self.process)
        except ServerStartError as error:
            self.stop()
            raise ServerStartError(
                f"{' '.join(self.command())}: {error}\n--- server output ---\n{self.log_tail()}"
            ) from None
        return self

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
