import ShopRecCore

/// A model array of any element type a snapshot file can hold, without copying it.
///
/// The writer collects the snapshot's arrays as these; the reader loads each section into one
/// and the layout takes it back out with its static type (see ``SnapshotFileElement``).
enum SectionArray: Sendable {
  case uint8(FrozenArray<UInt8>)
  case uint16(FrozenArray<UInt16>)
  case int32(FrozenArray<Int32>)
  case uint32(FrozenArray<UInt32>)
  case int64(FrozenArray<Int64>)
  case uint64(FrozenArray<UInt64>)
  case float32(FrozenArray<Float>)

  /// The element type.
  var elementType: SnapshotSectionElementType {
    switch self {
    case .uint8: .uint8
    case .uint16: .uint16
    case .int32: .int32
    case .uint32: .uint32
    case .int64: .int64
    case .uint64: .uint64
    case .float32: .float32
    }
  }

  /// The number of elements.
  var count: Int {
    switch self {
    case .uint8(let array): array.count
    case .uint16(let array): array.count
    case .int32(let array): array.count
    case .uint32(let array): array.count
    case .int64(let array): array.count
    case .uint64(let array): array.count
    case .float32(let array): array.count
    }
  }

  /// Calls `body` with the array's bytes (little-endian on every supported host).
  func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
    switch self {
    case .uint8(let array): try array.withUnsafeBytes(body)
    case .uint16(let array): try array.withUnsafeBytes(body)
    case .int32(let array): try array.withUnsafeBytes(body)
    case .uint32(let array): try array.withUnsafeBytes(body)
    case .int64(let array): try array.withUnsafeBytes(body)
    case .uint64(let array): try array.withUnsafeBytes(body)
    case .float32(let array): try array.withUnsafeBytes(body)
    }
  }

  /// Creates an array of `count` elements of `type` whose bytes `fill` writes; `fill` returns
  /// false when it could not provide them all (the array is then empty and must be discarded).
  static func make(
    _ type: SnapshotSectionElementType,
    count: Int,
    fill: (UnsafeMutableRawBufferPointer) -> Bool
  ) -> SectionArray {
    switch type {
    case .uint8: .uint8(FrozenArray(self.makeArray(count: count, fill: fill)))
    case .uint16: .uint16(FrozenArray(self.makeArray(count: count, fill: fill)))
    case .int32: .int32(FrozenArray(self.makeArray(count: count, fill: fill)))
    case .uint32: .uint32(FrozenArray(self.makeArray(count: count, fill: fill)))
    case .int64: .int64(FrozenArray(self.makeArray(count: count, fill: fill)))
    case .uint64: .uint64(FrozenArray(self.makeArray(count: count, fill: fill)))
    case .float32: .float32(FrozenArray(self.makeArray(count: count, fill: fill)))
    }
  }

  /// The `count` elements of `type` at `byteOffset` in `mapping`, without copying.
  static func mapped(
    _ type: SnapshotSectionElementType,
    _ mapping: FileMapping,
    byteOffset: Int,
    count: Int
  ) -> SectionArray {
    switch type {
    case .uint8: .uint8(FrozenArray(mapping: mapping, byteOffset: byteOffset, count: count))
    case .uint16: .uint16(FrozenArray(mapping: mapping, byteOffset: byteOffset, count: count))
    case .int32: .int32(FrozenArray(mapping: mapping, byteOffset: byteOffset, count: count))
    case .uint32: .uint32(FrozenArray(mapping: mapping, byteOffset: byteOffset, count: count))
    case .int64: .int64(FrozenArray(mapping: mapping, byteOffset: byteOffset, count: count))
    case .uint64: .uint64(FrozenArray(mapping: mapping, byteOffset: byteOffset, count: count))
    case .float32: .float32(FrozenArray(mapping: mapping, byteOffset: byteOffset, count: count))
    }
  }

  private static func makeArray<Element: BitwiseCopyable>(
    count: Int,
    fill: (UnsafeMutableRawBufferPointer) -> Bool
  ) -> [Element] {
    [Element](unsafeUninitializedCapacity: count) { buffer, initializedCount in
      // Large sections are read at random by every query: huge pages spare most TLB misses
      // (and most of the page faults of filling them).
      if let base = buffer.baseAddress {
        MemoryAdvice.preferHugePages(
          UnsafeMutableRawPointer(base),
          byteCount: count * MemoryLayout<Element>.stride
        )
      }
      initializedCount = fill(UnsafeMutableRawBufferPointer(buffer)) ? count : 0
    }
  }
}
