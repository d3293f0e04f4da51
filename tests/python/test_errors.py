"""Argument errors and unknown methods (status codes as recommendations.proto documents them)."""

from __future__ import annotations

import grpc
import pytest

from shoprec_testlib.api import METHODS, RPC_TIMEOUT, call, check_response, ids, make_request, query_ids, rpc_error

SINGLE_PRODUCT_METHODS = ["Similar", "Accessories", "Replacements"]


@pytest.mark.parametrize("method", METHODS)
def test_unknown_product_is_not_found(recommendations, demo_shop, method):
    error = rpc_error(recommendations, method, make_request(method, [demo_shop.unknown_product_id()]))
    assert error.code() == grpc.StatusCode.NOT_FOUND, error
    assert error.details(), "NOT_FOUND without a message"


def test_on_sale_unknown_category_is_not_found(recommendations, demo_shop):
    request = make_request("OnSale", [], category_id=demo_shop.unknown_category_id())
    assert rpc_error(recommendations, "OnSale", request).code() == grpc.StatusCode.NOT_FOUND


@pytest.mark.parametrize("method", SINGLE_PRODUCT_METHODS)
def test_empty_product_id_is_invalid(recommendations, method):
    error = rpc_error(recommendations, method, make_request(method, [""]))
    assert error.code() == grpc.StatusCode.INVALID_ARGUMENT, error
    assert error.details(), "INVALID_ARGUMENT without a message"


def test_on_sale_without_product_or_category_is_invalid(recommendations):
    error = rpc_error(recommendations, "OnSale", make_request("OnSale", []))
    assert error.code() == grpc.StatusCode.INVALID_ARGUMENT, error


def test_empty_basket_is_invalid(recommendations):
    error = rpc_error(recommendations, "BoughtTogether", make_request("BoughtTogether", []))
    assert error.code() == grpc.StatusCode.INVALID_ARGUMENT, error


def test_basket_of_101_is_invalid(recommendations, demo_shop):
    basket = (list(demo_shop.products) * 101)[:101]
    error = rpc_error(recommendations, "BoughtTogether", make_request("BoughtTogether", basket))
    assert error.code() == grpc.StatusCode.INVALID_ARGUMENT, error


@pytest.mark.parametrize("limit", [-1, 101])
@pytest.mark.parametrize("method", METHODS)
def test_limit_out_of_range_is_invalid(recommendations, demo_shop, method, limit):
    request = make_request(method, query_ids(method, demo_shop), limit=limit)
    error = rpc_error(recommendations, method, request)
    assert error.code() == grpc.StatusCode.INVALID_ARGUMENT, error


@pytest.mark.parametrize("method", METHODS)
def test_limit_zero_means_ten(recommendations, demo_shop, method):
    query = query_ids(method, demo_shop)
    available = len(call(recommendations, method, make_request(method, query, limit=100)).items)
    response = call(recommendations, method, make_request(method, query, limit=0))
    check_response(response, demo_shop, query, limit=10)
    assert len(response.items) == min(10, available)


def test_limit_zero_gives_ten_for_similar(recommendations, demo_shop):
    query = query_ids("Similar", demo_shop)
    response = call(recommendations, "Similar", make_request("Similar", query, limit=0))
    assert len(response.items) == 10, "the demo shop should have 10 substitutes for its largest category"


def test_smaller_limit_is_a_prefix(recommendations, demo_shop):
    query = query_ids("Similar", demo_shop)
    ten = ids(call(recommendations, "Similar", make_request("Similar", query, limit=10)))
    three = ids(call(recommendations, "Similar", make_request("Similar", query, limit=3)))
    assert three == ten[:3]


def test_limit_100_allowed(recommendations, demo_shop):
    query = query_ids("Similar", demo_shop)
    response = call(recommendations, "Similar", make_request("Similar", query, limit=100))
    check_response(response, demo_shop, query, limit=100)


def _identity(x: bytes) -> bytes:
    return x


def test_unknown_method_is_unimplemented(channel):
    method = channel.unary_unary(
        "/shoprec.v1.Recommendations/Nope", request_serializer=_identity, response_deserializer=_identity
    )
    with pytest.raises(grpc.RpcError) as caught:
        method(b"", timeout=RPC_TIMEOUT)
    assert caught.value.code() == grpc.StatusCode.UNIMPLEMENTED


def test_unknown_service_is_unimplemented(channel):
    method = channel.unary_unary(
        "/shoprec.v1.NoSuchService/Similar", request_serializer=_identity, response_deserializer=_identity
    )
    with pytest.raises(grpc.RpcError) as caught:
        method(b"", timeout=RPC_TIMEOUT)
    assert caught.value.code() == grpc.StatusCode.UNIMPLEMENTED


def test_undecodable_request_is_invalid_argument(channel):
    method = channel.unary_unary(
        "/shoprec.v1.Recommendations/Similar", request_serializer=_identity, response_deserializer=_identity
    )
    with pytest.raises(grpc.RpcError) as caught:
        method(b"\xff\xff\xff\xff", timeout=RPC_TIMEOUT)  # a truncated varint tag: not protobuf
    assert caught.value.code() in (grpc.StatusCode.INVALID_ARGUMENT, grpc.StatusCode.INTERNAL)
