"""Fixtures for shoprec's Python tests (grpcio, grpcio-health-checking, grpcio-reflection, h2).

Server under test: --address HOST:PORT (or $SHOPREC_ADDRESS) for a running server; otherwise
`$SHOPREC_BIN serve --port <free port>` is started for the session (see shoprec_testlib/server.py)
and stopped at the end. Demo shop files: --demo-dir DIR (or $SHOPREC_DEMO_DIR), otherwise
`$SHOPREC_BIN demo --out <tmp>`. The server must be serving the demo shop.

Stubs are generated from proto/shoprec/v1/*.proto into tests/python/generated/ (gitignored).
"""

from __future__ import annotations

import os
import pathlib
import subprocess
import sys

os.environ.setdefault("GRPC_VERBOSITY", "NONE")

import grpc  # noqa: E402
import pytest  # noqa: E402

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from shoprec_testlib import stubs  # noqa: E402

stubs.import_path()

from grpc_health.v1 import health_pb2_grpc  # noqa: E402
from shoprec.v1 import letters_pb2_grpc, recommendations_pb2_grpc, snapshots_pb2_grpc  # noqa: E402

from shoprec_testlib.demo_shop import DemoShop  # noqa: E402
from shoprec_testlib.server import ServerStartError, ShoprecServer, shoprec_bin  # noqa: E402


def pytest_addoption(parser):
    group = parser.getgroup("shoprec")
    group.addoption(
        "--address",
        default=os.environ.get("SHOPREC_ADDRESS"),
        help="test a running server at HOST:PORT instead of starting $SHOPREC_BIN serve",
    )
    group.addoption(
        "--demo-dir",
        default=os.environ.get("SHOPREC_DEMO_DIR"),
        help="the demo shop files (default: $SHOPREC_BIN demo --out <tmp>)",
    )


@pytest.fixture(scope="session")
def started_server(request):
    """The ShoprecServer started for the session, or None when testing --address."""
    if request.config.getoption("--address"):
        yield None
        return
    server = ShoprecServer()
    problem = None
    try:
        server.start()
    except ServerStartError as error:
        problem = str(error)
    if problem:
        pytest.fail(f"cannot start the server under test: {problem}", pytrace=False)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def address(request, started_server) -> str:
    return request.config.getoption("--address") or started_server.address


@pytest.fixture(scope="session")
def channel(address):
    with grpc.insecure_channel(address) as ch:
        yield ch


@pytest.fixture(scope="session")
def recommendations(channel):
    return recommendations_pb2_grpc.RecommendationsStub(channel)


@pytest.fixture(scope="session")
def snapshots(channel):
    return snapshots_pb2_grpc.SnapshotsStub(channel)


@pytest.fixture(scope="session")
def letters(channel):
    """For the Letters tests (to come)."""
    return letters_pb2_grpc.LettersStub(channel)


@pytest.fixture(scope="session")
def health(channel):
    return health_pb2_grpc.HealthStub(channel)


@pytest.fixture(scope="session")
def demo_shop(request, tmp_path_factory) -> DemoShop:
    directory = request.config.getoption("--demo-dir")
    if not directory:
        directory = tmp_path_factory.mktemp("demo")
        binary = shoprec_bin()
        if not binary.exists():
            pytest.fail(f"no shoprec binary at {binary} to write the demo shop files", pytrace=False)
        result = subprocess.run(
            [str(binary), "demo", "--out", str(directory)], capture_output=True, text=True, timeout=120
        )
        if result.returncode != 0:
            pytest.fail(
                f"`{binary} demo --out {directory}` failed ({result.returncode}): "
                f"{(result.stdout + result.stderr)[-2000:]}",
                pytrace=False,
            )
    try:
        shop = DemoShop(pathlib.Path(directory))
    except (FileNotFoundError, KeyError, ValueError) as error:
        pytest.fail(f"cannot read the demo shop files in {directory}: {error}", pytrace=False)
    if not shop.products:
        pytest.fail(f"{directory}/products.csv lists no products", pytrace=False)
    return shop
