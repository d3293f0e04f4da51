"""The health and reflection tests' own code, run against grpcio's server implementations.

A grpcio server with grpcio-health-checking's servicer and grpcio-reflection (v1alpha, plus the
same servicer under the v1 name) plays shoprec's part, so a mistake in the test code shows up
here rather than as a false failure against shoprec.
"""

from __future__ import annotations

from concurrent import futures

import grpc
import pytest
from grpc_health.v1 import health, health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection, reflection_pb2
from shoprec.v1 import recommendations_pb2, snapshots_pb2

import test_health as health_tests
import test_reflection as reflection_tests

pytestmark = pytest.mark.harness

SERVICES = [
    recommendations_pb2.DESCRIPTOR.services_by_name["Recommendations"].full_name,
    snapshots_pb2.DESCRIPTOR.services_by_name["Snapshots"].full_name,
    health_pb2.DESCRIPTOR.services_by_name["Health"].full_name,
]


def _v1_alias(servicer) -> grpc.GenericRpcHandler:
    handler = grpc.stream_stream_rpc_method_handler(
        servicer.ServerReflectionInfo,
        request_deserializer=reflection_pb2.ServerReflectionRequest.FromString,
        response_serializer=reflection_pb2.ServerReflectionResponse.SerializeToString,
    )
    return grpc.method_handlers_generic_handler("grpc.reflection.v1.ServerReflection", {"ServerReflectionInfo": handler})


@pytest.fixture(scope="module")
def channel():
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=4))
    checker = health.HealthServicer()
    for name in ("", *SERVICES[:2]):
        checker.set(name, health_pb2.HealthCheckResponse.SERVING)
    health_pb2_grpc.add_HealthServicer_to_server(checker, server)
    reflection.enable_server_reflection(SERVICES + [reflection.SERVICE_NAME], server)
    server.add_generic_rpc_handlers((_v1_alias(reflection.ReflectionServicer(SERVICES)),))
    port = server.add_insecure_port("127.0.0.1:0")
    server.start()
    with grpc.insecure_channel(f"127.0.0.1:{port}") as ch:
        yield ch
    server.stop(grace=None)


@pytest.fixture(scope="module")
def health_stub(channel):
    return health_pb2_grpc.HealthStub(channel)


@pytest.mark.parametrize("service", ["", "shoprec.v1.Recommendations", "shoprec.v1.Snapshots"])
def test_health_check_code(health_stub, service):
    health_tests.test_check_serving(health_stub, service)


def test_health_not_found_code(health_stub):
    health_tests.test_check_unknown_service_is_not_found(health_stub)


def test_health_watch_code(health_stub):
    health_tests.test_watch_yields_serving_first(health_stub)
    health_tests.test_watch_recommendations_yields_serving_first(health_stub)


@pytest.mark.parametrize("version", reflection_tests.VERSIONS)
def test_reflection_code(channel, version):
    reflection_tests.test_lists_services(channel, version)
    reflection_tests.test_resolves_request_message(channel, version)
    reflection_tests.test_resolves_file_and_service(channel, version)
    reflection_tests.test_unknown_symbol_is_not_found(channel, version)


def test_reflection_v1_really_uses_the_v1_path(channel):
    db = reflection_tests.database(channel, "v1")
    assert isinstance(db._stub, reflection_tests._V1Stub)
    assert "shoprec.v1.Recommendations" in set(db.get_services())


def test_unimplemented_code(channel):
    import test_errors as error_tests

    error_tests.test_unknown_method_is_unimplemented(channel)
    error_tests.test_unknown_service_is_unimplemented(channel)
