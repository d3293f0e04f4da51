"""Filters and customer exclusions, for every Recommendations method.

Each test asks twice: once without the filter (limit 100, the baseline) and once with it, and
checks (1) every item obeys the filter, checked against the demo feed, not the server's word,
and (2) filters only remove: every baseline item that passes the filter is still there.
"""

from __future__ import annotations

import pytest
from shoprec.v1 import common_pb2

from shoprec_testlib.api import METHODS, call, check_response, customer_price, ids, make_request, query_ids

LIMIT = 100


def baseline(recommendations, shop, method):
    query = query_ids(method, shop)
    response = call(recommendations, method, make_request(method, query, limit=LIMIT))
    check_response(response, shop, query, limit=LIMIT)
    return query, list(response.items)


def filtered(recommendations, shop, method, query, min_items=1, in_stock_only=True, **request_fields):
    response = call(recommendations, method, make_request(method, query, limit=LIMIT, **request_fields))
    check_response(response, shop, query, limit=LIMIT, min_items=min_items, in_stock_only=in_stock_only)
    return list(response.items)


def assert_keeps(kept_ids: list[str], base_items, passes) -> None:
    missing = [i.product_id for i in base_items if passes(i) and i.product_id not in kept_ids]
    assert not missing, f"filtering removed items that pass the filter: {missing}"


@pytest.mark.parametrize("method", METHODS)
def test_in_stock_only_is_the_default(recommendations, demo_shop, method):
    query, base = baseline(recommendations, demo_shop, method)
    explicit = filtered(
        recommendations, demo_shop, method, query, filters=common_pb2.Filters(in_stock_only=True)
    )
    assert [i.product_id for i in explicit] == [i.product_id for i in base]
    assert all(i.in_stock for i in base)


@pytest.mark.parametrize("method", METHODS)
def test_out_of_stock_items_allowed_when_asked(recommendations, demo_shop, method):
    query, base = baseline(recommendations, demo_shop, method)
    relaxed = filtered(
        recommendations, demo_shop, method, query, in_stock_only=False,
        filters=common_pb2.Filters(in_stock_only=False),
    )
    for item in relaxed:
        assert item.in_stock == demo_shop.products[item.product_id].in_stock, item.product_id


@pytest.mark.parametrize("method", METHODS)
def test_price_range(recommendations, demo_shop, method):
    query, base = baseline(recommendations, demo_shop, method)
    prices = sorted(customer_price(i) for i in base)
    low, high = prices[len(prices) // 4], prices[(3 * len(prices)) // 4]
    items = filtered(
        recommendations, demo_shop, method, query, filters=common_pb2.Filters(min_price=low, max_price=high)
    )
    for item in items:
        assert low <= customer_price(item) <= high, f"{item.product_id} costs {customer_price(item)}"
    assert_keeps([i.product_id for i in items], base, lambda i: low <= customer_price(i) <= high)


@pytest.mark.parametrize("method", METHODS)
def test_min_price_alone(recommendations, demo_shop, method):
    query, base = baseline(recommendations, demo_shop, method)
    low = sorted(customer_price(i) for i in base)[len(base) // 2]
    items = filtered(recommendations, demo_shop, method, query, filters=common_pb2.Filters(min_price=low))
    assert all(customer_price(i) >= low for i in items)
    assert_keeps([i.product_id for i in items], base, lambda i: customer_price(i) >= low)


@pytest.mark.parametrize("method", METHODS)
def test_include_brands(recommendations, demo_shop, method):
    query, base = baseline(recommendations, demo_shop, method)
    branded = [i for i in base if demo_shop.products[i.product_id].brand]
    if not branded:
        pytest.fail(f"no baseline item of {method} has a brand in the demo feed")
    brand = demo_shop.products[branded[len(branded) // 2].product_id].brand
    items = filtered(recommendations, demo_shop, method, query, filters=common_pb2.Filters(include_brands=[brand]))
    for item in items:
        assert demo_shop.products[item.product_id].brand == brand, item.product_id
    assert_keeps([i.product_id for i in items], base, lambda i: demo_shop.products[i.product_id].brand == brand)


@pytest.mark.parametrize("method", METHODS)
def test_exclude_brands(recommendations, demo_shop, method):
    query, base = baseline(recommendations, demo_shop, method)
    brand = next((demo_shop.products[i.product_id].brand for i in base if demo_shop.products[i.product_id].brand), "")
    if not brand:
        pytest.fail(f"no baseline item of {method} has a brand in the demo feed")
    items = filtered(
        recommendations, demo_shop, method, query, min_items=0, filters=common_pb2.Filters(exclude_brands=[brand])
    )
    for item in items:
        assert demo_shop.products[item.product_id].brand != brand, item.product_id
    assert_keeps([i.product_id for i in items], base, lambda i: demo_shop.products[i.product_id].brand != brand)


@pytest.mark.parametrize("method", METHODS)
def test_include_categories_covers_subcategories(recommendations, demo_shop, method):
    query, base = baseline(recommendations, demo_shop, method)
    categorised = [i for i in base if i.category_id]
    if not categorised:
        pytest.fail(f"no baseline item of {method} has a category")
    leaf = categorised[len(categorised) // 2].category_id
    category = (demo_shop.ancestors(leaf) or [leaf])[0]  # the parent, to cover "or below them"
    subtree = demo_shop.subtree(category)
    items = filtered(
        recommendations, demo_shop, method, query, filters=common_pb2.Filters(include_categories=[category])
    )
    for item in items:
        assert item.category_id in subtree, f"{item.product_id} in {item.category_id}, outside {category}"
    assert_keeps([i.product_id for i in items], base, lambda i: i.category_id in subtree)


@pytest.mark.parametrize("method", METHODS)
def test_exclude_categories(recommendations, demo_shop, method):
    query, base = baseline(recommendations, demo_shop, method)
    category = next((i.category_id for i in base if i.category_id), "")
    if not category:
        pytest.fail(f"no baseline item of {method} has a category")
    subtree = demo_shop.subtree(category)
    items = filtered(
        recommendations, demo_shop, method, query, min_items=0,
        filters=common_pb2.Filters(exclude_categories=[category]),
    )
    for item in items:
        assert item.category_id not in subtree, f"{item.product_id} in excluded {item.category_id}"
    assert_keeps([i.product_id for i in items], base, lambda i: i.category_id not in subtree)


@pytest.mark.parametrize("method", METHODS)
def test_exclude_product_ids(recommendations, demo_shop, method):
    query, base = baseline(recommendations, demo_shop, method)
    excluded = [i.product_id for i in base[:3]] + [demo_shop.unknown_product_id()]
    items = filtered(
        recommendations, demo_shop, method, query, min_items=0,
        filters=common_pb2.Filters(exclude_product_ids=excluded),
    )
    assert not set(ids_of(items)) & set(excluded)
    assert_keeps(ids_of(items), base, lambda i: i.product_id not in excluded)


@pytest.mark.parametrize("method", METHODS)
def test_customer_purchases_left_out(recommendations, demo_shop, method):
    query, base = baseline(recommendations, demo_shop, method)
    customer = demo_shop.customer_who_bought(ids_of(base))
    if customer is None:
        pytest.fail(f"no demo customer bought any item {method} recommends for {query}")
    bought = demo_shop.purchases[customer]
    items = filtered(recommendations, demo_shop, method, query, min_items=0, customer_id=customer)
    again = set(ids_of(items)) & bought
    assert not again, f"customer {customer} already bought {sorted(again)}"
    assert_keeps(ids_of(items), base, lambda i: i.product_id not in bought)


@pytest.mark.parametrize("method", METHODS)
def test_unknown_customer_excludes_nothing(recommendations, demo_shop, method):
    query, base = baseline(recommendations, demo_shop, method)
    items = filtered(recommendations, demo_shop, method, query, customer_id="no-such-customer-42")
    assert ids_of(items) == ids_of(base)


def ids_of(items) -> list[str]:
    return [i.product_id for i in items]


def test_ids_helper_matches_response_order(recommendations, demo_shop):
    query, base = baseline(recommendations, demo_shop, "Similar")
    response = call(recommendations, "Similar", make_request("Similar", query, limit=LIMIT))
    assert ids(response) == ids_of(base)
