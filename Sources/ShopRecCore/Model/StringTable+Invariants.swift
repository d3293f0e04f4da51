import CPrefetch

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
  /// once and every string is named, and that every string is reachable from its home slot with
  /// no equal string before it (so looking up any string finds its own position, and strings
  /// are unique).
  ///
  /// O(size) with a few cache misses per string, asked for in batches: it runs on every
  /// snapshot load, over a million ids or more.
  public func checkInvariants(name: String) throws(InvariantViolation) {
    try self.table.checkInvariants(name: name)
    let table = self.table
    let count = table.count
    let slots = self.index.slots
    try require(
      slots.count > count && slots.count & (slots.count - 1) == 0,
      "\(name): \(slots.count) index slots for \(count) strings"
    )
    var indexed = [Bool](repeating: false, count: count)
    var named = 0
    for slot in slots where slot >= 0 {
      try require(Int(slot) < count, "\(name): index slot names string \(slot)")
      try require(!indexed[Int(slot)], "\(name): string \(slot) indexed twice")
      indexed[Int(slot)] = true
      named += 1
    }
    try require(named == count, "\(name): the index names \(named) of \(count) strings")
    let mask = slots.count - 1
    let batch = 16
    var homes = [Int](repeating: 0, count: batch)
    try slots.withUnsafeBufferPointer { (slots) throws(InvariantViolation) in
      var first = 0
      while first < count {
        let end = min(first + batch, count)
        for position in first ..< end {
          let home = table.withUTF8(at: position) { XXHash64.hash(UnsafeRawBufferPointer($0)) }
          homes[position - first] = Int(home & UInt64(mask))
          shoprec_prefetch(slots.baseAddress! + homes[position - first])
        }
        for position in first ..< end {
          var slot = homes[position - first]
          while Int(slots[slot]) != position {
            let other = Int(slots[slot])
            try require(
              other >= 0,
              "\(name): string \(position) (\(table[position])) is not reachable from its slot"
            )
            try require(
              !Self.equal(table, other, position),
              "\(name): strings \(other) and \(position) are equal (\(table[position]))"
            )
            slot = (slot + 1) & mask
          }
        }
        first = end
      }
    }
  }

  private static func equal(_ table: StringTable, _ a: Int, _ b: Int) -> Bool {
    table.byteCount(at: a) == table.byteCount(at: b)
      && table.withUTF8(at: a) { left in table.withUTF8(at: b) { left.elementsEqual($0) } }
  }
}
