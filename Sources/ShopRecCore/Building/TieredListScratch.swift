/// Per-worker state for building one tiered recommendation row: which products are already in
/// the row (or excluded), and the entries collected so far, tier by tier. Passed `inout`.
///
/// Scores are tiered: an entry of tier `t` (0 = best) out of `tierCount` scores
/// `(tierCount − t) + 0.99 · strength`, with `strength` in [0, 1], so every entry of an earlier
/// tier outscores every entry of a later one and rows are non-increasing.
struct TieredListScratch {
  /// A candidate of the current tier.
  struct Candidate {
    var target: Int32
    var strength: Double

    /// Whether `self` ranks before `other`: higher strength, ties by lower index.
    @inline(__always)
    func ranksBefore(_ other: Candidate) -> Bool {
      self.strength != other.strength
        ? self.strength > other.strength : self.target < other.target
    }
  }

  /// Per product, the row visit that took it and the tier visit that saw it, side by side
  /// (one cache miss per candidate, not two).
  private struct Mark {
    var taken: UInt32
    var seen: UInt32
  }

  private let marks: BuildBuffer<Mark>
  private var rowVisit: UInt32 = 0
  private var tierVisit: UInt32 = 0
  /// Candidates of the current tier.
  var candidates: [Candidate] = []
  /// Accepted entries of the row.
  private(set) var entries: [(target: Int32, score: Float, reason: UInt8)] = []
  private var limit = 0
  /// The title words of the row's product (similar lists).
  var words = WordSet()

  init(productCount: Int) {
    self.marks = BuildBuffer(repeating: Mark(taken: 0, seen: 0), count: productCount)
    self.candidates.reserveCapacity(512)
  }

  /// Starts the row of `product` holding at most `limit` entries; `product` itself is excluded.
  mutating func begin(product: Int, limit: Int) {
    self.rowVisit &+= 1
    if self.rowVisit == 0 {
      for product in 0 ..< self.marks.count { self.marks[product].taken = 0 }
      self.rowVisit = 1
    }
    self.entries.removeAll(keepingCapacity: true)
    self.limit = limit
    self.marks[product].taken = self.rowVisit
  }

  /// Whether the row is full.
  var isFull: Bool { self.entries.count >= self.limit }

  /// Starts collecting candidates for a new tier.
  mutating func beginTier() {
    self.tierVisit &+= 1
    if self.tierVisit == 0 {
      for product in 0 ..< self.marks.count { self.marks[product].seen = 0 }
      self.tierVisit = 1
    }
    self.candidates.removeAll(keepingCapacity: true)
  }

  /// Whether `product` is neither in the row nor already a candidate of this tier; marks it
  /// seen for this tier.
  @inline(__always)
  func claim(_ product: Int) -> Bool {
    let mark = self.marks.base + product
    if mark.pointee.taken == self.rowVisit || mark.pointee.seen == self.tierVisit { return false }
    mark.pointee.seen = self.tierVisit
    return true
  }

  /// Adds a candidate to this tier.
  @inline(__always)
  mutating func add(_ target: Int32, _ strength: Double) {
    self.candidates.append(Candidate(target: target, strength: strength))
  }

  /// Appends this tier's best candidates to the row, by strength (ties by index), as many as
  /// fit. `keepOrder` keeps the collection order instead (explicit links in feed order).
  mutating func finishTier(tier: Int, tierCount: Int, reason: ReasonCode, keepOrder: Bool = false) {
    let room = self.limit - self.entries.count
    let count = self.candidates.count
    guard room > 0, count > 0 else { return }
    let taking = min(room, count)
    self.candidates.withUnsafeMutableBufferPointer { candidates in
      if keepOrder {
        for i in 0 ..< count { candidates[i].strength = 1 - Double(i) / Double(count) }
      } else {
        // Candidates are distinct products, so the order is total and selecting the best
        // `taking` before sorting them gives the same row as sorting everything.
        if taking < count { Self.select(taking, in: candidates) }
        Self.sort(UnsafeMutableBufferPointer(rebasing: candidates[0 ..< taking]))
      }
    }
    let base = Float(tierCount - tier)
    for i in 0 ..< taking {
      let candidate = self.candidates[i]
      let strength = min(1, max(0, candidate.strength))
      self.marks[Int(candidate.target)].taken = self.rowVisit
      self.entries.append((candidate.target, base + Float(0.99 * strength), reason.rawValue))
    }
  }

  /// Appends the row's entries to `chunk`.
  func emit(into chunk: inout RowChunk) {
    for entry in self.entries { chunk.append(entry.target, entry.score, reason: entry.reason) }
  }

  /// Moves the `k` best candidates (0 < k < count) to the front, in no particular order
  /// (quickselect with median-of-three pivots).
  static func select(_ k: Int, in candidates: UnsafeMutableBufferPointer<Candidate>) {
    var low = 0
    var high = candidates.count - 1
    while high > low {
      let middle = low + (high - low) / 2
      // Median of three at `middle`.
      if candidates[middle].ranksBefore(candidates[low]) { candidates.swapAt(middle, low) }
      if candidates[high].ranksBefore(candidates[low]) { candidates.swapAt(high, low) }
      if candidates[high].ranksBefore(candidates[middle]) { candidates.swapAt(high, middle) }
      let pivot = candidates[middle]
      var i = low
      var j = high
      while i <= j {
        while candidates[i].ranksBefore(pivot) { i += 1 }
        while pivot.ranksBefore(candidates[j]) { j -= 1 }
        if i <= j {
          candidates.swapAt(i, j)
          i += 1
          j -= 1
        }
      }
      // [low, j] rank before or equal to the pivot, [i, high] after or equal.
      if k - 1 <= j {
        high = j
      } else if k - 1 >= i {
        low = i
      } else {
        return
      }
    }
  }

  /// Sorts candidates best first (insertion sort for short runs, else the standard sort).
  static func sort(_ candidates: UnsafeMutableBufferPointer<Candidate>) {
    if candidates.count <= 16 {
      for i in 1 ..< max(1, candidates.count) {
        let candidate = candidates[i]
        var j = i
        while j > 0, candidate.ranksBefore(candidates[j - 1]) {
          candidates[j] = candidates[j - 1]
          j -= 1
        }
        candidates[j] = candidate
      }
    } else {
      var candidates = candidates
      candidates.sort { $0.ranksBefore($1) }
    }
  }
}
