/// A hash index from the strings of a ``StringTable`` to their positions.
///
/// Open addressing with linear probing over a power-of-two slot array; slots hold a string's
/// position or -1. Built once when a snapshot is built, stored in the snapshot file, so loading
/// needs no rehashing; a look-up hashes the key's bytes and compares bytes, with no allocation.
public struct StringIndex: Sendable, Equatable {
  /// Slot array; `-1` marks an empty slot. Its count is a power of two.
  public let slots: FrozenArray<Int32>

  /// Creates an index from its slot array (as loaded from a snapshot file).
  public init(slots: FrozenArray<Int32>) {
    precondition(
      slots.count > 0 && slots.count & (slots.count - 1) == 0,
      "slot count must be a power of two"
    )
    self.slots = slots
  }

  /// Creates an index from a slot array.
  public init(slots: [Int32]) {
    self.init(slots: FrozenArray(slots))
  }

  /// Builds an index over every string of `table`. Later duplicates are not indexed: the first
  /// occurrence wins (builders reject duplicates before this point).
  public init(indexing table: StringTable) {
    var capacity = 16
    while capacity < table.count * 2 { capacity <<= 1 }
    var slots = [Int32](repeating: -1, count: capacity)
    let mask = UInt64(capacity - 1)
    for position in 0 ..< table.count {
      let hash = table.withUTF8(at: position) { XXHash64.hash(UnsafeRawBufferPointer($0)) }
      var slot = Int(hash & mask)
      var duplicate = false
      while slots[slot] >= 0 {
        if Self.equal(table, Int(slots[slot]), position) {
          duplicate = true
          break
        }
        slot = (slot + 1) & Int(mask)
      }
      if !duplicate { slots[slot] = Int32(position) }
    }
    self.slots = FrozenArray(slots)
  }

  private static func equal(_ table: StringTable, _ a: Int, _ b: Int) -> Bool {
    table.withUTF8(at: a) { left in
      table.withUTF8(at: b) { right in left.elementsEqual(right) }
    }
  }

  /// The position of the string whose UTF-8 bytes are `key`, or nil.
  @inlinable
  public func find(_ key: UnsafeBufferPointer<UInt8>, in table: StringTable) -> Int? {
    let mask = self.slots.count - 1
    var slot = Int(XXHash64.hash(UnsafeRawBufferPointer(key)) & UInt64(mask))
    return self.slots.withUnsafeBufferPointer { slots in
      table.bytes.withUnsafeBufferPointer { bytes in
        while true {
          let position = Int(slots[slot])
          if position < 0 { return nil }
          let start = Int(table.offsets[position])
          let end = Int(table.offsets[position + 1])
          if end - start == key.count,
            key.count == 0 || memcmpEqual(bytes.baseAddress! + start, key.baseAddress!, key.count)
          {
            return position
          }
          slot = (slot + 1) & mask
        }
      }
    }
  }

  /// The position of `key` in `table`, or nil.
  @inlinable
  public func find(_ key: String, in table: StringTable) -> Int? {
    var key = key
    return key.withUTF8 { self.find($0, in: table) }
  }
}

@inlinable @inline(__always)
func memcmpEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
  var i = 0
  while i < count {
    if a[i] != b[i] { return false }
    i += 1
  }
  return true
}

/// A ``StringTable`` together with its ``StringIndex``: a bidirectional id ↔ position map.
public struct IndexedStrings: Sendable, Equatable {
  /// The strings, by position.
  public let table: StringTable
  /// The index from string to position.
  public let index: StringIndex

  /// Creates the pair from its parts (as loaded from a snapshot file).
  public init(table: StringTable, index: StringIndex) {
    self.table = table
    self.index = index
  }

  /// Indexes `table`.
  public init(table: StringTable) {
    self.table = table
    self.index = StringIndex(indexing: table)
  }

  /// Indexes `strings`.
  public init(_ strings: [String]) {
    self.init(table: StringTable(strings))
  }

  /// The number of strings.
  @inlinable public var count: Int { self.table.count }

  /// The string at `position`.
  @inlinable public subscript(position: Int) -> String { self.table[position] }

  /// The position of `key`, or nil.
  @inlinable public func position(of key: String) -> Int? { self.index.find(key, in: self.table) }

  /// The position of the string with UTF-8 bytes `key`, or nil.
  @inlinable public func position(ofUTF8 key: UnsafeBufferPointer<UInt8>) -> Int? {
    self.index.find(key, in: self.table)
  }
}
