import CPrefetch

/// A hash index from the strings of a ``StringTable`` to their positions whose slots hold the
/// keys themselves when they are short: the product-id look-up of the query path.
///
/// ``StringIndex`` (the snapshot file's index, compact at 4 bytes a slot) costs three dependent
/// cache misses per look-up on a large catalog: the slot, the table's offsets, the string's
/// bytes. Here a 16-byte slot holds the position, the key's length and its first 11 bytes, so a
/// look-up of an id of up to 11 bytes (most shops' SKUs and numeric ids) reads one cache line;
/// a longer id is told apart by its length and first bytes and then compared with the table.
/// ``prefetch(_:)`` asks for that line ahead (the transport calls it for every request of a read
/// before answering the first), so the look-up usually hits the cache.
///
/// Slot layout, as two little-endian words: word 0 holds the position (bits 0-31, all ones when
/// the slot is empty), the key's length clamped to 255 (bits 32-39) and its bytes 0-2 (bits
/// 40-63); word 1 holds bytes 3-10. Bytes past the key are zero. Linear probing over a
/// power-of-two slot count at most half full. Built when a snapshot is swapped in (a million ids
/// in tens of milliseconds), never stored.
///
/// Sendable: the slots are written once in `init` and only read afterwards.
public final class InlineKeyIndex: @unchecked Sendable {
  /// One slot: two words (see the type's documentation).
  @usableFromInline
  struct Slot: Sendable {
    @usableFromInline var word0: UInt64
    @usableFromInline var word1: UInt64
  }

  /// Key bytes a slot holds.
  public static let inlineBytes = 11
  @usableFromInline static let positionMask: UInt64 = 0xFFFF_FFFF
  @usableFromInline static let empty = Slot(word0: positionMask, word1: 0)

  @usableFromInline let slots: UnsafeMutableBufferPointer<Slot>
  @usableFromInline let mask: Int
  /// The strings indexed (long keys are compared with them).
  @usableFromInline let table: StringTable

  /// Indexes every string of `table`; the first of equal strings wins.
  public init(indexing table: StringTable) {
    var capacity = 16
    while capacity < table.count * 2 { capacity <<= 1 }
    self.slots = .allocate(capacity: capacity)
    MemoryAdvice.preferHugePages(
      UnsafeMutableRawPointer(self.slots.baseAddress!),
      byteCount: capacity * MemoryLayout<Slot>.stride
    )
    self.slots.initialize(repeating: Self.empty)
    self.mask = capacity - 1
    self.table = table
    // Slots are written at random: hash a batch, ask for its slots, then insert it.
    let batch = 16
    var homes = [Int](repeating: 0, count: batch)
    table.bytes.withUnsafeBufferPointer { bytes in
      func key(_ position: Int) -> UnsafeBufferPointer<UInt8> {
        let start = Int(table.offsets[position])
        return UnsafeBufferPointer(rebasing: bytes[start ..< Int(table.offsets[position + 1])])
      }
      var first = 0
      while first < table.count {
        let end = min(first + batch, table.count)
        for position in first ..< end {
          let home = Int(
            Self.hash(key(position), Self.probeWords(key(position))) & UInt64(self.mask)
          )
          homes[position - first] = home
          shoprec_prefetch(self.slots.baseAddress! + home)
        }
        for position in first ..< end {
          self.insert(position, key(position), home: homes[position - first])
        }
        first = end
      }
    }
  }

  deinit {
    self.slots.deallocate()
  }

  private func insert(_ position: Int, _ key: UnsafeBufferPointer<UInt8>, home: Int) {
    let probe = Self.probeWords(key)
    var slot = home
    while self.slots[slot].word0 & Self.positionMask != Self.positionMask {
      if self.matches(self.slots[slot], probe, key) { return }
      slot = (slot + 1) & self.mask
    }
    self.slots[slot] = Slot(word0: probe.0 | UInt64(position), word1: probe.1)
  }

  /// The number of slots (a power of two).
  public var slotCount: Int { self.mask + 1 }

  /// The position of the string whose UTF-8 bytes are `key`, or nil.
  @inlinable
  public func find(_ key: UnsafeBufferPointer<UInt8>) -> Int? {
    let probe = Self.probeWords(key)
    var slot = Int(Self.hash(key, probe) & UInt64(self.mask))
    while true {
      let entry = self.slots[slot]
      if entry.word0 & Self.positionMask == Self.positionMask { return nil }
      if self.matches(entry, probe, key) { return Int(entry.word0 & Self.positionMask) }
      slot = (slot + 1) & self.mask
    }
  }

  /// The position of `key`, or nil.
  @inlinable
  public func find(_ key: String) -> Int? {
    var key = key
    return key.withUTF8 { self.find($0) }
  }

  /// Asks for the cache line where a look-up of `key` starts (no effect on results).
  public func prefetch(_ key: UnsafeBufferPointer<UInt8>) {
    let slot = Int(Self.hash(key, Self.probeWords(key)) & UInt64(self.mask))
    shoprec_prefetch(self.slots.baseAddress! + slot)
  }

  /// Whether `entry` holds `key`, whose probe words are `probe`.
  @inlinable @inline(__always)
  func matches(_ entry: Slot, _ probe: (UInt64, UInt64), _ key: UnsafeBufferPointer<UInt8>) -> Bool
  {
    guard entry.word0 & ~Self.positionMask == probe.0 && entry.word1 == probe.1 else {
      return false
    }
    if key.count <= Self.inlineBytes { return true }
    let position = Int(entry.word0 & Self.positionMask)
    return self.table.withUTF8(at: position) { stored in
      stored.count == key.count && memcmpEqual(stored.baseAddress!, key.baseAddress!, key.count)
    }
  }

  /// A slot's words for `key` with a zero position: its length and first bytes.
  @inlinable @inline(__always)
  static func probeWords(_ key: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64) {
    var word0 = UInt64(min(key.count, 255)) << 32
    var word1: UInt64 = 0
    let count = min(key.count, Self.inlineBytes)
    var index = 0
    while index < count {
      let byte = UInt64(key[index])
      if index < 3 {
        word0 |= byte << (40 + 8 * UInt64(index))
      } else {
        word1 |= byte << (8 * UInt64(index - 3))
      }
      index += 1
    }
    return (word0, word1)
  }

  /// The slot hash: a 128-bit multiply of the probe words for short keys (they are the whole
  /// key), XXH64 for longer ones.
  @inlinable @inline(__always)
  static func hash(_ key: UnsafeBufferPointer<UInt8>, _ probe: (UInt64, UInt64)) -> UInt64 {
    guard key.count <= Self.inlineBytes else {
      return XXHash64.hash(UnsafeRawBufferPointer(key))
    }
    let product = (probe.0 ^ 0xA076_1D64_78BD_642F).multipliedFullWidth(
      by: probe.1 ^ 0xE703_7ED1_A0B4_28DB
    )
    let mixed = product.high ^ product.low
    let again = (mixed ^ 0x8EBC_6AF0_9C88_C6E3).multipliedFullWidth(by: 0x5899_65CC_7537_4CC3)
    return again.high ^ again.low
  }
}
