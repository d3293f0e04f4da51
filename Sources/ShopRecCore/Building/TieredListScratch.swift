/// Per-worker state for building one tiered recommendation row: which products are already in
/// the row (or excluded), and the entries collected so far, tier by tier.
///
/// Scores are tiered: an entry of tier `t` (0 = best) out of `tierCount` scores
/// `(tierCount − t) + 0.99 · strength`, with `strength` in [0, 1], so every entry of an earlier
/// tier outscores every entry of a later one and rows are non-increasing.
final class TieredListScratch {
  private var taken: [UInt32]
  private var seen: [UInt32]
  private var rowVisit: UInt32 = 0
  private var tierVisit: UInt32 = 0
  /// Candidates of the current tier.
  var candidates: [(target: Int32, strength: Double)] = []
  /// Accepted entries of the row.
  private(set) var entries: [(target: Int32, score: Float, reason: UInt8)] = []
  private var limit = 0

  init(productCount: Int) {
    self.taken = [UInt32](repeating: 0, count: productCount)
    self.seen = [UInt32](repeating: 0, count: productCount)
  }

  /// Starts the row of `product` holding at most `limit` entries; `product` itself is excluded.
  func begin(product: Int, limit: Int) {
    self.rowVisit &+= 1
    if self.rowVisit == 0 {
      for i in self.taken.indices { self.taken[i] = 0 }
      self.rowVisit = 1
    }
    self.entries.removeAll(keepingCapacity: true)
    self.limit = limit
    self.taken[product] = self.rowVisit
  }

  /// Whether the row is full.
  var isFull: Bool { self.entries.count >= self.limit }

  /// Starts collecting candidates for a new tier.
  func beginTier() {
    self.tierVisit &+= 1
    if self.tierVisit == 0 {
      for i in self.seen.indices { self.seen[i] = 0 }
      self.tierVisit = 1
    }
    self.candidates.removeAll(keepingCapacity: true)
  }

  /// Whether `product` is neither in the row nor already a candidate of this tier; marks it
  /// seen for this tier.
  @inline(__always)
  func claim(_ product: Int) -> Bool {
    if self.taken[product] == self.rowVisit || self.seen[product] == self.tierVisit { return false }
    self.seen[product] = self.tierVisit
    return true
  }

  /// Sorts this tier's candidates by strength (ties by index) and appends them to the row.
  /// `keepOrder` keeps the collection order instead (explicit links in feed order).
  func finishTier(tier: Int, tierCount: Int, reason: ReasonCode, keepOrder: Bool = false) {
    if keepOrder {
      let n = self.candidates.count
      for i in 0 ..< n {
        self.candidates[i].strength = 1 - Double(i) / Double(n)
      }
    } else {
      self.candidates.sort { a, b in
        a.strength != b.strength ? a.strength > b.strength : a.target < b.target
      }
    }
    for candidate in self.candidates {
      guard !self.isFull else { break }
      let strength = min(1, max(0, candidate.strength))
      let score = Float(tierCount - tier) + Float(0.99 * strength)
      self.taken[Int(candidate.target)] = self.rowVisit
      self.entries.append((candidate.target, score, reason.rawValue))
    }
  }

  /// Appends the row's entries to `chunk`.
  func emit(into chunk: RowChunk) {
    for entry in self.entries { chunk.append(entry.target, entry.score, reason: entry.reason) }
  }
}
