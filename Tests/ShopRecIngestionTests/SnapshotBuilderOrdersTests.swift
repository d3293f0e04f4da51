import ShopRecCore
import ShopRecIngestion
import Testing

@Suite struct SnapshotBuilderOrdersTests {
  static let orders = orderLog([
    ("o1", "alice", 20, ["a", "x", "a"]),
    ("o2", "bob", 10, ["b"]),
    ("o3", "alice", 5, ["b", "x"]),
  ])

  @Test func ordersOnlyProductsWithoutCatalogsAreInStock() throws {
    let s = try buildSnapshot([], orders: Self.orders).snapshot
    #expect(s.catalog.productIDs.table.strings == ["a", "x", "b"])
    let flags = s.catalog.productFlags(s.p("x"))
    #expect(flags == [.fromOrdersOnly, .inStock])
    #expect(s.catalog.titles[s.p("x")] == "Name of x")
    #expect(s.catalog.regularPrice[s.p("x")] == 500)
    // x first appears in o3 (day 5).
    #expect(s.catalog.introducedDay[s.p("x")] == 5)
    try s.checkInvariants()
  }

  @Test func ordersOnlyProductsBesideACatalogAreDiscontinued() throws {
    let input = catalogInput([product("a") { $0.introducedDay = 3 }, product("b")])
    let result = try buildSnapshot([input], orders: Self.orders)
    let s = result.snapshot
    #expect(s.catalog.productIDs.table.strings == ["a", "b", "x"])
    #expect(s.catalog.productFlags(s.p("x")) == [.fromOrdersOnly, .discontinued])
    #expect(!s.catalog.isInStock(s.p("x")))
    #expect(s.catalog.introducedDay[s.p("a")] == 3)
    #expect(s.catalog.introducedDay[s.p("b")] == 5)
    #expect(result.summary.ordersOnlyProducts == 1)
    // Still co-purchase signal and a query key: it has a popularity and orders.
    #expect(s.popularity.orderCount[s.p("x")] == 2)
    try s.checkInvariants()
  }

  @Test func historyGroupsLinesAndSortsCustomers() throws {
    let s = try buildSnapshot([], orders: Self.orders).snapshot
    let h = s.orders
    let (a, x, b) = (Int32(s.p("a")), Int32(s.p("x")), Int32(s.p("b")))
    // o1 lists a twice: one line; its value counts both.
    #expect(Array(h.orderLines[0]) == [a, x].sorted())
    let log = Self.orders
    for order in 0 ..< log.orderCount {
      let value = (0 ..< log.lineCount).filter { log.lineOrder[$0] == order }
        .reduce(Int64(0)) { $0 + Int64(log.lineQuantity[$1]) * log.linePrice[$1] }
      #expect(value > 0)
      #expect(h.orderValue[order] == value)
    }
    let alice = h.customerIDs.position(of: "alice")!
    // Alice's orders oldest first: o3 (day 5) then o1 (day 20).
    #expect(Array(h.customerOrders[alice]) == [2, 0])
    #expect(Array(h.customerProducts[alice]) == [a, x, b].sorted())
    #expect(h.customer(alice, bought: b))
  }

  @Test func inconsistentOrderLogIsAnError() {
    var log = Self.orders
    log.lineProduct[0] = 99
    #expect(throws: SnapshotBuildError.self) { try buildSnapshot([], orders: log) }
  }

  @Test func nothingToBuild() {
    #expect(throws: SnapshotBuildError.nothingToBuild) { try buildSnapshot([]) }
    #expect(throws: SnapshotBuildError.nothingToBuild) {
      try buildSnapshot([catalogInput([])], orders: OrderLog())
    }
  }

  @Test func tooManyRejectedNamesCountsAndExamples() throws {
    let input = catalogInput([
      product("a"), product("b", price: -2, line: 3), product("c", price: -1, line: 4),
    ])
    do {
      _ = try buildSnapshot([input])
      Issue.record("expected an error")
    } catch let error as SnapshotBuildError {
      guard case .tooManyRejected(let rejected, let total, _, let top) = error else {
        Issue.record("unexpected \(error)")
        return
      }
      #expect(rejected == 2 && total == 3)
      #expect(top.first?.count == 2)
      #expect(top.first?.examples == ["line 3", "line 4"])
      #expect(error.description.contains("2 of 3 (66.7%)"))
      #expect(error.description.contains("products.csv: price: negative price ×2"))
    }
  }
}
