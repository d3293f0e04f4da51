/// Directional "bought later by the same customer" rows: `b` follows `a` when a customer bought
/// `b` in an order after (or, with `includeSameOrder`, in or after) an order with `a`, within a
/// window. Each (customer, a, b) counts once; pairs are scored by the log-likelihood ratio over
/// customers (see docs/recommendations.md).
///
/// Used for product `later` rows (items are products) and for `categoryFollowUps` (items are
/// leaf categories, same-order purchases included).
enum FollowUpNeighbours {
  final class Scratch {
    var count: [Int32]
    var stamp: [UInt32]
    var visit: UInt32 = 0
    var touched: [Int32] = []
    var selector: TopKSelector
    var best: [ScoredCandidate] = []

    init(itemCount: Int, limit: Int) {
      self.count = [Int32](repeating: 0, count: itemCount)
      self.stamp = [UInt32](repeating: 0, count: itemCount)
      self.selector = TopKSelector(limit: limit)
    }
  }

  /// The follow-up rows of `index`.
  static func build(
    index: OrderItemIndex,
    orders: OrderHistory,
    scope: PairCountingScope,
    windowSeconds: Int64,
    includeSameOrder: Bool,
    minSupport: Int,
    neighbours: Int,
    liftLevel: Double? = nil,
    progress: (Int, Int) -> Void
  ) -> ScoredRows {
    let itemCount = index.itemCustomers.count
    let total = Double(scope.customerCount)
    return ParallelRows.build(
      rowCount: itemCount,
      makeScratch: { Scratch(itemCount: itemCount, limit: neighbours) },
      progress: progress
    ) { a, scratch, chunk in
      guard Int(index.itemCustomers[a]) >= minSupport else { return }
      let ordersOfA = index.itemOrders.range(ofRow: a)
      let orderItems = index.orderItems
      let customerOrders = orders.customerOrders
      var slot = ordersOfA.lowerBound
      while slot < ordersOfA.upperBound {
        let customer = Int(orders.orderCustomer[Int(index.itemOrders.values[slot])])
        let history = customerOrders.range(ofRow: customer)
        scratch.visit &+= 1
        if scratch.visit == 0 {
          for i in scratch.stamp.indices { scratch.stamp[i] = 0 }
          scratch.visit = 1
        }
        let visit = scratch.visit
        var walked = history.lowerBound
        // Every order of `a` by this customer, oldest first.
        while slot < ordersOfA.upperBound,
          Int(orders.orderCustomer[Int(index.itemOrders.values[slot])]) == customer
        {
          let orderA = Int(index.itemOrders.values[slot])
          let timeA = orders.orderTime[orderA]
          let position = Int(scope.positionInCustomer[orderA])
          var next = max(walked, includeSameOrder ? position : position + 1)
          while next < history.upperBound {
            let order = Int(customerOrders.values[next])
            let time = orders.orderTime[order]
            if time - timeA > windowSeconds { break }
            let follows = includeSameOrder ? time >= timeA : time > timeA
            if follows && scope.eligible[order] {
              for b in orderItems.values[orderItems.range(ofRow: order)] where b != Int32(a) {
                let j = Int(b)
                if scratch.stamp[j] == visit { continue }
                scratch.stamp[j] = visit
                if scratch.count[j] == 0 { scratch.touched.append(b) }
                scratch.count[j] += 1
              }
            }
            next += 1
          }
          walked = next
          slot += 1
        }
      }
      let countA = Double(index.itemCustomers[a])
      for b in scratch.touched {
        let j = Int(b)
        let support = scratch.count[j]
        scratch.count[j] = 0
        guard support >= minSupport else { continue }
        let llr = LogLikelihood.positiveAssociation(
          both: Double(support),
          countA: countA,
          countB: Double(index.itemCustomers[j]),
          total: total
        )
        guard llr > 0 else { continue }
        scratch.selector.offer(ScoredCandidate(score: llr, support: Double(support), target: b))
      }
      scratch.touched.removeAll(keepingCapacity: true)
      scratch.selector.drainBestFirst(into: &scratch.best)
      if let liftLevel {
        LiftLowerBound.rescore(&scratch.best, countA: countA, total: total, level: liftLevel) {
          Double(index.itemCustomers[$0])
        }
      }
      for candidate in scratch.best { chunk.append(candidate.target, Float(candidate.score)) }
    }.rows
  }
}
