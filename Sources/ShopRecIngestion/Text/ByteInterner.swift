import ShopRecCore

/// Maps byte strings to dense indexes in first-seen order, looking keys up by their bytes so
/// that repeated ids cost a hash and a compare, never a String.
///
/// Open addressing with linear probing over a power-of-two slot array (at most half full); the
/// keys' bytes live back to back in one arena.
struct ByteInterner {
  private var arena: [UInt8] = []
  private var keyOffsets: [Int] = [0]
  private var keyHashes: [UInt64] = []
  private var slots: [Int32] = Array(repeating: -1, count: 64)

  /// The number of distinct keys.
  var count: Int { self.keyHashes.count }

  /// Creates an empty interner.
  init() {}

  /// The index of `key`, adding it when new; `inserted` tells whether it was.
  mutating func intern(_ key: UnsafeBufferPointer<UInt8>) -> (index: Int32, inserted: Bool) {
    let hash = XXHash64.hash(UnsafeRawBufferPointer(key))
    let mask = self.slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while true {
      let candidate = self.slots[slot]
      if candidate < 0 { break }
      if self.keyHashes[Int(candidate)] == hash, self.keyEquals(Int(candidate), key) {
        return (candidate, false)
      }
      slot = (slot + 1) & mask
    }
    let index = Int32(self.keyHashes.count)
    self.arena.append(contentsOf: key)
    self.keyOffsets.append(self.arena.count)
    self.keyHashes.append(hash)
    self.slots[slot] = index
    if self.keyHashes.count * 2 > self.slots.count { self.grow() }
    return (index, true)
  }

  /// The index of `key` adding it when new (for seeding from Strings).
  mutating func intern(_ key: String) -> (index: Int32, inserted: Bool) {
    ByteText.withBytes(of: key) { self.intern($0) }
  }

  private func keyEquals(_ index: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
    let start = self.keyOffsets[index]
    let end = self.keyOffsets[index + 1]
    guard end - start == key.count else { return false }
    return self.arena.withUnsafeBufferPointer { arena in
      ByteText.equal(UnsafeBufferPointer(rebasing: arena[start ..< end]), key)
    }
  }

  private mutating func grow() {
    let capacity = self.slots.count * 2
    let mask = capacity - 1
    var slots = [Int32](repeating: -1, count: capacity)
    for (index, hash) in self.keyHashes.enumerated() {
      var slot = Int(truncatingIfNeeded: hash) & mask
      while slots[slot] >= 0 { slot = (slot + 1) & mask }
      slots[slot] = Int32(index)
    }
    self.slots = slots
  }
}
