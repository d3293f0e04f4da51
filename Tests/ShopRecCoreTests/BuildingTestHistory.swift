import ShopRecCore

/// Builds an ``OrderHistory`` by hand for the algorithm tests: one entry per order as
/// (customer, day, products).
func makeHistory(
  _ orders: [(customer: Int, day: Int, products: [ProductIndex])],
  customerCount: Int? = nil
) -> OrderHistory {
  let customers = customerCount ?? ((orders.map(\.customer).max() ?? -1) + 1)
  let rows = orders.map { Array(Set($0.products)).sorted() }
  let lines = CompressedRows(rows: rows)
  let customerOrders = (0 ..< customers).map { c in
    orders.indices.filter { orders[$0].customer == c }
      .sorted { (orders[$0].day, $0) < (orders[$1].day, $1) }
      .map { Int32($0) }
  }
  let customerProducts = (0 ..< customers).map { c in
    Array(Set(orders.indices.filter { orders[$0].customer == c }.flatMap { rows[$0] })).sorted()
  }
  return OrderHistory(
    customerIDs: IndexedStrings((0 ..< customers).map { "c\($0)" }),
    orderIDs: StringTable(orders.indices.map { "o\($0)" }),
    orderCustomer: FrozenArray(orders.map { Int32($0.customer) }),
    orderTime: FrozenArray(orders.map { Int64($0.day) * 86_400 }),
    orderLines: lines,
    orderValue: FrozenArray(repeating: 0, count: lines.rowCount),
    customerOrders: CompressedRows(rows: customerOrders),
    customerProducts: CompressedRows(rows: customerProducts)
  )
}

/// The co-purchase matrix of `history` with `configure`d options.
func matrix(
  _ history: OrderHistory,
  productCount: Int,
  categories: [CategoryIndex]? = nil,
  categoryCount: Int = 0,
  configure: (inout SnapshotBuildOptions) -> Void = { _ in }
) -> CoPurchaseMatrix {
  var options = SnapshotBuildOptions()
  // These tests check the log-likelihood ratio itself (the reference scoring).
  options.coPurchaseLiftLevel = nil
  configure(&options)
  return CoPurchaseBuilder.build(
    orders: history,
    productCount: productCount,
    productCategory: FrozenArray(categories ?? [CategoryIndex](repeating: -1, count: productCount)),
    categoryCount: categoryCount,
    options: options
  )
}

/// The targets of one row.
func targets(_ rows: ScoredRows, _ row: Int) -> [Int32] {
  rows.entries(ofRow: row).map(\.target)
}
