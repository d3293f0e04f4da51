"""Request builders and response checks for shoprec.v1.Recommendations, shared by the tests.

Import after `stubs.import_path()` (conftest.py does it first).
"""

from __future__ import annotations

import grpc
from shoprec.v1 import common_pb2, recommendations_pb2, recommendations_pb2_grpc

from .demo_shop import DemoShop

RPC_TIMEOUT = 10.0
METHODS = ["Similar", "OnSale", "Accessories", "Replacements", "BoughtTogether"]
REQUEST_TYPES = {
    "Similar": recommendations_pb2.SimilarRequest,
    "OnSale": recommendations_pb2.OnSaleRequest,
    "Accessories": recommendations_pb2.AccessoriesRequest,
    "Replacements": recommendations_pb2.ReplacementsRequest,
    "BoughtTogether": recommendations_pb2.BoughtTogetherRequest,
}


def query_ids(method: str, shop: DemoShop) -> list[str]:
    """Product ids to ask `method` about, chosen so the demo shop has answers."""
    if method == "Similar":
        return [shop.similar_query()]
    if method == "OnSale":
        return [shop.on_sale_query()]
    if method == "Accessories":
        return [shop.accessories_query()]
    if method == "Replacements":
        return [shop.replacements_query()]
    return shop.basket()


def make_request(method: str, product_ids: list[str], **fields):
    """The request message of `method` for these product ids (one id unless BoughtTogether)."""
    request_type = REQUEST_TYPES[method]
    if method == "BoughtTogether":
        return request_type(product_ids=product_ids, **fields)
    assert len(product_ids) <= 1, f"{method} takes one product id"
    return request_type(product_id=product_ids[0] if product_ids else "", **fields)


def call(stub: recommendations_pb2_grpc.RecommendationsStub, method: str, request, **kwargs):
    kwargs.setdefault("timeout", RPC_TIMEOUT)
    return getattr(stub, method)(request, **kwargs)


def rpc_error(stub, method: str, request, **kwargs) -> grpc.RpcError:
    """Calls and returns the RpcError; fails when the call succeeds."""
    try:
        response = call(stub, method, request, **kwargs)
    except grpc.RpcError as error:
        return error
    raise AssertionError(f"{method} succeeded but should have failed: {response}")


def customer_price(item) -> float:
    """What the customer pays: the sale price when set, else the regular price."""
    return item.sale_price if item.sale_price > 0 else item.price


def ids(response) -> list[str]:
    return [item.product_id for item in response.items]


def check_response(
    response,
    shop: DemoShop | None,
    query: list[str],
    *,
    limit: int = 10,
    in_stock_only: bool = True,
    min_items: int = 1,
) -> None:
    """The rules every recommendation list obeys (see recommendations.proto and common.proto)."""
    items = list(response.items)
    assert len(items) >= min_items, f"expected at least {min_items} items for {query}, got {len(items)}"
    assert len(items) <= limit, f"{len(items)} items exceed the limit {limit}"
    assert response.snapshot_version, "snapshot_version is empty"
    seen: set[str] = set()
    previous_score = float("inf")
    for position, item in enumerate(items):
        where = f"item {position} ({item.product_id!r})"
        assert item.product_id, f"{where}: empty product_id"
        assert item.product_id not in query, f"{where}: the query product itself is recommended"
        assert item.product_id not in seen, f"{where}: duplicate"
        seen.add(item.product_id)
        assert item.score <= previous_score, f"{where}: score {item.score} above the previous {previous_score}"
        previous_score = item.score
        assert item.reason != common_pb2.REASON_UNSPECIFIED, f"{where}: reason is REASON_UNSPECIFIED"
        assert item.price > 0, f"{where}: price {item.price} is not positive"
        assert item.sale_price == 0 or 0 < item.sale_price < item.price, (
            f"{where}: sale_price {item.sale_price} is neither 0 nor below price {item.price}"
        )
        if in_stock_only:
            assert item.in_stock, f"{where}: out of stock, but in_stock_only is on"
        if shop is not None:
            product = shop.products.get(item.product_id)
            assert product is not None, f"{where}: not a product of the demo shop"
            assert item.category_id == product.category_id, (
                f"{where}: category_id {item.category_id!r}, the feed says {product.category_id!r}"
            )
            if in_stock_only:
                assert product.in_stock, f"{where}: out of stock in the demo feed"
