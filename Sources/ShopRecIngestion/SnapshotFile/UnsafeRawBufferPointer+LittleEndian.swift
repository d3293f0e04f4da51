extension UnsafeRawBufferPointer {
  /// The little-endian integer at `offset` (unaligned; the caller checks the bounds).
  func snapshotLittleEndian<Integer: FixedWidthInteger>(at offset: Int) -> Integer {
    Integer(littleEndian: self.loadUnaligned(fromByteOffset: offset, as: Integer.self))
  }
}
