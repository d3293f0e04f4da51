/// The questions of one evaluation task, flattened: each case is a query (a basket, or one
/// product) with its targets, the moment it is asked and a leaf category to leave out.
struct EvaluationCases {
  var queries = CompressedRowsBuilder()
  var targets = CompressedRowsBuilder()
  var time: [Int64] = []
  var excludedCategory: [CategoryIndex] = []
  /// Targets the training snapshot does not know (nobody can hit them).
  var unknownTargets = 0

  var count: Int { self.time.count }

  mutating func append(
    query: [ProductIndex],
    targets: [ProductIndex],
    time: Int64,
    excludedCategory: CategoryIndex = -1
  ) {
    self.queries.append(query)
    self.targets.append(targets)
    self.time.append(time)
    self.excludedCategory.append(excludedCategory)
    for target in targets where target < 0 { self.unknownTargets += 1 }
  }

  /// The cases of `task` for `heldOut` orders against `snapshot`.
  static func make(
    task: EvaluationTask,
    snapshot: Snapshot,
    heldOut: [HeldOutOrder],
    historyOrders: Int
  ) -> EvaluationCases {
    var cases = EvaluationCases()
    let category = snapshot.catalog.category
    for order in heldOut {
      switch task {
      case .nextBasket:
        let basket = history(of: order, in: snapshot.orders, orders: historyOrders)
        guard !basket.isEmpty else { continue }
        let targets = order.products.filter { $0 < 0 || !basket.contains($0) }
        guard !targets.isEmpty else { continue }
        cases.append(query: basket, targets: targets, time: order.time)
      case .leaveOneOut:
        guard order.products.count >= 2 else { continue }
        for (position, target) in order.products.enumerated() {
          var basket: [ProductIndex] = []
          for (other, product) in order.products.enumerated()
          where other != position && product >= 0 {
            basket.append(product)
          }
          guard !basket.isEmpty else { continue }
          cases.append(query: basket, targets: [target], time: order.time)
        }
      case .accessories:
        let basket = history(of: order, in: snapshot.orders, orders: historyOrders)
        for query in basket {
          let own = category[Int(query)]
          let targets = order.products.filter { target in
            guard target >= 0 else { return true }
            return target != query && (own < 0 || category[Int(target)] != own)
          }
          guard !targets.isEmpty else { continue }
          cases.append(query: [query], targets: targets, time: order.time, excludedCategory: own)
        }
      }
    }
    return cases
  }

  /// The distinct products of the customer's last `orders` training orders no later than the
  /// held-out order, oldest order first.
  static func history(
    of order: HeldOutOrder,
    in history: OrderHistory,
    orders: Int
  ) -> [ProductIndex] {
    guard order.customer >= 0, orders > 0 else { return [] }
    let row = history.customerOrders.range(ofRow: Int(order.customer))
    var end = row.upperBound
    while end > row.lowerBound
      && history.orderTime[Int(history.customerOrders.values[end - 1])] > order.time
    {
      end -= 1
    }
    var basket: [ProductIndex] = []
    for slot in max(row.lowerBound, end - orders) ..< end {
      for product in history.orderLines[Int(history.customerOrders.values[slot])]
      where !basket.contains(product) {
        basket.append(product)
      }
    }
    return basket
  }
}

/// Appends rows of product positions into one flat CSR (offsets and values).
struct CompressedRowsBuilder {
  var offsets: [Int] = [0]
  var values: [ProductIndex] = []

  mutating func append(_ row: [ProductIndex]) {
    self.values.append(contentsOf: row)
    self.offsets.append(self.values.count)
  }

  func row(_ index: Int) -> ArraySlice<ProductIndex> {
    self.values[self.offsets[index] ..< self.offsets[index + 1]]
  }
}
