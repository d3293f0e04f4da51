/// The XXH64 hash (Yann Collet's xxHash, 64-bit variant) over a byte buffer.
///
/// Used for snapshot section checksums and for the string-to-index tables. No package in the
/// project's dependency set offers a fast non-cryptographic hash with a stable value across
/// processes (`Hasher` is randomly seeded), and the algorithm is short and fully specified.
public enum XXHash64 {
  @usableFromInline static let prime1: UInt64 = 11_400_714_785_074_694_791
  @usableFromInline static let prime2: UInt64 = 14_029_467_366_897_019_727
  @usableFromInline static let prime3: UInt64 = 1_609_587_929_392_839_161
  @usableFromInline static let prime4: UInt64 = 9_650_029_242_287_828_579
  @usableFromInline static let prime5: UInt64 = 2_870_177_450_012_600_261

  @inlinable @inline(__always)
  static func rotl(_ x: UInt64, _ r: UInt64) -> UInt64 { (x << r) | (x >> (64 &- r)) }

  @inlinable @inline(__always)
  static func round(_ acc: UInt64, _ input: UInt64) -> UInt64 {
    rotl(acc &+ input &* prime2, 31) &* prime1
  }

  @inlinable @inline(__always)
  static func mergeRound(_ acc: UInt64, _ value: UInt64) -> UInt64 {
    (acc ^ round(0, value)) &* prime1 &+ prime4
  }

  /// The XXH64 hash of `bytes` with `seed`.
  @inlinable
  public static func hash(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = 0) -> UInt64 {
    let count = bytes.count
    guard let base = bytes.baseAddress, count > 0 else {
      return avalanche(seed &+ prime5)
    }
    var offset = 0
    var h: UInt64
    if count >= 32 {
      var v1 = seed &+ prime1 &+ prime2
      var v2 = seed &+ prime2
      var v3 = seed
      var v4 = seed &- prime1
      let limit = count - 32
      while offset <= limit {
        v1 = round(
          v1,
          UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        )
        v2 = round(
          v2,
          UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
        )
        v3 = round(
          v3,
          UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self))
        )
        v4 = round(
          v4,
          UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self))
        )
        offset += 32
      }
      h = rotl(v1, 1) &+ rotl(v2, 7) &+ rotl(v3, 12) &+ rotl(v4, 18)
      h = mergeRound(h, v1)
      h = mergeRound(h, v2)
      h = mergeRound(h, v3)
      h = mergeRound(h, v4)
    } else {
      h = seed &+ prime5
    }
    h = h &+ UInt64(count)
    return finishTail(h, UnsafeRawBufferPointer(start: base + offset, count: count - offset))
  }

  @inlinable @inline(__always)
  static func avalanche(_ hash: UInt64) -> UInt64 {
    var h = hash
    h ^= h >> 33
    h = h &* prime2
    h ^= h >> 29
    h = h &* prime3
    h ^= h >> 32
    return h
  }

  /// The XXH64 hash of the UTF-8 bytes of `string`.
  @inlinable
  public static func hash(_ string: String, seed: UInt64 = 0) -> UInt64 {
    var string = string
    return string.withUTF8 { hash(UnsafeRawBufferPointer($0), seed: seed) }
  }
}
