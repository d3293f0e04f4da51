import ShopRecCore

/// An element type that snapshot file sections hold, mapping a Swift type to its tag.
protocol SnapshotFileElement: BitwiseCopyable, Sendable, Equatable {
  /// The tag stored in the section table.
  static var sectionElementType: SnapshotSectionElementType { get }
  /// Wraps an array without copying.
  static func wrap(_ array: FrozenArray<Self>) -> SectionArray
  /// The array inside `section` when it holds this type.
  static func unwrap(_ section: SectionArray) -> FrozenArray<Self>?
}

extension UInt8: SnapshotFileElement {
  static var sectionElementType: SnapshotSectionElementType { .uint8 }
  static func wrap(_ array: FrozenArray<UInt8>) -> SectionArray { .uint8(array) }
  static func unwrap(_ section: SectionArray) -> FrozenArray<UInt8>? {
    if case .uint8(let array) = section { array } else { nil }
  }
}

extension UInt16: SnapshotFileElement {
  static var sectionElementType: SnapshotSectionElementType { .uint16 }
  static func wrap(_ array: FrozenArray<UInt16>) -> SectionArray { .uint16(array) }
  static func unwrap(_ section: SectionArray) -> FrozenArray<UInt16>? {
    if case .uint16(let array) = section { array } else { nil }
  }
}

extension Int32: SnapshotFileElement {
  static var sectionElementType: SnapshotSectionElementType { .int32 }
  static func wrap(_ array: FrozenArray<Int32>) -> SectionArray { .int32(array) }
  static func unwrap(_ section: SectionArray) -> FrozenArray<Int32>? {
    if case .int32(let array) = section { array } else { nil }
  }
}

extension UInt32: SnapshotFileElement {
  static var sectionElementType: SnapshotSectionElementType { .uint32 }
  static func wrap(_ array: FrozenArray<UInt32>) -> SectionArray { .uint32(array) }
  static func unwrap(_ section: SectionArray) -> FrozenArray<UInt32>? {
    if case .uint32(let array) = section { array } else { nil }
  }
}

extension Int64: SnapshotFileElement {
  static var sectionElementType: SnapshotSectionElementType { .int64 }
  static func wrap(_ array: FrozenArray<Int64>) -> SectionArray { .int64(array) }
  static func unwrap(_ section: SectionArray) -> FrozenArray<Int64>? {
    if case .int64(let array) = section { array } else { nil }
  }
}

extension UInt64: SnapshotFileElement {
  static var sectionElementType: SnapshotSectionElementType { .uint64 }
  static func wrap(_ array: FrozenArray<UInt64>) -> SectionArray { .uint64(array) }
  static func unwrap(_ section: SectionArray) -> FrozenArray<UInt64>? {
    if case .uint64(let array) = section { array } else { nil }
  }
}

extension Float: SnapshotFileElement {
  static var sectionElementType: SnapshotSectionElementType { .float32 }
  static func wrap(_ array: FrozenArray<Float>) -> SectionArray { .float32(array) }
  static func unwrap(_ section: SectionArray) -> FrozenArray<Float>? {
    if case .float32(let array) = section { array } else { nil }
  }
}

#if _endian(big)
#error("the snapshot file format stores little-endian arrays and is read with memcpy")
#endif
