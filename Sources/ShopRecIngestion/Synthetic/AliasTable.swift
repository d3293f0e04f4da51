/// Walker's alias method (Vose's construction): draws index `i` with probability proportional
/// to `weights[i]` in O(1), after O(n) set-up. Used for Zipf product popularity, customers'
/// activity and every other skewed choice of the synthetic shop.
///
/// One table can hold many independent groups (one per product family, say) in a single flat
/// array. Each column is one `UInt64` (keep threshold in the high half, alias in the low half),
/// so a draw costs one random number and one memory access.
struct AliasTable: Sendable {
  /// `threshold << 32 | alias` per column; alias is relative to the column's group.
  private var columns: [UInt64] = []
  /// Start of each group in `columns`, plus the end.
  private var groupStarts: [Int] = [0]

  /// A table with one group over `weights` (non-negative; all zero means uniform).
  init(weights: [Double]) {
    self.appendGroup(weights)
  }

  /// A table with one group per element of `groups`.
  init(groups: [[Double]]) {
    for weights in groups { self.appendGroup(weights) }
  }

  /// The number of outcomes of the first group.
  var count: Int { self.count(ofGroup: 0) }

  /// The number of outcomes of `group`.
  func count(ofGroup group: Int) -> Int {
    self.groupStarts[group + 1] - self.groupStarts[group]
  }

  /// Draws an index of the first group (which must not be empty).
  func sample(_ random: inout Xoshiro256StarStar) -> Int {
    self.sample(group: 0, &random)
  }

  /// Draws an index within `group` (which must not be empty).
  func sample(group: Int, _ random: inout Xoshiro256StarStar) -> Int {
    let start = self.groupStarts[group]
    let count = UInt64(self.groupStarts[group + 1] - start)
    let (column, fraction) = count.multipliedFullWidth(by: random.next())
    let entry = self.columns[start + Int(column)]
    return UInt32(truncatingIfNeeded: fraction >> 32) < UInt32(truncatingIfNeeded: entry >> 32)
      ? Int(column) : Int(UInt32(truncatingIfNeeded: entry))
  }

  private mutating func appendGroup(_ weights: [Double]) {
    let count = weights.count
    let total = weights.reduce(0, +)
    var scaled =
      total > 0 ? weights.map { $0 * Double(count) / total } : [Double](repeating: 1, count: count)
    var keep = [Double](repeating: 1, count: count)
    var alias = [UInt32](repeating: 0, count: count)
    var small: [Int] = []
    var large: [Int] = []
    for index in 0 ..< count {
      alias[index] = UInt32(index)
      if scaled[index] < 1 { small.append(index) } else { large.append(index) }
    }
    while let less = small.popLast() {
      guard let more = large.last else { break }
      keep[less] = scaled[less]
      alias[less] = UInt32(more)
      scaled[more] -= 1 - scaled[less]
      if scaled[more] < 1 {
        large.removeLast()
        small.append(more)
      }
    }
    // What is left (large columns, rounding leftovers) keeps itself: alias = own index.
    self.columns.reserveCapacity(self.columns.count + count)
    for index in 0 ..< count {
      let threshold = keep[index] >= 1 ? UInt64(UInt32.max) : UInt64(keep[index] * 4_294_967_296)
      self.columns.append(threshold << 32 | UInt64(alias[index]))
    }
    self.groupStarts.append(self.columns.count)
  }
}
