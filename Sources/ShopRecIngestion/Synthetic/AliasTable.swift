/// Walker's alias method (Vose's construction): draws index `i` with probability proportional
/// to `weights[i]` in O(1), after O(n) set-up. Used for Zipf product popularity, customers'
/// activity and every other skewed choice of the synthetic shop.
struct AliasTable: Sendable {
  /// Probability of keeping column `i` rather than taking its alias.
  private let keep: [Double]
  /// The alias of column `i`.
  private let alias: [Int32]

  /// A table over `weights` (non-negative, not all zero unless empty).
  init(weights: [Double]) {
    let count = weights.count
    let total = weights.reduce(0, +)
    guard count > 0, total > 0 else {
      self.keep = [Double](repeating: 1, count: count)
      self.alias = (0 ..< count).map { Int32($0) }
      return
    }
    var scaled = weights.map { $0 * Double(count) / total }
    var keep = [Double](repeating: 1, count: count)
    var alias = (0 ..< Int32(count)).map { $0 }
    var small: [Int32] = []
    var large: [Int32] = []
    for index in 0 ..< count {
      if scaled[index] < 1 { small.append(Int32(index)) } else { large.append(Int32(index)) }
    }
    while let less = small.popLast() {
      guard let more = large.last else {
        keep[Int(less)] = 1
        continue
      }
      keep[Int(less)] = scaled[Int(less)]
      alias[Int(less)] = more
      scaled[Int(more)] -= 1 - scaled[Int(less)]
      if scaled[Int(more)] < 1 {
        large.removeLast()
        small.append(more)
      }
    }
    for index in large { keep[Int(index)] = 1 }
    self.keep = keep
    self.alias = alias
  }

  /// The number of outcomes.
  var count: Int { self.keep.count }

  /// Draws an index (the table must not be empty).
  func sample(_ random: inout Xoshiro256StarStar) -> Int {
    let column = random.below(self.keep.count)
    return random.unit() < self.keep[column] ? column : Int(self.alias[column])
  }
}
