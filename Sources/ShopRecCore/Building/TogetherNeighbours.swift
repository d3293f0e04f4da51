/// `together`: products bought in the same orders more often than chance, scored by the
/// log-likelihood ratio over orders (see docs/recommendations.md).
///
/// For each product `a` (in parallel), the slots containing `a` are gathered into a dense
/// per-worker count array with a touched list; each touched `b` with enough support and
/// positive association is scored and the best `neighbours` are kept.
enum TogetherNeighbours {
  /// The `together` rows of `items` (items are products).
  static func build(
    timeline: PairTimeline,
    items: TimelineItems,
    scope: PairCountingScope,
    minSupport: Int,
    neighbours: Int,
    progress: (Int, Int) -> Void
  ) -> ScoredRows {
    let itemCount = items.itemCount
    let weighted = scope.isWeighted
    let total = weighted ? scope.totalWeight : Double(scope.orderCount)
    let slotWeight = timeline.weight.base
    let slotItemStart = items.slotItemStart.base
    let slotItems = items.slotItems.base
    let itemSlotStart = items.itemSlotStart.base
    let itemSlots = items.itemSlots.base
    let itemWeight = items.itemWeight.base
    return withExtendedLifetime((timeline, items)) {
      ParallelRows.build(
        rowCount: itemCount,
        makeScratch: { PairCounter(itemCount: itemCount, weighted: weighted, limit: neighbours) },
        progress: progress
      ) { a, counter, chunk in
        let first = Int(itemSlotStart[a])
        let end = Int(itemSlotStart[a + 1])
        guard end - first >= minSupport else { return }
        let marks = counter.marks.base
        let weights = counter.weights.base
        let touched = counter.touched.base
        var touchedCount = 0
        let self32 = Int32(a)
        for k in first ..< end {
          let slot = Int(itemSlots[k])
          let w = weighted ? slotWeight[slot] : 1
          for position in Int(slotItemStart[slot]) ..< Int(slotItemStart[slot + 1]) {
            let b = slotItems[position]
            if b == self32 { continue }
            let j = Int(b)
            if marks[j].count == 0 {
              touched[touchedCount] = b
              touchedCount += 1
            }
            marks[j].count += 1
            if weighted { weights[j] += w }
          }
        }
        counter.touchedCount = touchedCount
        let countA = weighted ? itemWeight[a] : Double(end - first)
        counter.emitBest(into: &chunk) { j, support, weight in
          guard Int(support) >= minSupport else { return nil }
          let countB =
            weighted ? itemWeight[j] : Double(itemSlotStart[j + 1] &- itemSlotStart[j])
          let llr = LogLikelihood.positiveAssociation(
            both: weighted ? weight : Double(support),
            countA: countA,
            countB: countB,
            total: total
          )
          return llr > 0 ? llr : nil
        }
      }.rows
    }
  }
}
