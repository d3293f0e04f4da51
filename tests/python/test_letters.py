"""shoprec.v1.Letters through grpcio: every trigger for demo customers, Due, bulk ComposeStream.

Expectations come from the demo shop's files (shoprec_testlib/letters.py). The bulk tests send
10,000 requests over one stream by default (SHOPREC_LETTERS_BULK=100000 sends 100,000): once with
grpcio (Python), once with the C++ gRPC client (shoprec_testlib/letters_bulk.py; skipped when
g++ or libgrpc++-dev is missing). They print the letters/s they measured and, when the suite
started the server, its CPU time per letter (run with -s to see them).
"""

from __future__ import annotations

import datetime
import os
import random
import time

import grpc
import pytest
from google.protobuf import duration_pb2, timestamp_pb2
from shoprec.v1 import letters_pb2

from shoprec_testlib import letters_bulk
from shoprec_testlib.letters import (
    DEFAULT_RECIPES,
    DUE_OFFSETS,
    DemoOrders,
    check_letter,
    due_letters,
)

RPC_TIMEOUT = 10.0
# Inside the demo's history and sale windows (the demo ends on 2026-01-01).
NOW = datetime.datetime(2025, 12, 1, 9, 30, tzinfo=datetime.timezone.utc)
TRIGGERS = list(DEFAULT_RECIPES)


def timestamp(moment: datetime.datetime) -> timestamp_pb2.Timestamp:
    return timestamp_pb2.Timestamp(seconds=int(moment.timestamp()))


@pytest.fixture(scope="module")
def demo_orders(demo_shop) -> DemoOrders:
    return DemoOrders(demo_shop.directory)


def context_for(trigger, customer, shop, orders: DemoOrders, rng: random.Random) -> list[str]:
    """Context items a composer would send: waited-for (out of stock), wished, carted; none for
    post-purchase letters (the server takes the customer's latest order)."""
    products = sorted(shop.products)
    if trigger == letters_pb2.WAITLIST:
        return [rng.choice(sorted(p.id for p in shop.products.values() if not p.in_stock))]
    if trigger == letters_pb2.WISHLIST:
        return rng.sample(products, rng.randint(1, 3))
    if trigger == letters_pb2.ABANDONED_CART:
        return rng.sample(products, rng.randint(1, 6))
    return []


def compose_request(trigger, customer, context, request_id=""):
    return letters_pb2.ComposeRequest(
        trigger=trigger,
        customer_id=customer,
        product_ids=context,
        now=timestamp(NOW),
        request_id=request_id,
    )


def test_every_trigger_for_demo_customers_obeys_the_rules(letters, demo_shop, demo_orders):
    rng = random.Random(20251201)
    customers = rng.sample(sorted(demo_orders.by_customer), 40)
    versions = set()
    filled = set()
    for customer in customers:
        for trigger in TRIGGERS:
            context = context_for(trigger, customer, demo_shop, demo_orders, rng)
            request = compose_request(trigger, customer, context, request_id=f"{customer}/{trigger}")
            letter = letters.Compose(request, timeout=RPC_TIMEOUT)
            if not context:  # post-purchase: the customer's latest order
                context = demo_orders.latest(customer).products
            check_letter(letter, request, demo_shop, context, NOW)
            versions.add(letter.snapshot_version)
            filled |= {(trigger, block.key) for block in letter.blocks}
            if trigger in (letters_pb2.POST_PURCHASE_RATING, letters_pb2.POST_PURCHASE_REVIEW):
                latest = demo_orders.latest(customer).products
                shown = [i.product_id for i in letter.blocks[0].items]
                assert len(shown) == min(20, len(latest)) and set(shown) <= set(latest)
    assert len(versions) == 1, f"one snapshot composed every letter, got {versions}"
    every_block = {(t, r[0]) for t, recipe in DEFAULT_RECIPES.items() for r in recipe}
    assert every_block - filled == set(), "some blocks were never filled"


def test_same_request_same_letter(letters, demo_shop):
    request = compose_request(letters_pb2.WISHLIST, "C1", [demo_shop.similar_query()])
    first = letters.Compose(request, timeout=RPC_TIMEOUT)
    second = letters.Compose(request, timeout=RPC_TIMEOUT)
    assert first == second


def test_block_limits_override_the_recipe(letters, demo_shop):
    request = compose_request(letters_pb2.WAITLIST, "C1", [demo_shop.similar_query()])
    request.block_limits["similar"] = 2
    request.block_limits["on_sale"] = 0
    letter = letters.Compose(request, timeout=RPC_TIMEOUT)
    assert [b.key for b in letter.blocks] == ["similar"]
    assert len(letter.blocks[0].items) == 2


def test_order_id_names_the_order(letters, demo_shop, demo_orders):
    order = demo_orders.by_customer[sorted(demo_orders.by_customer)[0]][0]
    request = letters_pb2.ComposeRequest(trigger=letters_pb2.POST_PURCHASE_REVIEW, order_id=order.id)
    letter = letters.Compose(request, timeout=RPC_TIMEOUT)
    assert [b.key for b in letter.blocks] == ["review"]
    shown = [i.product_id for i in letter.blocks[0].items]
    assert len(shown) == min(20, len(order.products)) and set(shown) <= set(order.products)


@pytest.mark.parametrize(
    "fields, code",
    [
        (dict(product_ids=["100001"]), grpc.StatusCode.INVALID_ARGUMENT),  # no trigger
        (dict(trigger=letters_pb2.WISHLIST), grpc.StatusCode.INVALID_ARGUMENT),  # no context
        (dict(trigger=letters_pb2.WISHLIST, product_ids=["no-such-product"]), grpc.StatusCode.NOT_FOUND),
        (dict(trigger=letters_pb2.POST_PURCHASE_RATING), grpc.StatusCode.INVALID_ARGUMENT),
        (dict(trigger=letters_pb2.POST_PURCHASE_RATING, customer_id="nobody"), grpc.StatusCode.NOT_FOUND),
        (dict(trigger=letters_pb2.REPLACEMENT, order_id="no-such-order"), grpc.StatusCode.NOT_FOUND),
        (dict(trigger=letters_pb2.WISHLIST, product_ids=["100001"], block_limits={"similar": 101}),
         grpc.StatusCode.INVALID_ARGUMENT),
    ],
)
def test_compose_errors(letters, fields, code):
    with pytest.raises(grpc.RpcError) as error:
        letters.Compose(letters_pb2.ComposeRequest(**fields), timeout=RPC_TIMEOUT)
    assert error.value.code() == code, error.value.details()


def test_due_at_a_fixed_date_matches_the_orders(letters, demo_orders):
    now = datetime.datetime(2025, 10, 1, 12, 0, tzinfo=datetime.timezone.utc)
    window = datetime.timedelta(days=1)
    request = letters_pb2.DueRequest(now=timestamp(now), window=duration_pb2.Duration(seconds=86_400))
    answered = list(letters.Due(request, timeout=RPC_TIMEOUT))
    expected = due_letters(demo_orders, now, window)
    assert {(d.order_id, d.trigger) for d in answered} == expected
    assert len(answered) == len(expected) > 0
    # Spot checks, letter by letter: the order's customer, time and items, due = time + offset.
    for due in answered[:: max(1, len(answered) // 25)]:
        order = demo_orders.orders[due.order_id]
        assert due.customer_id == order.customer
        assert due.order_time.seconds == int(order.time.timestamp())
        offset = datetime.timedelta(days=DUE_OFFSETS[due.trigger])
        assert due.due_at.seconds == int((order.time + offset).timestamp())
        assert now - window < order.time + offset <= now
        assert sorted(due.product_ids) == sorted(order.products)


def test_due_for_one_customer_and_some_triggers(letters, demo_orders):
    customer = max(demo_orders.by_customer, key=lambda c: (len(demo_orders.by_customer[c]), c))
    now = max(o.time for o in demo_orders.by_customer[customer]) + datetime.timedelta(days=20)
    window = datetime.timedelta(days=120)
    triggers = [letters_pb2.POST_PURCHASE_REVIEW, letters_pb2.REPLACEMENT]
    request = letters_pb2.DueRequest(
        customer_id=customer,
        now=timestamp(now),
        window=duration_pb2.Duration(seconds=int(window.total_seconds())),
        triggers=triggers,
    )
    answered = {(d.order_id, d.trigger) for d in letters.Due(request, timeout=RPC_TIMEOUT)}
    expected = {
        (o, t) for o, t in due_letters(demo_orders, now, window)
        if t in triggers and demo_orders.orders[o].customer == customer
    }
    assert answered == expected and expected


def test_due_rejects_other_triggers(letters):
    request = letters_pb2.DueRequest(triggers=[letters_pb2.WISHLIST])
    with pytest.raises(grpc.RpcError) as error:
        list(letters.Due(request, timeout=RPC_TIMEOUT))
    assert error.value.code() == grpc.StatusCode.INVALID_ARGUMENT


BULK = int(os.environ.get("SHOPREC_LETTERS_BULK", "10000"))


def bulk_requests(shop, orders: DemoOrders, count: int):
    """`count` requests cycling through every trigger and many customers; every 997th names an
    unknown product (its letter must carry the error). Yields (position, request, fails)."""
    customers = sorted(orders.by_customer)
    products = sorted(shop.products)
    for i in range(count):
        trigger = TRIGGERS[i % len(TRIGGERS)]
        context = []
        if trigger in (letters_pb2.WAITLIST, letters_pb2.WISHLIST, letters_pb2.ABANDONED_CART):
            context = [products[(i * 7919) % len(products)]]
        fails = i % 997 == 0
        if fails:
            context = ["no-such-product"]
        yield i, compose_request(trigger, customers[i % len(customers)], context, request_id=str(i)), fails


def report(label: str, count: int, elapsed: float, cpu_before, cpu_after) -> None:
    line = f"\n{label}: {count} letters over one stream in {elapsed:.2f} s = {count / elapsed:,.0f} letters/s"
    if cpu_before is not None and cpu_after is not None:
        line += f"; server CPU {(cpu_after - cpu_before) / count * 1e6:.1f} us/letter"
    print(line)


def test_compose_stream_bulk(letters, demo_shop, demo_orders, started_server):
    pid = started_server.process.pid if started_server else None
    failing = {i for i, _, fails in bulk_requests(demo_shop, demo_orders, BULK) if fails}
    cpu_before = letters_bulk.cpu_seconds(pid)
    started = time.perf_counter()
    received = 0
    blocks = 0
    requests = (request for _, request, _ in bulk_requests(demo_shop, demo_orders, BULK))
    for i, letter in enumerate(letters.ComposeStream(requests, timeout=600)):
        assert letter.request_id == str(i), "letters come back in request order"
        if i in failing:
            assert letter.error.startswith("NOT_FOUND") and not letter.blocks
        else:
            assert not letter.error, letter.error
            blocks += len(letter.blocks)
        received += 1
    elapsed = time.perf_counter() - started
    assert received == BULK
    assert blocks >= BULK - len(failing), "every letter has at least one block"
    report("ComposeStream (grpcio)", BULK, elapsed, cpu_before, letters_bulk.cpu_seconds(pid))


def test_compose_stream_bulk_cpp_client(address, demo_shop, demo_orders, started_server, tmp_path):
    binary, why = letters_bulk.build_client()
    if binary is None:
        pytest.skip(f"no C++ bulk client: {why}")
    requests_file = tmp_path / "requests.bin"
    letters_bulk.write_requests((r for _, r, _ in bulk_requests(demo_shop, demo_orders, BULK)), requests_file)
    failing = sum(1 for _, _, fails in bulk_requests(demo_shop, demo_orders, BULK) if fails)
    pid = started_server.process.pid if started_server else None
    cpu_before = letters_bulk.cpu_seconds(pid)
    summary = letters_bulk.run_client(binary, address, requests_file)
    cpu_after = letters_bulk.cpu_seconds(pid)
    assert summary["letters"] == BULK
    assert summary["in_order"], "letters come back in request order"
    assert summary["errors"] == failing, "only the requests naming an unknown product fail"
    assert summary["blocks"] >= BULK - failing
    report("ComposeStream (C++ grpc client)", BULK, summary["seconds"], cpu_before, cpu_after)
