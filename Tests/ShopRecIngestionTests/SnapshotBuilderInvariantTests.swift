import ShopRecCore
import ShopRecIngestion
import Testing

@Suite struct SnapshotBuilderInvariantTests {
  /// `snapshot` with some parts replaced.
  static func replacing(
    _ s: Snapshot,
    categories: CategoryTree? = nil,
    popularity: Popularity? = nil,
    orders: OrderHistory? = nil,
    coPurchase: CoPurchaseMatrix? = nil
  ) -> Snapshot {
    Snapshot(
      metadata: s.metadata,
      catalog: s.catalog,
      categories: categories ?? s.categories,
      links: s.links,
      coPurchase: coPurchase ?? s.coPurchase,
      popularity: popularity ?? s.popularity,
      lists: s.lists,
      orders: orders ?? s.orders
    )
  }

  static func expectViolation(_ snapshot: Snapshot, _ fragment: String) {
    #expect {
      try snapshot.checkInvariants()
    } throws: { error in
      (error as? InvariantViolation)?.message.contains(fragment) == true
    }
  }

  @Test func brokenSnapshotsAreRejected() throws {
    let s = try buildSnapshot(
      [SnapshotBuilderListsTests.input],
      orders: SnapshotBuilderListsTests.orders
    ).snapshot
    try s.checkInvariants()
    let p = s.popularity
    Self.expectViolation(
      Self.replacing(
        s,
        popularity: Popularity(
          score: p.score,
          orderCount: p.orderCount,
          ranking: FrozenArray(p.ranking.reversed())
        )
      ),
      "popularity.ranking"
    )
    let t = s.categories
    let root = s.c("el")
    var values = t.subtreeProducts.values.elements
    let range = t.subtreeProducts.range(ofRow: root)
    values.swapAt(range.lowerBound, range.lowerBound + 1)
    let unsorted = CategoryTree(
      ids: t.ids,
      names: t.names,
      parent: t.parent,
      depth: t.depth,
      children: t.children,
      subtreeProducts: CompressedRows(
        offsets: t.subtreeProducts.offsets,
        values: FrozenArray(values)
      ),
      subtreeSales: t.subtreeSales
    )
    Self.expectViolation(Self.replacing(s, categories: unsorted), "not sorted by popularity")
    var parents = t.parent.elements
    parents[root] = CategoryIndex(t.count - 1)
    let childFirst = CategoryTree(
      ids: t.ids,
      names: t.names,
      parent: FrozenArray(parents),
      depth: t.depth,
      children: t.children,
      subtreeProducts: t.subtreeProducts,
      subtreeSales: t.subtreeSales
    )
    Self.expectViolation(Self.replacing(s, categories: childFirst), "does not come before it")
    let h = s.orders
    var offsets = h.orderLines.offsets.elements
    offsets[offsets.count - 1] += 1
    let truncated = OrderHistory(
      customerIDs: h.customerIDs,
      orderIDs: h.orderIDs,
      orderCustomer: h.orderCustomer,
      orderTime: h.orderTime,
      orderLines: CompressedRows(offsets: FrozenArray(offsets), values: h.orderLines.values),
      orderValue: h.orderValue,
      customerOrders: h.customerOrders,
      customerProducts: h.customerProducts
    )
    Self.expectViolation(Self.replacing(s, orders: truncated), "orders.orderLines")
    let m = s.coPurchase
    #expect(m.together.entryCount > 0)
    let outOfRange = ScoredRows(
      targets: CompressedRows(
        offsets: m.together.targets.offsets,
        values: FrozenArray(m.together.targets.values.map { _ in 999 })
      ),
      scores: m.together.scores
    )
    Self.expectViolation(
      Self.replacing(
        s,
        coPurchase: CoPurchaseMatrix(
          together: outOfRange,
          later: m.later,
          categoryFollowUps: m.categoryFollowUps
        )
      ),
      "out of range"
    )
  }
}
