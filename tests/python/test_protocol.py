"""gRPC over HTTP/2 wire rules (grpc/grpc doc/PROTOCOL-HTTP2.md, doc/compression.md).

Raw HTTP/2 (shoprec_testlib.raw_h2) where grpcio would not send the odd request or would hide
the server's own answer behind a status it made up; grpcio where a real client's view matters.
"""

from __future__ import annotations

import gzip
import socket
import time

import grpc
import pytest
from shoprec.v1 import recommendations_pb2

from shoprec_testlib.api import RPC_TIMEOUT, call, check_response, make_request, query_ids, rpc_error
from shoprec_testlib.raw_h2 import RawConnection, grpc_frame, split_address, unary_call

SIMILAR = "/shoprec.v1.Recommendations/Similar"
DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED, UNIMPLEMENTED, INTERNAL = 4, 8, 12, 13


def similar_body(shop) -> bytes:
    return recommendations_pb2.SimilarRequest(product_id=shop.similar_query()).SerializeToString()


def test_raw_call_gets_headers_message_and_trailers(address, demo_shop):
    response = unary_call(address, SIMILAR, grpc_frame(similar_body(demo_shop)))
    assert response.http_status == 200, response.describe()
    assert response.headers.get("content-type", "").startswith("application/grpc"), response.describe()
    assert response.trailers.get("grpc-status") == "0", response.describe()
    messages = response.messages()
    assert len(messages) == 1 and messages[0][0] == 0, response.describe()
    decoded = recommendations_pb2.RecommendResponse.FromString(messages[0][1])
    check_response(decoded, demo_shop, [demo_shop.similar_query()])


def test_many_calls_on_one_connection(address, demo_shop):
    body = grpc_frame(similar_body(demo_shop))
    with RawConnection(address) as connection:
        streams = [connection.start_call(SIMILAR) for _ in range(20)]
        for sid in streams:
            connection.send(sid, body)
        statuses = [connection.wait(sid).grpc_status for sid in streams]
    assert statuses == [0] * 20


def test_expired_deadline_server_trailers_say_deadline_exceeded(address, demo_shop):
    response = unary_call(
        address, SIMILAR, grpc_frame(similar_body(demo_shop)), metadata=[("grpc-timeout", "1n")]
    )
    assert response.http_status == 200, response.describe()
    assert response.grpc_status == DEADLINE_EXCEEDED, response.describe()


def test_generous_deadline_is_honoured(address, demo_shop):
    response = unary_call(
        address, SIMILAR, grpc_frame(similar_body(demo_shop)), metadata=[("grpc-timeout", "10S")]
    )
    assert response.grpc_status == 0, response.describe()


def test_grpcio_deadline_expiring_during_a_call_is_deadline_exceeded(health):
    # A unary Similar answers within grpc core's millisecond timer granularity, so a tiny timeout
    # may legitimately succeed; a Watch stream runs until its deadline passes.
    from grpc_health.v1 import health_pb2

    started = time.monotonic()
    stream = health.Watch(health_pb2.HealthCheckRequest(service=""), timeout=0.3)
    with pytest.raises(grpc.RpcError) as caught:
        for _ in stream:
            pass
    assert caught.value.code() == grpc.StatusCode.DEADLINE_EXCEEDED
    assert time.monotonic() - started < 5


def test_oversized_message_is_resource_exhausted(recommendations):
    request = make_request("BoughtTogether", ["a" * (3 << 20), "b" * (2 << 20)])  # 5 MiB
    error = rpc_error(recommendations, "BoughtTogether", request, timeout=30)
    assert error.code() == grpc.StatusCode.RESOURCE_EXHAUSTED, error


def test_length_prefix_over_the_limit_is_resource_exhausted(address):
    with RawConnection(address) as connection:
        sid = connection.start_call(SIMILAR)
        announced = 5 << 20  # the prefix says 5 MiB; only a few bytes follow, no END_STREAM
        connection.send(sid, bytes([0]) + announced.to_bytes(4, "big") + b"\x0a" * 64, end_stream=False)
        response = connection.wait(sid, timeout=5)
    assert response.grpc_status == RESOURCE_EXHAUSTED, response.describe()


def test_unsupported_encoding_is_unimplemented(address, demo_shop):
    response = unary_call(
        address,
        SIMILAR,
        grpc_frame(b"\x00snappy-ish bytes", compressed=True),
        metadata=[("grpc-encoding", "snappy")],
    )
    assert response.grpc_status == UNIMPLEMENTED, response.describe()
    accepted = (response.headers.get("grpc-accept-encoding") or response.trailers.get("grpc-accept-encoding"))
    assert accepted is not None, f"no grpc-accept-encoding in the answer: {response.describe()}"
    assert "snappy" not in [e.strip() for e in accepted.split(",")]


def test_compressed_flag_without_encoding_is_internal(address, demo_shop):
    body = grpc_frame(gzip.compress(similar_body(demo_shop)), compressed=True)
    response = unary_call(address, SIMILAR, body)
    assert response.grpc_status == INTERNAL, response.describe()


def test_gzip_request_through_grpcio(recommendations, demo_shop):
    query = query_ids("Similar", demo_shop)
    response = call(recommendations, "Similar", make_request("Similar", query), compression=grpc.Compression.Gzip)
    check_response(response, demo_shop, query)


def test_gzip_request_raw(address, demo_shop):
    body = grpc_frame(gzip.compress(similar_body(demo_shop)), compressed=True)
    response = unary_call(address, SIMILAR, body, metadata=[("grpc-encoding", "gzip")])
    assert response.grpc_status == 0, response.describe()
    flag, payload = response.messages()[0]
    if flag == 1:
        assert response.headers.get("grpc-encoding") == "gzip", response.describe()
        payload = gzip.decompress(payload)
    decoded = recommendations_pb2.RecommendResponse.FromString(payload)
    check_response(decoded, demo_shop, [demo_shop.similar_query()])


def test_wrong_content_type_is_415(address, demo_shop):
    response = unary_call(address, SIMILAR, grpc_frame(similar_body(demo_shop)), content_type="text/plain")
    assert response.http_status == 415, response.describe()


def test_garbage_closes_that_connection_only(address, recommendations, demo_shop):
    host, port = split_address(address)
    with socket.create_connection((host, port), timeout=5) as sock:
        sock.sendall(b"GET / HTTP/1.0\r\n\r\n" + bytes(range(256)) * 4)
        deadline = time.monotonic() + 5
        closed = False
        while time.monotonic() < deadline:
            try:
                chunk = sock.recv(65536)
            except (ConnectionResetError, BrokenPipeError):
                closed = True
                break
            except socket.timeout:
                break
            if not chunk:
                closed = True
                break
        assert closed, "the server kept a connection open after garbage bytes"
    query = query_ids("Similar", demo_shop)
    check_response(call(recommendations, "Similar", make_request("Similar", query)), demo_shop, query)


def test_server_answers_a_fresh_channel(address, demo_shop):
    with grpc.insecure_channel(address) as channel:
        from shoprec.v1 import recommendations_pb2_grpc

        stub = recommendations_pb2_grpc.RecommendationsStub(channel)
        query = query_ids("Similar", demo_shop)
        response = stub.Similar(make_request("Similar", query), timeout=RPC_TIMEOUT)
    check_response(response, demo_shop, query)


@pytest.mark.parametrize("value", ["", "abc", "123456789S", "5x"])
def test_malformed_timeout_does_not_crash(address, recommendations, demo_shop, value):
    response = unary_call(address, SIMILAR, grpc_frame(similar_body(demo_shop)), metadata=[("grpc-timeout", value)])
    assert response.grpc_status is not None or response.reset_code is not None, response.describe()
    query = query_ids("Similar", demo_shop)
    check_response(call(recommendations, "Similar", make_request("Similar", query)), demo_shop, query)
