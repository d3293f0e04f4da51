import ShopRecIngestion

extension SplitMix64 {
  /// A number in 0 ..< bound.
  mutating func next(below bound: Int) -> Int {
    Int(self.next() % UInt64(bound))
  }

  /// A number in [0, 1).
  mutating func unit() -> Double { Double(self.next() >> 11) / Double(1 << 53) }
}
