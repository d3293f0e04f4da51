/// Per-worker state for counting one row's pairs: a dense count per item with the list of
/// items touched so far, a visit stamp per item (for counting an item once per customer), and
/// the bounded selection of the row's best neighbours.
///
/// Counts and stamps live side by side (one cache line holds both), in manually allocated
/// memory indexed without checks; the row builders reset every count they touch.
struct PairCounter {
  /// One item's state.
  struct Mark {
    /// The visit that last counted the item.
    var stamp: UInt32
    /// The item's count in the current row.
    var count: Int32
  }

  let marks: BuildBuffer<Mark>
  let weights: BuildBuffer<Double>
  let touched: BuildBuffer<Int32>
  var touchedCount = 0
  var visit: UInt32 = 0
  var selector: TopKSelector
  var best: [ScoredCandidate] = []

  init(itemCount: Int, weighted: Bool, limit: Int) {
    self.marks = BuildBuffer(repeating: Mark(stamp: 0, count: 0), count: itemCount)
    self.weights = BuildBuffer(repeating: 0, count: weighted ? itemCount : 0)
    self.touched = BuildBuffer(repeating: 0, count: itemCount)
    self.selector = TopKSelector(limit: limit)
  }

  /// Starts a new visit (a new customer); every item may be counted once more.
  @inline(__always)
  mutating func nextVisit() -> UInt32 {
    self.visit &+= 1
    if self.visit == 0 {
      for item in 0 ..< self.marks.count { self.marks[item].stamp = 0 }
      self.visit = 1
    }
    return self.visit
  }

  /// Offers the touched labels to the selector (scored by `score(label, count, weight)`,
  /// skipped when it returns nil) as their items `item[label]`, resets their counts and
  /// weights, and appends the best to `chunk`.
  /// `finish` may rework the selected neighbours (best first, targets are items) before they
  /// are appended, e.g. to rescore and re-sort them.
  @inline(__always)
  mutating func emitBest(
    into chunk: inout RowChunk,
    item: UnsafeMutablePointer<Int32>,
    score: (_ label: Int, _ count: Int32, _ weight: Double) -> Double?,
    finish: (inout [ScoredCandidate]) -> Void = { _ in }
  ) {
    let marks = self.marks.base
    let weights = self.weights.count > 0 ? self.weights.base : nil
    for k in 0 ..< self.touchedCount {
      let j = Int(self.touched[k])
      let count = marks[j].count
      marks[j].count = 0
      var weight = 0.0
      if let weights {
        weight = weights[j]
        weights[j] = 0
      }
      guard let llr = score(j, count, weight) else { continue }
      self.selector.offer(ScoredCandidate(score: llr, support: Double(count), target: item[j]))
    }
    self.touchedCount = 0
    self.selector.drainBestFirst(into: &self.best)
    finish(&self.best)
    for candidate in self.best { chunk.append(candidate.target, Float(candidate.score)) }
  }
}
