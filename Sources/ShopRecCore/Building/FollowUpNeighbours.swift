/// Directional "bought later by the same customer" rows: `b` follows `a` when a customer bought
/// `b` in an order after (or, with `includeSameOrder`, in or after) an order with `a`, within a
/// window. Each (customer, a, b) counts once; pairs are scored by the log-likelihood ratio over
/// customers (see docs/recommendations.md).
///
/// Used for product `later` rows (items are products) and for `categoryFollowUps` (items are
/// leaf categories, same-order purchases included).
///
/// For each `a` (in parallel), the walk visits each customer of `a` once: for every slot with
/// `a` it reads the customer's following slots inside the window (consecutive memory in the
/// ``ItemTimeline``), resuming where the previous slot's walk stopped, and counts each item
/// once per customer with a visit stamp.
enum FollowUpNeighbours {
  /// How many slots of `a` ahead the walk touches.
  static let lookAhead = 6

  /// The follow-up rows of `timeline`.
  static func build(
    timeline: ItemTimeline,
    scope: PairCountingScope,
    windowSeconds: Int64,
    includeSameOrder: Bool,
    minSupport: Int,
    neighbours: Int,
    liftLevel: Double? = nil,
    progress: (Int, Int) -> Void
  ) -> ScoredRows {
    let itemCount = timeline.itemCount
    let total = Double(scope.customerCount)
    let headerWords = timeline.headerWords
    let words = timeline.words.base
    let itemSlotStart = timeline.itemSlotStart.base
    let itemSlots = timeline.itemSlots.base
    let labelOf = timeline.label.base
    let itemOf = timeline.item.base
    let labelCustomers = timeline.labelCustomers.base
    return withExtendedLifetime(timeline) {
      ParallelRows.build(
        rowCount: itemCount,
        makeScratch: { PairCounter(itemCount: itemCount, weighted: false, limit: neighbours) },
        progress: progress
      ) { a, counter, chunk in
        let labelA = labelOf[a]
        guard Int(labelCustomers[Int(labelA)]) >= minSupport else { return }
        let marks = counter.marks.base
        let touched = counter.touched.base
        var touchedCount = 0
        var k = Int(itemSlotStart[a])
        let end = Int(itemSlotStart[a + 1])
        var ahead: Int32 = 0
        while k < end {
          let visit = counter.nextVisit()
          // Touch a slot a few customers ahead so its cache miss overlaps this walk.
          if k + lookAhead < end { ahead &+= words[Int(itemSlots[k + lookAhead]) + 1] }
          let historyEnd = Int(words[Int(itemSlots[k]) + 1])
          var walked = 0
          // Every slot of `a` of this customer, oldest first.
          while k < end, Int(itemSlots[k]) < historyEnd {
            let slotA = Int(itemSlots[k])
            let timeA = ItemTimeline.time(words, slotA)
            var next = max(
              walked,
              includeSameOrder ? slotA : slotA + headerWords + Int(words[slotA])
            )
            while next < historyEnd {
              let time = ItemTimeline.time(words, next)
              if time - timeA > windowSeconds { break }
              let items = next + headerWords
              let itemsEnd = items + Int(words[next])
              if includeSameOrder || time > timeA {
                for position in items ..< itemsEnd {
                  let b = words[position]
                  let j = Int(b)
                  if marks[j].stamp == visit || b == labelA { continue }
                  marks[j].stamp = visit
                  if marks[j].count == 0 {
                    touched[touchedCount] = b
                    touchedCount += 1
                  }
                  marks[j].count += 1
                }
              }
              next = itemsEnd
            }
            walked = next
            k += 1
          }
        }
        counter.touchedCount = touchedCount
        counter.sink &+= ahead
        let countA = Double(labelCustomers[Int(labelA)])
        counter.emitBest(into: &chunk, item: itemOf) { j, support, _ in
          guard Int(support) >= minSupport else { return nil }
          let llr = LogLikelihood.positiveAssociation(
            both: Double(support),
            countA: countA,
            countB: Double(labelCustomers[j]),
            total: total
          )
          return llr > 0 ? llr : nil
        } finish: { best in
          guard let liftLevel else { return }
          LiftLowerBound.rescore(&best, countA: countA, total: total, level: liftLevel) {
            Double(labelCustomers[Int(labelOf[$0])])
          }
        }
      }.rows
    }
  }
}
