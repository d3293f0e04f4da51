"""The load-test tools: grpc_loadgen against the C++ reference server, the body generator, the
report, and the health wait."""

from __future__ import annotations

import json
import struct
import subprocess
import sys

import pytest
from shoprec.v1 import recommendations_pb2

from harness_paths import FIXTURES, SCRIPTS
from shoprec_testlib.server import free_port

pytestmark = pytest.mark.harness


def frames(data: bytes) -> list[bytes]:
    out = []
    while data:
        flag, length = struct.unpack(">BI", data[:5])
        assert flag == 0
        out.append(data[5 : 5 + length])
        data = data[5 + length :]
    return out


def run(*args, timeout=60) -> subprocess.CompletedProcess:
    return subprocess.run([str(a) for a in args], capture_output=True, text=True, timeout=timeout)


# MARK: bodies


@pytest.fixture(scope="module")
def bodies(tmp_path_factory):
    out = tmp_path_factory.mktemp("bodies")
    result = run(
        sys.executable, SCRIPTS / "loadtest" / "gen_bodies.py", "--stubs", out / "stubs", "--out", out,
        "--products-csv", FIXTURES / "demo" / "products.csv", "--orders-csv", FIXTURES / "demo" / "orders.csv",
        "--count", "5", "--seed", "7",
    )
    assert result.returncode == 0, result.stderr
    return out


def test_bodies_ask_for_different_products(bodies):
    requests = [recommendations_pb2.SimilarRequest.FromString(m) for m in frames((bodies / "Similar.bin").read_bytes())]
    assert len(requests) == 5
    assert len({r.product_id for r in requests}) == 5
    assert {r.product_id for r in requests} <= {"p1", "p2", "p3", "p4", "a1", "a2", "t1"}
    assert all(r.limit == 10 for r in requests)
    assert (bodies / "Similar.first.bin").read_bytes() == (bodies / "Similar.bin").read_bytes()[
        : len((bodies / "Similar.first.bin").read_bytes())
    ]


def test_bought_together_baskets_come_from_orders_first(bodies):
    baskets = [
        list(recommendations_pb2.BoughtTogetherRequest.FromString(m).product_ids)
        for m in frames((bodies / "BoughtTogether.bin").read_bytes())
    ]
    assert len(baskets) == 5
    assert all(2 <= len(b) <= 4 and len(set(b)) == len(b) for b in baskets)
    from_orders = [set(b) for b in baskets[:2]]  # orders o1 and o2 have 2+ known items
    assert all(b <= {"p1", "a1", "t1"} for b in from_orders)


def test_synthetic_bodies(tmp_path):
    result = run(
        sys.executable, SCRIPTS / "loadtest" / "gen_bodies.py", "--stubs", tmp_path / "stubs", "--out", tmp_path,
        "--synthetic", "3", "--methods", "OnSale",
    )
    assert result.returncode == 0, result.stderr
    ids = sorted(recommendations_pb2.OnSaleRequest.FromString(m).product_id for m in frames((tmp_path / "OnSale.bin").read_bytes()))
    assert ids == ["P000001", "P000002", "P000003"]
    assert not (tmp_path / "Similar.bin").exists()


# MARK: grpc_loadgen


def loadgen(loadgen_bin, address, bodies, *extra):
    return run(
        loadgen_bin, "-a", address, "-p", "/shoprec.v1.Recommendations/Similar", "-f", bodies / "Similar.bin", *extra
    )


def test_loadgen_counts_ok_requests(loadgen_bin, reference, bodies):
    result = loadgen(loadgen_bin, reference, bodies, "-c", "2", "-m", "4", "-n", "400", "--warmup", "50", "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["ok"] == 400 and report["requests"] == 400
    assert report["warmup_completed"] >= 50
    assert report["errors"]["total"] == 0
    assert report["bodies"] == 5
    lat = report["latency_us"]
    assert 0 < lat["min"] <= lat["p50"] <= lat["p90"] <= lat["p99"] <= lat["p999"] <= lat["max"]
    assert report["rps"] > 0


def test_loadgen_duration_mode_and_server_cpu(loadgen_bin, reference_process, bodies):
    address, pid = reference_process
    result = loadgen(loadgen_bin, address, bodies, "-c", "1", "-m", "8", "-D", "1", "--warmup", "0.2s",
                     "--server-pid", pid, "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["seconds"] == pytest.approx(1.0, abs=0.01)
    assert report["ok"] > 100
    assert report["server_cpu_s"] >= 0 and "server_cpu_us_per_req" in report


def test_loadgen_counts_non_ok_status(loadgen_bin, reference, bodies):
    # the reference answers DEADLINE_EXCEEDED when it sees the deadline passed; with a 1n
    # timeout some calls may still win the race and be OK (gRPC core's deadlines are in ms)
    result = loadgen(loadgen_bin, reference, bodies, "-n", "200", "-H", "grpc-timeout: 1n", "--json")
    report = json.loads(result.stdout)
    assert report["requests"] == 200
    assert report["ok"] + report["errors"]["grpc_status"] == 200
    assert report["grpc_status_counts"].get("4", 0) == report["errors"]["grpc_status"]
    assert result.returncode == (1 if report["errors"]["grpc_status"] else 0)


def test_loadgen_refuses_connection_failure_clearly(loadgen_bin, bodies):
    result = loadgen(loadgen_bin, f"127.0.0.1:{free_port()}", bodies, "-n", "1")
    assert result.returncode == 2
    assert "cannot connect" in result.stderr


def test_loadgen_refuses_non_loopback(loadgen_bin, bodies):
    result = loadgen(loadgen_bin, "192.0.2.1:50051", bodies, "-n", "1")
    assert result.returncode == 2
    assert "refusing non-loopback" in result.stderr


def test_loadgen_rejects_unframed_bodies(loadgen_bin, reference, tmp_path):
    bad = tmp_path / "bad.bin"
    bad.write_bytes(b"\x07not a grpc frame")
    result = run(loadgen_bin, "-a", reference, "-p", "/x/y", "-f", bad, "-n", "1")
    assert result.returncode == 2
    assert "bad compressed flag" in result.stderr


# MARK: report and health wait

H2LOAD_SAMPLE = """
finished in 6.00s, 30621.40 req/s, 30.27MB/s
requests: 153107 total, 153107 started, 153107 done, 153100 succeeded, 7 failed, 0 errored, 0 timeout
status codes: 153100 2xx, 0 3xx, 0 4xx, 7 5xx
                     min         max         mean         sd        +/- sd
time for request:      412us     60.58ms     16.39ms      7.91ms    71.01%
"""


def test_report_reads_h2load_output(tmp_path):
    sample = tmp_path / "h2load.txt"
    sample.write_text(H2LOAD_SAMPLE)
    result = run(
        sys.executable, SCRIPTS / "loadtest" / "report.py", "record", "--tool", "h2load", "--input", sample,
        "--server", "reference", "--method", "Similar", "--level", "4x8", "--repeat", "1", "--server-cpu-s", "3.061",
    )
    row = json.loads(result.stdout)
    assert row["rps"] == 30621.40 and row["ok"] == 153100 and row["errors"] == 7
    assert row["max_us"] == pytest.approx(60580) and row["mean_us"] == pytest.approx(16390)
    assert row["cpu_us_per_req"] == pytest.approx(3.061e6 / 153100)
    assert row["p50_us"] is None


def test_report_table_takes_medians_and_ratios(tmp_path):
    rows = []
    for server, values in (("reference", (100, 300, 200)), ("shoprec", (400, 350, 500))):
        for repeat, rps in enumerate(values, 1):
            rows.append(dict(server=server, method="Similar", level="1x1", tool="loadgen", repeat=repeat,
                             rps=rps, cpu_us_per_req=1e6 / rps, p50_us=10, p99_us=20, max_us=30, errors=0))
    results = tmp_path / "results.jsonl"
    results.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    table = run(sys.executable, SCRIPTS / "loadtest" / "report.py", "table", results).stdout
    assert "| reference | Similar | 1x1 | loadgen | 200 | 5,000.0 |" in table
    assert "| shoprec | Similar | 1x1 | loadgen | 400 | 2,500.0 |" in table
    assert "| shoprec | Similar | 1x1 | loadgen | 2.00× | 0.50× | 1.00× |" in table


def test_wait_health_script(reference):
    ok = run(sys.executable, SCRIPTS / "loadtest" / "wait_health.py", "--address", reference, "--timeout", "10")
    assert ok.returncode == 0, ok.stderr
    closed = run(sys.executable, SCRIPTS / "loadtest" / "wait_health.py", "--address",
                 f"127.0.0.1:{free_port()}", "--timeout", "0.5")
    assert closed.returncode == 1 and "not SERVING" in closed.stderr
