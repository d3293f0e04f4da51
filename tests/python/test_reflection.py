"""grpc.reflection.v1 and v1alpha: what grpcurl and other tools use to discover the API.

grpcio-reflection's ProtoReflectionDescriptorDatabase speaks v1alpha; for v1 the same database
runs over a raw stream-stream stub on /grpc.reflection.v1.ServerReflection/ServerReflectionInfo
(the v1 messages are wire-identical to v1alpha's).
"""

from __future__ import annotations

import grpc
import pytest
from google.protobuf import descriptor_pb2, descriptor_pool
from grpc_reflection.v1alpha import reflection_pb2
from grpc_reflection.v1alpha.proto_reflection_descriptor_database import ProtoReflectionDescriptorDatabase

from shoprec_testlib.api import RPC_TIMEOUT

V1_METHOD = "/grpc.reflection.v1.ServerReflection/ServerReflectionInfo"


class _V1Stub:
    def __init__(self, channel: grpc.Channel):
        self.ServerReflectionInfo = channel.stream_stream(
            V1_METHOD,
            request_serializer=reflection_pb2.ServerReflectionRequest.SerializeToString,
            response_deserializer=reflection_pb2.ServerReflectionResponse.FromString,
        )


def database(channel, version: str) -> ProtoReflectionDescriptorDatabase:
    db = ProtoReflectionDescriptorDatabase(channel)
    if version == "v1":
        db._stub = _V1Stub(channel)  # the database only calls _stub.ServerReflectionInfo
    return db


VERSIONS = ["v1", "v1alpha"]


@pytest.mark.parametrize("version", VERSIONS)
def test_lists_services(channel, version):
    services = set(database(channel, version).get_services())
    for name in ("shoprec.v1.Recommendations", "shoprec.v1.Snapshots", "grpc.health.v1.Health"):
        assert name in services, f"{name} missing from {sorted(services)}"


@pytest.mark.parametrize("version", VERSIONS)
def test_resolves_request_message(channel, version):
    pool = descriptor_pool.DescriptorPool(database(channel, version))
    message = pool.FindMessageTypeByName("shoprec.v1.SimilarRequest")
    assert message.file.name == "shoprec/v1/recommendations.proto"
    assert message.fields_by_name["product_id"].number == 1
    assert message.fields_by_name["filters"].message_type.full_name == "shoprec.v1.Filters"


@pytest.mark.parametrize("version", VERSIONS)
def test_resolves_file_and_service(channel, version):
    db = database(channel, version)
    proto = db.FindFileByName("shoprec/v1/recommendations.proto")
    assert isinstance(proto, descriptor_pb2.FileDescriptorProto)
    assert proto.package == "shoprec.v1"
    assert "shoprec/v1/common.proto" in proto.dependency
    service = next(s for s in proto.service if s.name == "Recommendations")
    assert {m.name for m in service.method} == {"Similar", "OnSale", "Accessories", "Replacements", "BoughtTogether"}
    pool = descriptor_pool.DescriptorPool(db)
    assert pool.FindServiceByName("shoprec.v1.Recommendations").methods_by_name["Similar"].output_type.full_name == (
        "shoprec.v1.RecommendResponse"
    )


@pytest.mark.parametrize("version", VERSIONS)
def test_unknown_symbol_is_not_found(channel, version):
    stub = _V1Stub(channel) if version == "v1" else None
    if stub is None:
        from grpc_reflection.v1alpha import reflection_pb2_grpc

        stub = reflection_pb2_grpc.ServerReflectionStub(channel)
    request = reflection_pb2.ServerReflectionRequest(file_containing_symbol="shoprec.v1.NoSuchThing")
    replies = list(stub.ServerReflectionInfo(iter([request]), timeout=RPC_TIMEOUT))
    assert len(replies) == 1
    assert replies[0].WhichOneof("message_response") == "error_response"
    assert replies[0].error_response.error_code == grpc.StatusCode.NOT_FOUND.value[0]
