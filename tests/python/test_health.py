"""grpc.health.v1.Health, through grpcio-health-checking's stubs."""

from __future__ import annotations

import grpc
import pytest
from grpc_health.v1 import health_pb2

from shoprec_testlib.api import RPC_TIMEOUT

SERVING = health_pb2.HealthCheckResponse.SERVING


@pytest.mark.parametrize("service", ["", "shoprec.v1.Recommendations", "shoprec.v1.Snapshots"])
def test_check_serving(health, service):
    reply = health.Check(health_pb2.HealthCheckRequest(service=service), timeout=RPC_TIMEOUT)
    assert reply.status == SERVING


def test_check_unknown_service_is_not_found(health):
    with pytest.raises(grpc.RpcError) as caught:
        health.Check(health_pb2.HealthCheckRequest(service="nope"), timeout=RPC_TIMEOUT)
    assert caught.value.code() == grpc.StatusCode.NOT_FOUND


def test_watch_yields_serving_first(health):
    stream = health.Watch(health_pb2.HealthCheckRequest(service=""), timeout=RPC_TIMEOUT)
    try:
        first = next(stream)
    finally:
        stream.cancel()
    assert first.status == SERVING


def test_watch_recommendations_yields_serving_first(health):
    stream = health.Watch(health_pb2.HealthCheckRequest(service="shoprec.v1.Recommendations"), timeout=RPC_TIMEOUT)
    try:
        first = next(stream)
    finally:
        stream.cancel()
    assert first.status == SERVING
