import CPrefetch
import ShopRecCore

/// Maps byte strings to dense indexes in first-seen order, looking keys up by their bytes so
/// that repeated ids cost a hash and usually one cache miss, never a String.
///
/// Open addressing with linear probing over a power-of-two array of 16-byte slots, at most 70 %
/// full. A slot holds a hash tag with the key's length, the key's index, and either the key
/// itself (keys of up to 8 bytes, compared in the slot) or the offset of its bytes in an arena
/// (longer keys, stored as a 4-byte length and the bytes).
struct ByteInterner {
  private struct Slot {
    /// Short keys: their bytes, zero-padded. Long keys: the arena offset of their entry.
    var word: UInt64
    /// 0 for an empty slot; else a set top bit, 23 hash bits and the key length (capped at 255).
    var meta: UInt32
    /// The key's index.
    var index: UInt32
  }

  private var slots = [Slot](repeating: Slot(word: 0, meta: 0, index: 0), count: 64)
  private var arena: [UInt8] = []
  private var keyHashes: [UInt64] = []

  /// The number of distinct keys.
  var count: Int { self.keyHashes.count }

  /// Creates an empty interner.
  init() {}

  /// The hash the interner files `key` under.
  @inline(__always)
  static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
    XXHash64.hash(UnsafeRawBufferPointer(key))
  }

  /// Asks for the first slot `hash` probes to be brought into cache ahead of
  /// ``intern(_:hash:)`` (a prefetch hint: it does not wait for the memory, so many overlap).
  @inline(__always)
  func prefetch(hash: UInt64) {
    self.slots.withUnsafeBufferPointer { slots in
      shoprec_prefetch(
        slots.baseAddress.map { $0 + (Int(truncatingIfNeeded: hash) & (slots.count - 1)) }
      )
    }
  }

  /// The index of `key`, adding it when new; `inserted` tells whether it was.
  mutating func intern(_ key: UnsafeBufferPointer<UInt8>) -> (index: Int32, inserted: Bool) {
    self.intern(key, hash: Self.hash(key))
  }

  /// ``intern(_:)`` with the key's ``hash(_:)`` already computed.
  mutating func intern(
    _ key: UnsafeBufferPointer<UInt8>,
    hash: UInt64
  ) -> (index: Int32, inserted: Bool) {
    let meta =
      0x8000_0000 | UInt32(truncatingIfNeeded: hash >> 41) << 8 | UInt32(min(key.count, 255))
    let short = key.count <= 8
    let word = short ? Self.packed(key) : 0
    let mask = self.slots.count - 1
    var position = Int(truncatingIfNeeded: hash) & mask
    let found: UInt32? = self.slots.withUnsafeBufferPointer { slots in
      while true {
        let slot = slots[position]
        if slot.meta == 0 { return nil }
        if slot.meta == meta {
          if short {
            if slot.word == word { return slot.index }
          } else if self.arenaEntryEquals(Int(slot.word), key) {
            return slot.index
          }
        }
        position = (position + 1) & mask
      }
    }
    if let found { return (Int32(bitPattern: found), false) }
    let index = UInt32(self.keyHashes.count)
    var stored = word
    if !short {
      stored = UInt64(self.arena.count)
      withUnsafeBytes(of: UInt32(key.count).littleEndian) { self.arena.append(contentsOf: $0) }
      self.arena.append(contentsOf: key)
    }
    self.keyHashes.append(hash)
    self.slots[position] = Slot(word: stored, meta: meta, index: index)
    if self.keyHashes.count * 10 > self.slots.count * 7 { self.grow() }
    return (Int32(bitPattern: index), true)
  }

  /// The index of `key` adding it when new (for seeding from Strings).
  mutating func intern(_ key: String) -> (index: Int32, inserted: Bool) {
    ByteText.withBytes(of: key) { self.intern($0) }
  }

  @inline(__always)
  private static func packed(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var word: UInt64 = 0
    withUnsafeMutableBytes(of: &word) { destination in
      if let source = key.baseAddress {
        destination.baseAddress?.copyMemory(from: source, byteCount: key.count)
      }
    }
    return word
  }

  private func arenaEntryEquals(_ offset: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
    self.arena.withUnsafeBufferPointer { arena in
      guard let base = arena.baseAddress else { return false }
      let length = Int(
        UInt32(littleEndian: UnsafeRawPointer(base + offset).loadUnaligned(as: UInt32.self))
      )
      guard length == key.count else { return false }
      return ByteText.equal(UnsafeBufferPointer(start: base + offset + 4, count: length), key)
    }
  }

  /// Makes room for `count` keys in all, so the table does not grow (and rehash) until then.
  mutating func reserve(_ count: Int) {
    while count * 10 > self.slots.count * 7 { self.grow() }
  }

  private mutating func grow() {
    let capacity = self.slots.count * 2
    let mask = capacity - 1
    var grown = [Slot](unsafeUninitializedCapacity: capacity) { buffer, initialized in
      if let base = buffer.baseAddress {
        MemoryAdvice.preferHugePages(
          UnsafeMutableRawPointer(base),
          byteCount: capacity * MemoryLayout<Slot>.stride
        )
        base.initialize(repeating: Slot(word: 0, meta: 0, index: 0), count: capacity)
      }
      initialized = capacity
    }
    for slot in self.slots where slot.meta != 0 {
      var position = Int(truncatingIfNeeded: self.keyHashes[Int(slot.index)]) & mask
      while grown[position].meta != 0 { position = (position + 1) & mask }
      grown[position] = slot
    }
    self.slots = grown
  }
}
