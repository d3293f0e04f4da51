"""Expectations for shoprec.v1.Letters, computed from the demo shop's files (never from the server).

`DemoOrders` reads orders.csv with order times and customers (DemoShop keeps only items);
`DEFAULT_RECIPES` is the documented default recipe table (docs/letters.md); `check_letter`
checks the rules every letter obeys; `due_letters` computes which post-purchase letters are due.

Import after `stubs.import_path()` (conftest.py does it first).
"""

from __future__ import annotations

import collections
import csv
import dataclasses
import datetime
import pathlib

from shoprec.v1 import letters_pb2

from .demo_shop import IGNORED_ORDER_STATUSES, DemoShop, parse_time

RECOMMENDATION_STRATEGIES = {"similar", "on_sale", "accessories", "replacements", "bought_together"}
CONTEXT_STRATEGIES = {"reminder", "sale_on_items", "purchased_items"}

# trigger -> [(key, strategy, limit, min_items, when_short)], as docs/letters.md documents them.
DEFAULT_RECIPES = {
    letters_pb2.WAITLIST: [
        ("similar", "similar", 6, 1, "backfill"),
        ("on_sale", "on_sale", 6, 2, "drop"),
    ],
    letters_pb2.WISHLIST: [
        ("sale_on_item", "sale_on_items", 4, 1, "drop"),
        ("reminder", "reminder", 4, 1, "keep"),
        ("similar", "similar", 6, 1, "backfill"),
        ("on_sale", "on_sale", 6, 2, "drop"),
    ],
    letters_pb2.ABANDONED_CART: [
        ("cart_sales", "sale_on_items", 20, 1, "drop"),
        ("cart", "reminder", 20, 1, "keep"),
        ("bought_together", "bought_together", 6, 2, "backfill"),
    ],
    letters_pb2.POST_PURCHASE_RATING: [("order", "purchased_items", 20, 1, "keep")],
    letters_pb2.POST_PURCHASE_ACCESSORIES: [("accessories", "accessories", 6, 2, "backfill")],
    letters_pb2.POST_PURCHASE_REVIEW: [("review", "purchased_items", 20, 1, "keep")],
    letters_pb2.REPLACEMENT: [("replacements", "replacements", 6, 1, "backfill")],
}

# Post-purchase offsets in days (the default schedule).
DUE_OFFSETS = {
    letters_pb2.POST_PURCHASE_RATING: 3,
    letters_pb2.POST_PURCHASE_ACCESSORIES: 5,
    letters_pb2.POST_PURCHASE_REVIEW: 14,
    letters_pb2.REPLACEMENT: 90,
}


@dataclasses.dataclass
class Order:
    id: str
    customer: str
    time: datetime.datetime
    products: list[str]


class DemoOrders:
    """The completed orders of orders.csv with their customers and times."""

    def __init__(self, directory: pathlib.Path):
        self.orders: dict[str, Order] = {}
        with (pathlib.Path(directory) / "orders.csv").open(newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                if (row.get("status") or "").strip().lower() in IGNORED_ORDER_STATUSES:
                    continue
                order = self.orders.get(row["order_id"])
                if order is None:
                    order = Order(row["order_id"], row["customer_id"], parse_time(row["timestamp"]), [])
                    self.orders[order.id] = order
                if row["product_id"] not in order.products:
                    order.products.append(row["product_id"])
        self.by_customer: dict[str, list[Order]] = collections.defaultdict(list)
        for order in self.orders.values():
            self.by_customer[order.customer].append(order)
        for orders in self.by_customer.values():
            orders.sort(key=lambda o: o.time)

    def latest(self, customer: str) -> Order:
        return self.by_customer[customer][-1]


def due_letters(orders: DemoOrders, now: datetime.datetime, window: datetime.timedelta) -> set[tuple[str, int]]:
    """(order id, trigger) of every letter whose order time + offset lies in (now - window, now]."""
    due = set()
    for order in orders.orders.values():
        for trigger, days in DUE_OFFSETS.items():
            at = order.time + datetime.timedelta(days=days)
            if now - window < at <= now:
                due.add((order.id, trigger))
    return due


def check_letter(
    letter,
    request,
    shop: DemoShop,
    context: list[str],
    now: datetime.datetime,
) -> None:
    """The rules every letter obeys (letters.proto), checked against the demo shop's files."""
    recipe = DEFAULT_RECIPES[request.trigger]
    assert letter.snapshot_version, "snapshot_version is empty"
    assert letter.trigger == request.trigger
    assert letter.request_id == request.request_id
    assert not letter.error, letter.error
    keys = [b.key for b in letter.blocks]
    recipe_keys = [r[0] for r in recipe]
    assert keys == [k for k in recipe_keys if k in keys], f"blocks {keys} not in recipe order {recipe_keys}"
    bought = shop.purchases.get(request.customer_id, set())
    seen: set[str] = set()
    for block in letter.blocks:
        key, strategy, limit, min_items, when_short = next(r for r in recipe if r[0] == block.key)
        limit = request.block_limits.get(key, limit)
        assert block.strategy == strategy, f"{key}: strategy {block.strategy}, recipe says {strategy}"
        assert 0 < len(block.items) <= limit, f"{key}: {len(block.items)} items, limit {limit}"
        if when_short != "keep":
            assert len(block.items) >= min(min_items, limit), f"{key}: under its minimum {min_items}"
        previous = float("inf")
        for item in block.items:
            where = f"{key}: {item.product_id}"
            assert item.product_id not in seen, f"{where} appears twice in the letter"
            seen.add(item.product_id)
            product = shop.products[item.product_id]
            assert abs(item.price - product.price) < 1e-6, f"{where}: price {item.price}, the feed says {product.price}"
            expected_sale = product.sale_price if product.on_sale(now) else 0.0
            assert abs(item.sale_price - expected_sale) < 1e-6, f"{where}: sale price {item.sale_price}"
            assert item.in_stock == product.in_stock, f"{where}: in_stock disagrees with the feed"
            assert item.title == product.title and item.currency
            assert item.score <= previous, f"{where}: score rises"
            previous = item.score
            if strategy in RECOMMENDATION_STRATEGIES:
                assert product.in_stock, f"{where} is out of stock"
                assert item.product_id not in bought, f"{where} was bought by {request.customer_id}"
                assert item.product_id not in context, f"{where} is a context item"
            else:
                assert item.product_id in context, f"{where} is not a context item"
                if strategy == "sale_on_items":
                    assert product.on_sale(now) and product.in_stock, f"{where} is not on sale"
