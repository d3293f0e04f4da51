import CPrefetch

/// Directional "bought later by the same customer" rows: `b` follows `a` when a customer bought
/// `b` in an order after (or, with `includeSameOrder`, in or after) an order with `a`, within a
/// window. Each (customer, a, b) counts once; pairs are scored by the log-likelihood ratio over
/// customers (see docs/recommendations.md).
///
/// Used for product `later` rows (items are products) and for `categoryFollowUps` (items are
/// leaf categories, same-order purchases included).
///
/// Two ways to count, with the same counts:
/// - row by row (many items): for each `a` (in parallel), the walk visits each customer of `a`
///   once: for every slot with `a` it reads the customer's following slots inside the window
///   (consecutive memory in the ``ItemTimeline``), resuming where the previous slot's walk
///   stopped, and counts each item once per customer with a visit stamp;
/// - customer by customer (few items, see ``FollowUpCounts``): every customer's slots are read
///   once and the same walks run for each of the customer's items while the slots are in
///   cache, counting into a dense item × item matrix.
enum FollowUpNeighbours {
  /// How many slots of `a` ahead the row-by-row walk asks for.
  static let lookAhead = 6
  /// Cache lines of that customer's history asked for, from the slot with `a` on.
  static let prefetchedLines = 4

  /// The follow-up rows of `timeline`.
  static func build(
    timeline: ItemTimeline,
    scope: PairCountingScope,
    windowSeconds: Int64,
    includeSameOrder: Bool,
    minSupport: Int,
    neighbours: Int,
    liftLevel: Double? = nil,
    counting: PairCounting = .byCustomer(),
    progress: (Int, Int) -> Void
  ) -> ScoredRows {
    let scoring = FollowUpScoring(
      timeline: timeline,
      customerCount: scope.customerCount,
      minSupport: minSupport,
      liftLevel: liftLevel
    )
    if case .byCustomer(let bufferedEvents) = counting,
      let counts = FollowUpCounts(
        timeline: timeline,
        windowSeconds: windowSeconds,
        includeSameOrder: includeSameOrder,
        bufferedEvents: bufferedEvents,
        progress: progress
      )
    {
      return Self.rows(of: counts, scoring: scoring, neighbours: neighbours, progress: progress)
    }
    return Self.rowsByItem(
      timeline: timeline,
      windowSeconds: windowSeconds,
      includeSameOrder: includeSameOrder,
      scoring: scoring,
      neighbours: neighbours,
      progress: progress
    )
  }

  /// The rows from counts made customer by customer.
  static func rows(
    of counts: FollowUpCounts,
    scoring: FollowUpScoring,
    neighbours: Int,
    progress: (Int, Int) -> Void
  ) -> ScoredRows {
    let timeline = scoring.timeline
    let itemCount = timeline.itemCount
    let labelOf = timeline.label.base
    return withExtendedLifetime(counts) {
      ParallelRows.build(
        rowCount: itemCount,
        makeScratch: { PairCounter(itemCount: itemCount, weighted: false, limit: neighbours) },
        progress: progress
      ) { a, counter, chunk in
        let labelA = Int(labelOf[a])
        guard scoring.isCounted(label: labelA) else { return }
        counts.load(row: labelA, into: &counter)
        scoring.emit(&counter, labelA: labelA, into: &chunk)
      }.rows
    }
  }

  /// The rows counted item by item: each row walks the histories of its item's customers.
  static func rowsByItem(
    timeline: ItemTimeline,
    windowSeconds: Int64,
    includeSameOrder: Bool,
    scoring: FollowUpScoring,
    neighbours: Int,
    progress: (Int, Int) -> Void
  ) -> ScoredRows {
    let itemCount = timeline.itemCount
    let headerWords = timeline.headerWords
    let words = timeline.words.base
    let itemSlotStart = timeline.itemSlotStart.base
    let itemSlots = timeline.itemSlots.base
    let labelOf = timeline.label.base
    return withExtendedLifetime(timeline) {
      ParallelRows.build(
        rowCount: itemCount,
        makeScratch: { PairCounter(itemCount: itemCount, weighted: false, limit: neighbours) },
        progress: progress
      ) { a, counter, chunk in
        let labelA = labelOf[a]
        guard scoring.isCounted(label: Int(labelA)) else { return }
        let marks = counter.marks.base
        let touched = counter.touched.base
        var touchedCount = 0
        var k = Int(itemSlotStart[a])
        let end = Int(itemSlotStart[a + 1])
        while k < end {
          let visit = counter.nextVisit()
          // Ask for the history a few customers ahead (a window is a few cache lines) so its
          // misses overlap this walk.
          if k + lookAhead < end {
            let ahead = words + Int(itemSlots[k + lookAhead])
            for line in 0 ..< prefetchedLines { shoprec_prefetch(ahead + line * 16) }
          }
          let historyEnd = Int(words[Int(itemSlots[k]) + 1])
          var walked = 0
          // Every slot of `a` of this customer, oldest first.
          while k < end, Int(itemSlots[k]) < historyEnd {
            walked = Self.walk(
              words: words,
              headerWords: headerWords,
              from: Int(itemSlots[k]),
              resumingAt: walked,
              historyEnd: historyEnd,
              windowSeconds: windowSeconds,
              includeSameOrder: includeSameOrder
            ) { b in
              let j = Int(b)
              if marks[j].stamp == visit || b == labelA { return }
              marks[j].stamp = visit
              if marks[j].count == 0 {
                touched[touchedCount] = b
                touchedCount += 1
              }
              marks[j].count += 1
            }
            k += 1
          }
        }
        counter.touchedCount = touchedCount
        scoring.emit(&counter, labelA: Int(labelA), into: &chunk)
      }.rows
    }
  }

  /// Calls `body` with each item of the slots that follow the slot at word `slotA` (itself
  /// too with `includeSameOrder`) within the window, up to `historyEnd` (the end of the
  /// customer's slots), skipping slots before `walked` (already walked for an earlier slot of
  /// the same item). Returns where the walk stopped, to resume from for the next slot.
  @inline(__always)
  static func walk(
    words: UnsafeMutablePointer<Int32>,
    headerWords: Int,
    from slotA: Int,
    resumingAt walked: Int,
    historyEnd: Int,
    windowSeconds: Int64,
    includeSameOrder: Bool,
    _ body: (Int32) -> Void
  ) -> Int {
    let timeA = ItemTimeline.time(words, slotA)
    var next = max(walked, includeSameOrder ? slotA : slotA + headerWords + Int(words[slotA]))
    while next < historyEnd {
      let time = ItemTimeline.time(words, next)
      if time - timeA > windowSeconds { break }
      let items = next + headerWords
      let itemsEnd = items + Int(words[next])
      if includeSameOrder || time > timeA {
        for position in items ..< itemsEnd { body(words[position]) }
      }
      next = itemsEnd
    }
    return next
  }
}
