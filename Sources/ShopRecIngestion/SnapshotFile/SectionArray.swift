/// A model array of any element type a snapshot file can hold, without copying it.
///
/// The writer collects the snapshot's arrays as these; the reader loads each section into one
/// and the layout takes it back out with its static type (see ``SnapshotFileElement``).
enum SectionArray: Sendable {
  case uint8([UInt8])
  case int32([Int32])
  case uint32([UInt32])
  case int64([Int64])
  case uint64([UInt64])
  case float32([Float])

  /// The element type.
  var elementType: SnapshotSectionElementType {
    switch self {
    case .uint8: .uint8
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
    case .uint8: .uint8(self.makeArray(count: count, fill: fill))
    case .int32: .int32(self.makeArray(count: count, fill: fill))
    case .uint32: .uint32(self.makeArray(count: count, fill: fill))
    case .int64: .int64(self.makeArray(count: count, fill: fill))
    case .uint64: .uint64(self.makeArray(count: count, fill: fill))
    case .float32: .float32(self.makeArray(count: count, fill: fill))
    }
  }

  private static func makeArray<Element: BitwiseCopyable>(
    count: Int,
    fill: (UnsafeMutableRawBufferPointer) -> Bool
  ) -> [Element] {
    [Element](unsafeUninitializedCapacity: count) { buffer, initializedCount in
      initializedCount = fill(UnsafeMutableRawBufferPointer(buffer)) ? count : 0
    }
  }
}

/// An element type that snapshot file sections hold, mapping a Swift type to its tag.
protocol SnapshotFileElement: BitwiseCopyable, Sendable, Equatable {
  /// The tag stored in the section table.
  static var sectionElementType: SnapshotSectionElementType { get }
  /// Wraps an array without copying.
  static func wrap(_ array: [Self]) -> SectionArray
  /// The array inside `section` when it holds this type.
  static func unwrap(_ section: SectionArray) -> [Self]?
}

extension UInt8: SnapshotFileElement {
  static var sectionElementType: SnapshotSectionElementType { .uint8 }
  static func wrap(_ array: [UInt8]) -> SectionArray { .uint8(array) }
  static func unwrap(_ section: SectionArray) -> [UInt8]? {
    if case .uint8(let array) = section { array } else { nil }
  }
}

extension Int32: SnapshotFileElement {
  static var sectionElementType: SnapshotSectionElementType { .int32 }
  static func wrap(_ array: [Int32]) -> SectionArray { .int32(array) }
  static func unwrap(_ section: SectionArray) -> [Int32]? {
    if case .int32(let array) = section { array } else { nil }
  }
}

extension UInt32: SnapshotFileElement {
  static var sectionElementType: SnapshotSectionElementType { .uint32 }
  static func wrap(_ array: [UInt32]) -> SectionArray { .uint32(array) }
  static func unwrap(_ section: SectionArray) -> [UInt32]? {
    if case .uint32(let array) = section { array } else { nil }
  }
}

extension Int64: SnapshotFileElement {
  static var sectionElementType: SnapshotSectionElementType { .int64 }
  static func wrap(_ array: [Int64]) -> SectionArray { .int64(array) }
  static func unwrap(_ section: SectionArray) -> [Int64]? {
    if case .int64(let array) = section { array } else { nil }
  }
}

extension UInt64: SnapshotFileElement {
  static var sectionElementType: SnapshotSectionElementType { .uint64 }
  static func wrap(_ array: [UInt64]) -> SectionArray { .uint64(array) }
  static func unwrap(_ section: SectionArray) -> [UInt64]? {
    if case .uint64(let array) = section { array } else { nil }
  }
}

extension Float: SnapshotFileElement {
  static var sectionElementType: SnapshotSectionElementType { .float32 }
  static func wrap(_ array: [Float]) -> SectionArray { .float32(array) }
  static func unwrap(_ section: SectionArray) -> [Float]? {
    if case .float32(let array) = section { array } else { nil }
  }
}

#if _endian(big)
#error("the snapshot file format stores little-endian arrays and is read with memcpy")
#endif
