import CPrefetch

/// `together`: products bought in the same orders more often than chance, scored by the
/// log-likelihood ratio over orders (see docs/recommendations.md).
///
/// For each product `a` (in parallel), the items of the slots containing `a` are counted into a
/// dense per-worker array with a touched list; each touched `b` with enough support and
/// positive association is scored and the best `neighbours` are kept.
enum TogetherNeighbours {
  /// How many slots of `a` ahead the walk asks for.
  static let lookAhead = 8

  /// The `together` rows of `timeline` (items are products).
  static func build(
    timeline: ItemTimeline,
    scope: PairCountingScope,
    minSupport: Int,
    neighbours: Int,
    liftLevel: Double? = nil,
    progress: (Int, Int) -> Void
  ) -> ScoredRows {
    let itemCount = timeline.itemCount
    let weighted = scope.isWeighted
    let total = weighted ? scope.totalWeight : Double(scope.orderCount)
    let headerWords = timeline.headerWords
    let words = timeline.words.base
    let itemSlotStart = timeline.itemSlotStart.base
    let itemSlots = timeline.itemSlots.base
    let labelOf = timeline.label.base
    let itemOf = timeline.item.base
    let labelSlots = timeline.labelSlots.base
    let labelWeight = timeline.labelWeight.base
    return withExtendedLifetime(timeline) {
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
        let labelA = labelOf[a]
        for k in first ..< end {
          // Ask for a slot a few orders ahead so its cache miss overlaps this one's counting.
          if k + lookAhead < end { shoprec_prefetch(words + Int(itemSlots[k + lookAhead])) }
          let offset = Int(itemSlots[k])
          let w = weighted ? ItemTimeline.weight(words, offset) : 1
          let items = offset + headerWords
          for position in items ..< items + Int(words[offset]) {
            let b = words[position]
            if b == labelA { continue }
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
        let countA = weighted ? labelWeight[Int(labelA)] : Double(end - first)
        counter.emitBest(into: &chunk, item: itemOf) { j, support, weight in
          guard Int(support) >= minSupport else { return nil }
          let llr = LogLikelihood.positiveAssociation(
            both: weighted ? weight : Double(support),
            countA: countA,
            countB: weighted ? labelWeight[j] : Double(labelSlots[j]),
            total: total
          )
          return llr > 0 ? llr : nil
        } finish: { best in
          guard let liftLevel else { return }
          LiftLowerBound.rescore(
            &best,
            countA: Double(end - first),
            total: Double(scope.orderCount),
            level: liftLevel
          ) { Double(labelSlots[Int(labelOf[$0])]) }
        }
      }.rows
    }
  }
}
