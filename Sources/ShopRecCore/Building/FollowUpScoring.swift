/// How a follow-up row is scored once its counts are made: which rows are counted at all, and
/// the selection of the best neighbours by log-likelihood ratio over customers (then, with a
/// lift level, rescored by ``LiftLowerBound``). Shared by both ways of counting in
/// ``FollowUpNeighbours``, so they give the same rows.
struct FollowUpScoring: @unchecked Sendable {
  let timeline: ItemTimeline
  let total: Double
  let minSupport: Int
  let liftLevel: Double?

  init(timeline: ItemTimeline, customerCount: Int, minSupport: Int, liftLevel: Double?) {
    self.timeline = timeline
    self.total = Double(customerCount)
    self.minSupport = minSupport
    self.liftLevel = liftLevel
  }

  /// Whether the row of the item with `label` has enough customers to be counted.
  @inline(__always)
  func isCounted(label: Int) -> Bool {
    Int(self.timeline.labelCustomers[label]) >= self.minSupport
  }

  /// Scores the touched labels of `counter` as follow-ups of the item with `labelA` and appends
  /// the best to `chunk` (resetting the counts).
  @inline(__always)
  func emit(_ counter: inout PairCounter, labelA: Int, into chunk: inout RowChunk) {
    let labelCustomers = self.timeline.labelCustomers.base
    let labelOf = self.timeline.label.base
    let countA = Double(labelCustomers[labelA])
    let minSupport = self.minSupport
    let total = self.total
    let liftLevel = self.liftLevel
    counter.emitBest(into: &chunk, item: self.timeline.item.base) { j, support, _ in
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
  }
}
