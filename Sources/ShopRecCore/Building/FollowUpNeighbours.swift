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
/// ``PairTimeline``), resuming where the previous slot's walk stopped, and counts each item
/// once per customer with a visit stamp.
enum FollowUpNeighbours {
  /// The follow-up rows of `items`.
  static func build(
    timeline: PairTimeline,
    items: TimelineItems,
    scope: PairCountingScope,
    windowSeconds: Int64,
    includeSameOrder: Bool,
    minSupport: Int,
    neighbours: Int,
    progress: (Int, Int) -> Void
  ) -> ScoredRows {
    let itemCount = items.itemCount
    let total = Double(scope.customerCount)
    let slotTime = timeline.time.base
    let customerEnd = timeline.customerEnd.base
    let slotItemStart = items.slotItemStart.base
    let slotItems = items.slotItems.base
    let itemSlotStart = items.itemSlotStart.base
    let itemSlots = items.itemSlots.base
    let itemCustomers = items.itemCustomers.base
    return withExtendedLifetime((timeline, items)) {
      ParallelRows.build(
        rowCount: itemCount,
        makeScratch: { PairCounter(itemCount: itemCount, weighted: false, limit: neighbours) },
        progress: progress
      ) { a, counter, chunk in
        guard Int(itemCustomers[a]) >= minSupport else { return }
        let marks = counter.marks.base
        let touched = counter.touched.base
        var touchedCount = 0
        let self32 = Int32(a)
        var k = Int(itemSlotStart[a])
        let end = Int(itemSlotStart[a + 1])
        while k < end {
          let visit = counter.nextVisit()
          let historyEnd = Int(customerEnd[Int(itemSlots[k])])
          var walked = 0
          // Every slot of `a` of this customer, oldest first.
          while k < end, Int(itemSlots[k]) < historyEnd {
            let slotA = Int(itemSlots[k])
            let timeA = slotTime[slotA]
            var next = max(walked, includeSameOrder ? slotA : slotA + 1)
            while next < historyEnd {
              let time = slotTime[next]
              if time - timeA > windowSeconds { break }
              if includeSameOrder || time > timeA {
                for position in Int(slotItemStart[next]) ..< Int(slotItemStart[next + 1]) {
                  let b = slotItems[position]
                  let j = Int(b)
                  if marks[j].stamp == visit || b == self32 { continue }
                  marks[j].stamp = visit
                  if marks[j].count == 0 {
                    touched[touchedCount] = b
                    touchedCount += 1
                  }
                  marks[j].count += 1
                }
              }
              next += 1
            }
            walked = next
            k += 1
          }
        }
        counter.touchedCount = touchedCount
        let countA = Double(itemCustomers[a])
        counter.emitBest(into: &chunk) { j, support, _ in
          guard Int(support) >= minSupport else { return nil }
          let llr = LogLikelihood.positiveAssociation(
            both: Double(support),
            countA: countA,
            countB: Double(itemCustomers[j]),
            total: total
          )
          return llr > 0 ? llr : nil
        }
      }.rows
    }
  }
}
