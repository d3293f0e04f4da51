"""The raw HTTP/2 client, start-up helpers and demo-file reader, checked against the C++ reference
server and hand-written fixture files."""

from __future__ import annotations

import datetime
import os
import pathlib
import socket
import stat
import time

import grpc
import pytest
from shoprec.v1 import recommendations_pb2, recommendations_pb2_grpc

from harness_paths import FAKE_SHOPREC, FIXTURES, REFERENCE_PAYLOAD_BYTES
from shoprec_testlib import stubs
from shoprec_testlib.demo_shop import DemoShop, parse_bool
from shoprec_testlib.raw_h2 import RawConnection, grpc_frame, unary_call
from shoprec_testlib.server import ServerStartError, ShoprecServer, free_port, health_status, wait_serving

pytestmark = pytest.mark.harness
PATH = "/shoprec.v1.Recommendations/Similar"
BODY = grpc_frame(recommendations_pb2.SimilarRequest(product_id="p1").SerializeToString())


# MARK: stubs


def test_stubs_generate_every_service(tmp_path):
    out = stubs.generate(tmp_path / "gen")
    names = sorted(p.name for p in (out / "shoprec" / "v1").glob("*_pb2*.py"))
    for proto in ("common", "letters", "recommendations", "snapshots"):
        assert f"{proto}_pb2.py" in names and f"{proto}_pb2_grpc.py" in names
    service = recommendations_pb2.DESCRIPTOR.services_by_name["Recommendations"]
    assert [m.name for m in service.methods] == ["Similar", "OnSale", "Accessories", "Replacements", "BoughtTogether"]


def test_stubs_are_not_regenerated_when_fresh(tmp_path):
    out = stubs.generate(tmp_path / "gen")
    target = out / "shoprec" / "v1" / "common_pb2.py"
    before = target.stat().st_mtime_ns
    time.sleep(0.01)  # mtime granularity, not synchronisation
    stubs.generate(out)
    assert target.stat().st_mtime_ns == before


# MARK: raw HTTP/2 client against C++ gRPC


def test_raw_call_to_reference(reference):
    response = unary_call(reference, PATH, BODY)
    assert response.http_status == 200
    assert response.headers["content-type"] == "application/grpc"
    assert response.trailers == {"grpc-status": "0"}
    [(flag, message)] = response.messages()
    assert flag == 0 and len(message) == REFERENCE_PAYLOAD_BYTES
    assert len(recommendations_pb2.RecommendResponse.FromString(message).items) == 0  # unknown field only


def test_raw_many_streams_on_one_connection(reference):
    with RawConnection(reference) as connection:
        streams = [connection.start_call(PATH) for _ in range(20)]
        assert streams == list(range(1, 40, 2))
        for sid in streams:
            connection.send(sid, BODY)
        assert [connection.wait(sid).grpc_status for sid in streams] == [0] * 20


def test_raw_tiny_deadline_reaches_cpp_grpc(reference):
    # gRPC core keeps deadlines in whole milliseconds, so a 1n timeout races with the handler:
    # the answer is OK or DEADLINE_EXCEEDED (shoprec must always say DEADLINE_EXCEEDED). When the
    # timer wins, C++ gRPC 1.51 sends the trailers, RST_STREAM, then more HEADERS on the closed
    # stream; the raw client must keep the first trailers.
    statuses = [
        unary_call(reference, PATH, BODY, metadata=[("grpc-timeout", "1n")]).grpc_status for _ in range(20)
    ]
    assert set(statuses) <= {0, 4}, statuses


def test_raw_wait_times_out_without_an_answer(reference):
    with RawConnection(reference) as connection:
        sid = connection.start_call(PATH)
        connection.send(sid, BODY[:3], end_stream=False)  # half a frame header: nothing to answer
        started = time.monotonic()
        response = connection.wait(sid, timeout=0.3)
    assert response.timed_out and response.grpc_status is None
    assert time.monotonic() - started < 3


def test_grpcio_oversized_request_is_resource_exhausted_on_cpp_grpc(reference):
    with grpc.insecure_channel(reference) as channel:
        stub = recommendations_pb2_grpc.RecommendationsStub(channel)
        with pytest.raises(grpc.RpcError) as caught:
            stub.BoughtTogether(
                recommendations_pb2.BoughtTogetherRequest(product_ids=["a" * (3 << 20), "b" * (2 << 20)]), timeout=30
            )
    assert caught.value.code() == grpc.StatusCode.RESOURCE_EXHAUSTED


def test_grpcio_gzip_call_to_reference(reference):
    with grpc.insecure_channel(reference) as channel:
        stub = recommendations_pb2_grpc.RecommendationsStub(channel)
        reply = stub.Similar(
            recommendations_pb2.SimilarRequest(product_id="p1"), timeout=10, compression=grpc.Compression.Gzip
        )
    assert len(reply.items) == 0 and reply.snapshot_version == ""


def test_garbage_closes_the_connection_and_reference_keeps_serving(reference):
    host, port = reference.rsplit(":", 1)
    with socket.create_connection((host, int(port)), timeout=5) as sock:
        sock.sendall(b"GET / HTTP/1.0\r\n\r\n" + bytes(range(256)) * 4)
        received = b""
        while True:
            try:
                chunk = sock.recv(65536)
            except ConnectionResetError:
                break
            if not chunk:
                break
            received += chunk
    assert unary_call(reference, PATH, BODY).grpc_status == 0


# MARK: start-up helpers


def test_health_status_of_reference(reference):
    assert health_status(reference) == "SERVING"


def test_wait_serving_gives_up_on_a_closed_port():
    started = time.monotonic()
    with pytest.raises(ServerStartError, match="not SERVING after 0.5 s"):
        wait_serving(f"127.0.0.1:{free_port()}", 0.5)
    assert time.monotonic() - started < 5


def test_shoprec_server_starts_and_stops_the_fake(monkeypatch, reference_bin):
    monkeypatch.setenv("SHOPREC_BIN", str(FAKE_SHOPREC))
    monkeypatch.setenv("SHOPREC_SERVE_ARGS", "serve --port {port} --event-loops 1")
    server = ShoprecServer(start_timeout=30)
    assert server.command()[1:] == ["serve", "--port", str(server.port), "--event-loops", "1"]
    server.start()
    try:
        assert health_status(server.address) == "SERVING"
    finally:
        server.stop()
    assert server.process.returncode is not None
    assert health_status(server.address, timeout=0.5).startswith("UNAVAILABLE")


def test_shoprec_server_missing_binary_says_where(tmp_path):
    missing = tmp_path / "no-shoprec"
    with pytest.raises(ServerStartError, match=str(missing)):
        ShoprecServer(binary=missing).start()


def test_shoprec_server_reports_an_early_exit(tmp_path):
    script = tmp_path / "exits"
    script.write_text("#!/bin/sh\necho 'shoprec: no such command' >&2\nexit 3\n")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    started = time.monotonic()
    with pytest.raises(ServerStartError) as caught:
        ShoprecServer(binary=script, start_timeout=30).start()
    assert "exited with code 3" in str(caught.value)
    assert "no such command" in str(caught.value)
    assert time.monotonic() - started < 10


# MARK: demo files


@pytest.fixture(scope="module")
def shop() -> DemoShop:
    return DemoShop(FIXTURES / "demo")


def test_demo_products_and_fields(shop):
    assert sorted(shop.products) == ["a1", "a2", "p1", "p2", "p3", "p4", "t1"]
    assert shop.products["t1"].brand == "Brio, Ltd"
    assert shop.products["p2"].price == 120.0 and shop.products["p2"].sale_price == 99.9
    assert not shop.products["p4"].in_stock and shop.products["p4"].discontinued
    assert shop.products["p1"].accessories == ["a1", "a2"]


def test_demo_sale_windows(shop):
    now = datetime.datetime(2026, 6, 1, tzinfo=datetime.timezone.utc)
    assert [p.id for p in shop.products.values() if p.on_sale(now)] == ["p2", "a2"]
    assert shop.products["p3"].on_sale(datetime.datetime(2000, 6, 1, tzinfo=datetime.timezone.utc))


def test_demo_category_tree(shop):
    assert shop.subtree("appliances") == {"appliances", "kettles", "toasters"}
    assert shop.subtree("kitchen") == {"kitchen", "appliances", "kettles", "toasters", "care"}
    assert shop.ancestors("kettles") == ["appliances", "kitchen"]
    assert shop.ancestors("kitchen") == []


def test_demo_links_read_as_sentences(shop):
    assert sorted(shop.links) == sorted(
        [
            ("p1", "accessory", "a1"),
            ("p1", "accessory", "a2"),
            ("t1", "compatible", "p1"),
            ("p1", "compatible", "t1"),
            ("p4", "successor", "p2"),
            ("p2", "accessory", "a1"),
        ]
    )


def test_demo_orders_skip_cancelled_lines(shop):
    assert dict(shop.orders) == {"o1": ["p1", "a1"], "o2": ["p1", "a1", "t1"], "o4": ["t1"]}
    assert shop.purchases["c3"] == {"t1"}


def test_demo_picks(shop):
    assert shop.similar_query() == "p3"
    assert shop.on_sale_query() == "p3"
    assert shop.on_sale_category() == "kitchen"
    assert shop.accessories_query() == "p1"
    assert shop.replacements_query() == "p4"
    assert shop.basket() == ["a1", "p1"]
    assert shop.most_bought() == "t1"
    assert shop.customer_who_bought(["p1", "t1"]) == "c2"
    assert shop.customer_who_bought(["p2"]) is None
    assert shop.unknown_product_id() not in shop.products


@pytest.mark.parametrize(
    "text, default, expected",
    [("TRUE", False, True), ("no", True, False), ("1", False, True), ("", True, True), ("maybe", False, False)],
)
def test_parse_bool(text, default, expected):
    assert parse_bool(text, default) is expected


def test_fake_shoprec_demo_is_readable(tmp_path):
    os.system(f"{FAKE_SHOPREC} demo --out {tmp_path} >/dev/null")
    shop = DemoShop(pathlib.Path(tmp_path))
    assert len(shop.products) == 50
    assert len(shop.orders) == 40
