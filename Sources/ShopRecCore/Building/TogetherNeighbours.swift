/// `together`: products bought in the same orders more often than chance, scored by the
/// log-likelihood ratio over orders (see docs/recommendations.md).
///
/// For each product `a` (in parallel), the orders containing `a` are gathered into a dense
/// per-worker count array with a touched list; each touched `b` with enough support and
/// positive association is scored and the best `neighbours` are kept.
enum TogetherNeighbours {
  final class Scratch {
    var count: [Int32]
    var weight: [Double]
    var touched: [Int32] = []
    var selector: TopKSelector
    var best: [ScoredCandidate] = []

    init(itemCount: Int, weighted: Bool, limit: Int) {
      self.count = [Int32](repeating: 0, count: itemCount)
      self.weight = weighted ? [Double](repeating: 0, count: itemCount) : []
      self.selector = TopKSelector(limit: limit)
    }
  }

  /// The `together` rows of `index` (items are products).
  static func build(
    index: OrderItemIndex,
    scope: PairCountingScope,
    minSupport: Int,
    neighbours: Int,
    liftLevel: Double? = nil,
    progress: (Int, Int) -> Void
  ) -> ScoredRows {
    let itemCount = index.itemCustomers.count
    let weighted = scope.isWeighted
    let total = weighted ? scope.totalWeight : Double(scope.orderCount)
    return ParallelRows.build(
      rowCount: itemCount,
      makeScratch: { Scratch(itemCount: itemCount, weighted: weighted, limit: neighbours) },
      progress: progress
    ) { a, scratch, chunk in
      let ordersOfA = index.itemOrders.range(ofRow: a)
      guard ordersOfA.count >= minSupport else { return }
      let orderItems = index.orderItems
      for slot in ordersOfA {
        let order = Int(index.itemOrders.values[slot])
        let w = scope.weight[order]
        for b in orderItems.values[orderItems.range(ofRow: order)] where b != Int32(a) {
          let j = Int(b)
          if scratch.count[j] == 0 { scratch.touched.append(b) }
          scratch.count[j] += 1
          if weighted { scratch.weight[j] += w }
        }
      }
      let countA = weighted ? index.itemWeight[a] : Double(ordersOfA.count)
      for b in scratch.touched {
        let j = Int(b)
        let support = scratch.count[j]
        scratch.count[j] = 0
        var both = Double(support)
        if weighted {
          both = scratch.weight[j]
          scratch.weight[j] = 0
        }
        guard support >= minSupport else { continue }
        let countB = weighted ? index.itemWeight[j] : Double(index.itemOrders.count(ofRow: j))
        let llr = LogLikelihood.positiveAssociation(
          both: both,
          countA: countA,
          countB: countB,
          total: total
        )
        guard llr > 0 else { continue }
        scratch.selector.offer(ScoredCandidate(score: llr, support: Double(support), target: b))
      }
      scratch.touched.removeAll(keepingCapacity: true)
      scratch.selector.drainBestFirst(into: &scratch.best)
      if let liftLevel {
        LiftLowerBound.rescore(
          &scratch.best,
          countA: Double(ordersOfA.count),
          total: Double(scope.orderCount),
          level: liftLevel
        ) { Double(index.itemOrders.count(ofRow: $0)) }
      }
      for candidate in scratch.best { chunk.append(candidate.target, Float(candidate.score)) }
    }.rows
  }
}
