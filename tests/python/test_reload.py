"""Snapshot reload under load, end to end: `shoprec build` writes snapshot files into the
directory of a running `shoprec serve --snapshot-dir`, Snapshots/Reload swaps them in while
grpcio clients hammer Similar from a thread pool, and a damaged file is refused
(FAILED_PRECONDITION) while the serving snapshot keeps answering. No call may fail.

This test starts its own server (it needs a snapshot directory), so it is skipped when the suite
tests a running server (--address).
"""

from __future__ import annotations

import concurrent.futures
import os
import pathlib
import subprocess
import threading
import time

import grpc
import pytest
from shoprec.v1 import recommendations_pb2, recommendations_pb2_grpc, snapshots_pb2, snapshots_pb2_grpc

from shoprec_testlib.server import ShoprecServer, shoprec_bin

CLIENT_THREADS = 4
MAX_CALLS = 40_000  # all threads together; the test stops long before in practice
MAX_SECONDS = 120
RPC_TIMEOUT = 10.0


class SnapshotDirServer(ShoprecServer):
    """`shoprec serve --snapshot-dir DIR` on a free port (no polling: only Reload swaps)."""

    def __init__(self, snapshot_dir: pathlib.Path):
        super().__init__()
        self.snapshot_dir = snapshot_dir

    def command(self) -> list[str]:
        return [
            str(self.binary), "serve", "--port", str(self.port),
            "--snapshot-dir", str(self.snapshot_dir), "--poll-interval", "3600",
        ]


def build_snapshots(demo_dir: pathlib.Path, outputs: list[tuple[pathlib.Path, list[str]]]) -> None:
    """`shoprec build` of the demo shop files into each output (with its extra options), the
    builds running side by side; each file is written atomically by the build."""
    inputs = []
    for name in ("products.csv", "categories.csv", "links.csv"):
        if (demo_dir / name).exists():
            inputs += ["--catalog", str(demo_dir / name)]
    inputs += ["--orders", str(demo_dir / "orders.csv")]
    running = []
    for out, extra in outputs:
        command = [str(shoprec_bin()), "build", "--out", str(out), *extra, *inputs]
        running.append((command, subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)))
    for command, process in running:
        output, _ = process.communicate(timeout=600)
        assert process.returncode == 0, f"{' '.join(command)} failed: {output[-2000:]}"


class Hammer:
    """Threads calling Similar with varied ids until stopped; counts calls, versions, failures."""

    def __init__(self, address: str, product_ids: list[str]):
        self.address = address
        self.product_ids = product_ids
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self.calls = 0
        self.versions: dict[str, int] = {}
        self.failures: list[str] = []
        self.pool = concurrent.futures.ThreadPoolExecutor(max_workers=CLIENT_THREADS)
        self.futures = []
        self.deadline = time.monotonic() + MAX_SECONDS

    def start(self) -> None:
        self.futures = [self.pool.submit(self._run, index) for index in range(CLIENT_THREADS)]

    def _run(self, index: int) -> None:
        # One channel (one HTTP/2 connection) per thread.
        with grpc.insecure_channel(self.address) as channel:
            stub = recommendations_pb2_grpc.RecommendationsStub(channel)
            position = index
            while not self.stop.is_set() and time.monotonic() < self.deadline:
                with self.lock:
                    if self.calls >= MAX_CALLS:
                        return
                product_id = self.product_ids[position % len(self.product_ids)]
                position += 7
                request = recommendations_pb2.SimilarRequest(product_id=product_id, limit=1 + position % 20)
                try:
                    response = stub.Similar(request, timeout=RPC_TIMEOUT)
                except grpc.RpcError as error:
                    with self.lock:
                        self.calls += 1
                        self.failures.append(f"{product_id}: {error.code().name} {error.details()}")
                    continue
                with self.lock:
                    self.calls += 1
                    self.versions[response.snapshot_version] = self.versions.get(response.snapshot_version, 0) + 1

    def seen(self, version: str) -> int:
        with self.lock:
            return self.versions.get(version, 0)

    def wait_for(self, condition, what: str) -> None:
        """Polls `condition` (bounded by the hammer's deadline)."""
        while not condition():
            assert time.monotonic() < self.deadline, f"timed out waiting for {what}"
            assert not all(f.done() for f in self.futures), f"the clients stopped before {what}"
            time.sleep(0.05)

    def finish(self) -> None:
        self.stop.set()
        for future in self.futures:
            future.result(timeout=RPC_TIMEOUT * 2)
        self.pool.shutdown()


def test_reload_under_load(pytestconfig, demo_shop, tmp_path):
    if pytestconfig.getoption("--address"):
        pytest.skip("tests a running server (--address): reload needs a server started with --snapshot-dir")
    snapshot_dir = tmp_path / "snapshots"
    snapshot_dir.mkdir()
    staging = tmp_path / "staging"
    staging.mkdir()
    # The second build uses other options, so its snapshot has another version.
    build_snapshots(
        demo_shop.directory,
        [(snapshot_dir / "a.shoprec", []), (staging / "b.shoprec", ["--popularity-half-life-days", "30"])],
    )
    server = SnapshotDirServer(snapshot_dir).start()
    hammer = None
    try:
        with grpc.insecure_channel(server.address) as channel:
            snapshots = snapshots_pb2_grpc.SnapshotsStub(channel)
            first = snapshots.Info(snapshots_pb2.InfoRequest(), timeout=RPC_TIMEOUT)
            assert first.path == str(snapshot_dir / "a.shoprec")

            hammer = Hammer(server.address, sorted(demo_shop.products))
            hammer.start()
            hammer.wait_for(lambda: hammer.seen(first.version) >= 200, "answers from the first snapshot")

            # The second build lands in the directory (renamed in, as a build job would), newer.
            a_time = (snapshot_dir / "a.shoprec").stat().st_mtime
            os.utime(staging / "b.shoprec", (a_time + 10, a_time + 10))
            os.replace(staging / "b.shoprec", snapshot_dir / "b.shoprec")
            reload = snapshots.Reload(snapshots_pb2.ReloadRequest(), timeout=RPC_TIMEOUT)
            assert reload.changed
            assert reload.previous_version == first.version
            second = reload.snapshot_version
            assert second and second != first.version
            hammer.wait_for(lambda: hammer.seen(second) >= 200, "answers from the second snapshot")

            # A damaged newer file: refused, the second snapshot keeps answering.
            damaged = bytearray((snapshot_dir / "b.shoprec").read_bytes())
            damaged[len(damaged) // 2] ^= 0x5A
            (snapshot_dir / "c.shoprec").write_bytes(bytes(damaged))
            os.utime(snapshot_dir / "c.shoprec", (a_time + 20, a_time + 20))
            with pytest.raises(grpc.RpcError) as refused:
                snapshots.Reload(snapshots_pb2.ReloadRequest(), timeout=RPC_TIMEOUT)
            assert refused.value.code() == grpc.StatusCode.FAILED_PRECONDITION
            assert "c.shoprec" in refused.value.details()
            assert second in refused.value.details(), "the refusal names what keeps serving"
            before = hammer.seen(second)
            hammer.wait_for(lambda: hammer.seen(second) >= before + 200, "answers after the refusal")
            hammer.finish()

            assert snapshots.Info(snapshots_pb2.InfoRequest(), timeout=RPC_TIMEOUT).version == second
    finally:
        if hammer is not None:
            hammer.stop.set()
        server.stop()

    print(
        f"reload under load: {hammer.calls} Similar calls from {CLIENT_THREADS} threads, "
        f"2 reloads (1 swap, 1 refusal), {len(hammer.failures)} failed; per version: {hammer.versions}"
    )
    assert not hammer.failures, f"{len(hammer.failures)} failed calls, e.g. {hammer.failures[:5]}"
    assert set(hammer.versions) == {first.version, second}
