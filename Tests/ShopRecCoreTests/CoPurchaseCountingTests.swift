import ShopRecCore
import ShopRecIngestion
import Testing

/// Counting follow-ups customer by customer (into a dense matrix, with buffered additions)
/// gives the rows counting row by row gives, on the demo shop's history.
@Suite struct CoPurchaseCountingTests {
  static let snapshot = Result { try SyntheticShop.demoSnapshot() }

  static func matrix(
    _ snapshot: Snapshot,
    counting: PairCounting,
    windowDays: Int = 180
  ) -> CoPurchaseMatrix {
    var options = SnapshotBuildOptions()
    options.laterWindowDays = windowDays
    return CoPurchaseBuilder.build(
      orders: snapshot.orders,
      productCount: snapshot.catalog.count,
      productCategory: snapshot.catalog.category,
      categoryCount: snapshot.categories.count,
      options: options,
      counting: counting
    )
  }

  @Test(arguments: [180, 30, 0])
  func byCustomerMatchesByRow(windowDays: Int) throws {
    let snapshot = try Self.snapshot.get()
    let byRow = Self.matrix(snapshot, counting: .byRow, windowDays: windowDays)
    // Enough follow-ups that the comparison means something.
    #expect(byRow.categoryFollowUps.entryCount > snapshot.categories.count)
    // A buffer of 7 events is flushed many times and outgrown by long walks.
    for counting in [PairCounting.byCustomer(bufferedEvents: 7), .byCustomer()] {
      let byCustomer = Self.matrix(snapshot, counting: counting, windowDays: windowDays)
      #expect(byCustomer.categoryFollowUps == byRow.categoryFollowUps)
      #expect(byCustomer.later == byRow.later)
      #expect(byCustomer.together == byRow.together)
    }
  }

  @Test func theBuildMatchesRowByRowCounting() throws {
    let snapshot = try Self.snapshot.get()
    #expect(snapshot.coPurchase == Self.matrix(snapshot, counting: .byRow))
  }
}
