"""shoprec.v1.Snapshots/Info: what is serving."""

from __future__ import annotations

from shoprec.v1 import snapshots_pb2

from shoprec_testlib.api import RPC_TIMEOUT, call, make_request, query_ids


def test_info_counts_are_positive(snapshots):
    info = snapshots.Info(snapshots_pb2.InfoRequest(), timeout=RPC_TIMEOUT)
    assert info.version
    counts = info.counts
    for field in ("products", "in_stock", "categories", "orders", "order_lines", "customers"):
        assert getattr(counts, field) > 0, f"counts.{field} is {getattr(counts, field)}"
    assert counts.in_stock <= counts.products
    assert counts.on_sale <= counts.products
    assert counts.orders <= counts.order_lines
    assert info.built_at.seconds > 0


def test_info_version_matches_recommendations(snapshots, recommendations, demo_shop):
    info = snapshots.Info(snapshots_pb2.InfoRequest(), timeout=RPC_TIMEOUT)
    response = call(recommendations, "Similar", make_request("Similar", query_ids("Similar", demo_shop)))
    assert response.snapshot_version == info.version


def test_demo_counts_match_the_demo_files(snapshots, demo_shop, started_server):
    info = snapshots.Info(snapshots_pb2.InfoRequest(), timeout=RPC_TIMEOUT)
    assert info.counts.products <= len(demo_shop.products)
    if started_server is not None and not info.skipped:
        # the built-in demo shop, every record accepted: the counts are the files' counts
        assert info.path == ""
        assert info.counts.products == len(demo_shop.products)
        assert info.counts.in_stock == sum(1 for p in demo_shop.products.values() if p.in_stock)
        assert info.counts.orders == len(demo_shop.orders)
