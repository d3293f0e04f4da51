"""Reads the demo shop's input files (`shoprec demo --out DIR`) for the tests' expectations.

The files follow the canonical formats: products.csv (id, title, category_id, brand, price,
sale_price, sale_start, sale_end, in_stock, discontinued, accessories, ...), categories.csv
(id, name, parent_id), links.csv (product_id, relation, related_id; optional) and orders.csv
(order_id, customer_id, product_id, ..., optional status). The tests use them to pick query
products that have something to recommend and to check filters independently of the server.
"""

from __future__ import annotations

import collections
import csv
import dataclasses
import datetime
import itertools
import pathlib

TRUE = {"true", "1", "yes"}
FALSE = {"false", "0", "no"}
IGNORED_ORDER_STATUSES = {"cancelled", "canceled", "returned", "refunded"}


def parse_bool(text: str | None, default: bool) -> bool:
    value = (text or "").strip().lower()
    if value in TRUE:
        return True
    if value in FALSE:
        return False
    return default


def parse_time(text: str | None) -> datetime.datetime | None:
    value = (text or "").strip()
    if not value:
        return None
    if value.endswith("Z"):
        value = value[:-1] + "+00:00"
    parsed = datetime.datetime.fromisoformat(value)
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=datetime.timezone.utc)
    return parsed


def parse_price(text: str | None) -> float | None:
    value = (text or "").strip()
    return float(value) if value else None


@dataclasses.dataclass
class Product:
    id: str
    title: str
    category_id: str
    brand: str
    price: float
    sale_price: float | None
    sale_start: datetime.datetime | None
    sale_end: datetime.datetime | None
    in_stock: bool
    discontinued: bool
    accessories: list[str]

    def on_sale(self, now: datetime.datetime | None = None) -> bool:
        """Whether the sale price applies at `now` (default: the current time)."""
        if self.sale_price is None or not self.sale_price < self.price:
            return False
        now = now or datetime.datetime.now(datetime.timezone.utc)
        if self.sale_start and now < self.sale_start:
            return False
        if self.sale_end and now >= self.sale_end:
            return False
        return True


def _rows(path: pathlib.Path) -> list[dict[str, str]]:
    if not path.exists():
        return []
    with path.open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


class DemoShop:
    """The demo shop's products, category tree, explicit links and order history."""

    def __init__(self, directory: pathlib.Path):
        self.directory = pathlib.Path(directory)
        products_csv = self.directory / "products.csv"
        if not products_csv.exists():
            raise FileNotFoundError(f"{products_csv} does not exist")
        self.products: dict[str, Product] = {}
        for row in _rows(products_csv):
            pid = row.get("id") or row.get("product_id") or ""
            if not pid:
                continue
            self.products[pid] = Product(
                id=pid,
                title=row.get("title", ""),
                category_id=row.get("category_id", "") or "",
                brand=row.get("brand", "") or "",
                price=parse_price(row.get("price")) or 0.0,
                sale_price=parse_price(row.get("sale_price")),
                sale_start=parse_time(row.get("sale_start")),
                sale_end=parse_time(row.get("sale_end")),
                in_stock=parse_bool(row.get("in_stock"), True),
                discontinued=parse_bool(row.get("discontinued"), False),
                accessories=[a for a in (row.get("accessories") or "").split(";") if a],
            )
        self.parent: dict[str, str | None] = {}
        for row in _rows(self.directory / "categories.csv"):
            self.parent[row["id"]] = row.get("parent_id") or None
        for p in self.products.values():
            if p.category_id and p.category_id not in self.parent:
                self.parent[p.category_id] = None
        self.children: dict[str, list[str]] = collections.defaultdict(list)
        for cid, parent in self.parent.items():
            if parent:
                self.children[parent].append(cid)

        # Explicit links as (from, kind, to): accessory (from's accessory is to), compatible
        # (both ways), successor (to replaces from).
        self.links: list[tuple[str, str, str]] = []
        for p in self.products.values():
            self.links += [(p.id, "accessory", a) for a in p.accessories]
        for row in _rows(self.directory / "links.csv"):
            a, relation, b = row.get("product_id", ""), row.get("relation", ""), row.get("related_id", "")
            if relation == "accessory-of":
                self.links.append((b, "accessory", a))
            elif relation == "compatible-with":
                self.links += [(a, "compatible", b), (b, "compatible", a)]
            elif relation == "successor-of":
                self.links.append((b, "successor", a))
            elif relation == "replaced-by":
                self.links.append((a, "successor", b))

        self.orders: dict[str, list[str]] = collections.defaultdict(list)
        self.purchases: dict[str, set[str]] = collections.defaultdict(set)
        for row in _rows(self.directory / "orders.csv"):
            if (row.get("status") or "").strip().lower() in IGNORED_ORDER_STATUSES:
                continue
            oid, cid, pid = row.get("order_id", ""), row.get("customer_id", ""), row.get("product_id", "")
            if not pid:
                continue
            if oid and pid not in self.orders[oid]:
                self.orders[oid].append(pid)
            if cid:
                self.purchases[cid].add(pid)

    # MARK: category tree

    def subtree(self, category_id: str) -> set[str]:
        """The category and every category below it."""
        out, stack = set(), [category_id]
        while stack:
            c = stack.pop()
            if c not in out:
                out.add(c)
                stack += self.children.get(c, [])
        return out

    def ancestors(self, category_id: str) -> list[str]:
        """The category's parents, nearest first."""
        out, c = [], self.parent.get(category_id)
        while c and c not in out:
            out.append(c)
            c = self.parent.get(c)
        return out

    # MARK: picks for the tests

    def in_stock(self) -> list[Product]:
        return [p for p in self.products.values() if p.in_stock]

    def similar_query(self) -> str:
        """An in-stock product whose category holds the most other in-stock products."""
        by_category = collections.Counter(p.category_id for p in self.in_stock() if p.category_id)
        best = max(self.in_stock(), key=lambda p: (by_category.get(p.category_id, 0), p.id))
        return best.id

    def on_sale_query(self) -> str:
        """A product (in stock when possible) whose category or parent has the most items on sale."""
        on_sale = [p for p in self.in_stock() if p.on_sale()]

        def score(p: Product) -> tuple[int, bool, str]:
            near = {p.category_id, *self.ancestors(p.category_id)[:1]} - {""}
            return (sum(1 for q in on_sale if q.id != p.id and q.category_id in near), p.in_stock, p.id)

        return max(self.products.values(), key=score).id

    def on_sale_category(self) -> str:
        """The category whose subtree holds the most in-stock items on sale."""
        on_sale = [p for p in self.in_stock() if p.on_sale()]
        return max(
            self.parent, key=lambda c: (sum(1 for p in on_sale if p.category_id in self.subtree(c)), c)
        )

    def accessories_query(self) -> str:
        """The product with the most in-stock accessory or compatible links, else the most bought."""
        counts = collections.Counter(
            f for f, kind, t in self.links
            if kind in ("accessory", "compatible") and t in self.products and self.products[t].in_stock
        )
        if counts:
            return max(counts, key=lambda pid: (counts[pid], pid))
        return self.most_bought()

    def replacements_query(self) -> str:
        """A product with an in-stock successor, else an out-of-stock product, else any."""
        successors = [
            f for f, kind, t in self.links
            if kind == "successor" and f in self.products and t in self.products and self.products[t].in_stock
        ]
        if successors:
            return sorted(successors)[0]
        out = sorted(p.id for p in self.products.values() if not p.in_stock or p.discontinued)
        return out[0] if out else self.similar_query()

    def most_bought(self) -> str:
        counts = collections.Counter(pid for items in self.orders.values() for pid in items if pid in self.products)
        if not counts:
            return self.similar_query()
        return max(counts, key=lambda pid: (counts[pid], pid))

    def basket(self) -> list[str]:
        """The pair of products bought together in the most orders."""
        pairs: collections.Counter = collections.Counter()
        for items in self.orders.values():
            known = sorted({i for i in items if i in self.products})
            if len(known) <= 30:
                pairs.update(itertools.combinations(known, 2))
        if not pairs:
            return [self.most_bought()]
        return list(max(pairs, key=lambda pair: (pairs[pair], pair)))

    def customer_who_bought(self, product_ids: list[str]) -> str | None:
        """The customer who bought the most of these products (None when nobody did)."""
        wanted = set(product_ids)
        best = max(self.purchases.items(), key=lambda kv: (len(kv[1] & wanted), kv[0]), default=None)
        if best is None or not best[1] & wanted:
            return None
        return best[0]

    def unknown_product_id(self) -> str:
        pid = "no-such-product"
        while pid in self.products:
            pid += "-x"
        return pid

    def unknown_category_id(self) -> str:
        cid = "no-such-category"
        while cid in self.parent:
            cid += "-x"
        return cid
