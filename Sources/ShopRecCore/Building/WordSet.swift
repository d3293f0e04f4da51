/// The title word hashes of one product in a small open-addressing table, so the Jaccard
/// similarity with each candidate costs one probe per candidate word instead of a merge.
/// Reset per row by a stamp, never cleared.
struct WordSet {
  /// Slots: the stamp in the high half, the word hash in the low half.
  private var slots = [UInt64](repeating: 0, count: 128)
  private var stamp: UInt64 = 0
  /// Words in the set (distinct).
  private(set) var count = 0

  /// Replaces the set with `words` (distinct, at most 64).
  mutating func reset(_ words: UnsafeBufferPointer<UInt32>) {
    self.stamp &+= 1
    if self.stamp == 1 << 32 {
      for i in self.slots.indices { self.slots[i] = 0 }
      self.stamp = 1
    }
    self.count = words.count
    let stamp = self.stamp << 32
    self.slots.withUnsafeMutableBufferPointer { slots in
      for word in words {
        var index = Int(word & 127)
        while slots[index] >> 32 == self.stamp { index = (index + 1) & 127 }
        slots[index] = stamp | UInt64(word)
      }
    }
  }

  /// How many of `words` (distinct) are in the set.
  @inline(__always)
  func shared(_ words: UnsafeBufferPointer<UInt32>) -> Int {
    let entry = self.stamp << 32
    return self.slots.withUnsafeBufferPointer { slots in
      var shared = 0
      for word in words {
        var index = Int(word & 127)
        let wanted = entry | UInt64(word)
        while true {
          let slot = slots[index]
          if slot == wanted {
            shared += 1
            break
          }
          if slot >> 32 != self.stamp { break }
          index = (index + 1) & 127
        }
      }
      return shared
    }
  }

  /// |set ∩ words| / |set ∪ words| (0 when either is empty), as
  /// ``ProductFeatures/jaccard(_:_:)`` computes it.
  @inline(__always)
  func jaccard(_ words: UnsafeBufferPointer<UInt32>) -> Double {
    if self.count == 0 || words.isEmpty { return 0 }
    let shared = self.shared(words)
    return Double(shared) / Double(self.count + words.count - shared)
  }
}
