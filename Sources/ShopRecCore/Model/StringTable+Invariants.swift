extension StringTable {
  /// Checks that the offsets start at 0, never decrease and end at `bytes.count`.
  public func checkInvariants(name: String) throws(InvariantViolation) {
    try require(self.offsets.first == 0, "\(name): first offset is not 0")
    var previous: UInt32 = 0
    for (i, offset) in self.offsets.enumerated() {
      try require(offset >= previous, "\(name): offset \(i) decreases")
      previous = offset
    }
    try require(
      Int(previous) == self.bytes.count,
      "\(name): last offset \(previous) does not match \(self.bytes.count) bytes"
    )
  }
}

extension IndexedStrings {
  /// Checks the table, that the index has a free slot, that every slot names a string at most
  /// once, and that looking up every string finds its own position (so strings are unique).
  public func checkInvariants(name: String) throws(InvariantViolation) {
    try self.table.checkInvariants(name: name)
    let slots = self.index.slots
    try require(
      slots.count > self.table.count && slots.count & (slots.count - 1) == 0,
      "\(name): \(slots.count) index slots for \(self.table.count) strings"
    )
    var indexed = [Bool](repeating: false, count: self.table.count)
    for slot in slots where slot >= 0 {
      try require(Int(slot) < self.table.count, "\(name): index slot names string \(slot)")
      try require(!indexed[Int(slot)], "\(name): string \(slot) indexed twice")
      indexed[Int(slot)] = true
    }
    for position in 0 ..< self.table.count {
      let found = self.table.withUTF8(at: position) { self.index.find($0, in: self.table) }
      try require(
        found == position,
        "\(name): looking up string \(position) (\(self.table[position])) finds \(found.map(String.init) ?? "nothing")"
      )
    }
  }
}
