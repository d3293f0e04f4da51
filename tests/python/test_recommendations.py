"""shoprec.v1.Recommendations: valid answers for the demo shop, through grpcio."""

from __future__ import annotations

import pytest

from shoprec_testlib.api import METHODS, call, check_response, ids, make_request, query_ids


@pytest.mark.parametrize("method", METHODS)
def test_valid_product_gets_a_valid_list(recommendations, demo_shop, method):
    query = query_ids(method, demo_shop)
    response = call(recommendations, method, make_request(method, query))
    check_response(response, demo_shop, query)


@pytest.mark.parametrize("method", METHODS)
def test_same_request_same_answer(recommendations, demo_shop, method):
    query = query_ids(method, demo_shop)
    first = call(recommendations, method, make_request(method, query))
    second = call(recommendations, method, make_request(method, query))
    assert ids(first) == ids(second)
    assert first.snapshot_version == second.snapshot_version


@pytest.mark.parametrize("method", METHODS)
def test_items_carry_the_feed_prices_and_titles(recommendations, demo_shop, method):
    query = query_ids(method, demo_shop)
    response = call(recommendations, method, make_request(method, query, limit=100))
    check_response(response, demo_shop, query, limit=100)
    for item in response.items:
        product = demo_shop.products[item.product_id]
        assert item.price == pytest.approx(product.price), item.product_id
        expected_sale = product.sale_price if product.on_sale() else 0.0
        assert item.sale_price == pytest.approx(expected_sale), item.product_id
        assert item.title == product.title, item.product_id


def test_on_sale_items_are_on_sale(recommendations, demo_shop):
    query = query_ids("OnSale", demo_shop)
    response = call(recommendations, "OnSale", make_request("OnSale", query, limit=100))
    check_response(response, demo_shop, query, limit=100)
    for item in response.items:
        assert 0 < item.sale_price < item.price, f"{item.product_id} is not on sale"


def test_on_sale_by_category_stays_in_the_category(recommendations, demo_shop):
    category = demo_shop.on_sale_category()
    response = call(recommendations, "OnSale", make_request("OnSale", [], category_id=category, limit=100))
    check_response(response, demo_shop, [], limit=100)
    subtree = demo_shop.subtree(category)
    for item in response.items:
        assert item.category_id in subtree, f"{item.product_id} is outside category {category}"
        assert 0 < item.sale_price < item.price, f"{item.product_id} is not on sale"


def test_similar_prefers_the_same_category(recommendations, demo_shop):
    query = query_ids("Similar", demo_shop)
    response = call(recommendations, "Similar", make_request("Similar", query))
    check_response(response, demo_shop, query)
    own = demo_shop.products[query[0]].category_id
    assert response.items[0].category_id == own, "the best substitute is not from the same category"


def test_bought_together_leaves_out_the_whole_basket(recommendations, demo_shop):
    basket = query_ids("BoughtTogether", demo_shop)
    response = call(recommendations, "BoughtTogether", make_request("BoughtTogether", basket, limit=100))
    check_response(response, demo_shop, basket, limit=100)
    assert not set(ids(response)) & set(basket)
