import Collections

/// A scored candidate: ordered by score, then support (count), then lower index first.
struct ScoredCandidate: Comparable {
  var score: Double
  var support: Double
  var target: Int32

  /// `a < b` when `a` ranks below `b`.
  @inline(__always)
  static func < (a: ScoredCandidate, b: ScoredCandidate) -> Bool {
    if a.score != b.score { return a.score < b.score }
    if a.support != b.support { return a.support < b.support }
    return a.target > b.target
  }
}

/// Keeps the best `limit` candidates offered, in a bounded min-heap whose root is the worst
/// kept one; `drainBestFirst` returns them best first and empties the selector for reuse.
struct TopKSelector {
  private(set) var heap = Heap<ScoredCandidate>()
  let limit: Int

  init(limit: Int) {
    self.limit = limit
  }

  /// Offers a candidate.
  @inline(__always)
  mutating func offer(_ candidate: ScoredCandidate) {
    guard self.limit > 0 else { return }
    if self.heap.count < self.limit {
      self.heap.insert(candidate)
    } else if let worst = self.heap.min, worst < candidate {
      self.heap.replaceMin(with: candidate)
    }
  }

  /// The kept candidates, best first; the selector is empty afterwards.
  mutating func drainBestFirst(into buffer: inout [ScoredCandidate]) {
    buffer.removeAll(keepingCapacity: true)
    while let worst = self.heap.popMin() { buffer.append(worst) }
    buffer.reverse()
  }
}
