import ShopRecCore

/// The fixed header at the start of a snapshot file.
///
/// ```
/// offset size field
///      0    8 magic "SHOPREC\0"
///      8    4 format version
///     12    4 flags (0; reserved)
///     16    4 section count
///     20    4 section entry size (96)
///     24    8 file length in bytes
///     32    8 XXH64 of the section table
///     40   16 reserved (0)
///     56    8 XXH64 of header bytes 0 ..< 56
/// ```
struct SnapshotFileHeader: Equatable {
  var formatVersion: UInt32
  var flags: UInt32 = 0
  var sectionCount: UInt32
  var sectionEntrySize: UInt32 = UInt32(SnapshotFileFormat.sectionEntrySize)
  var fileLength: UInt64
  var sectionTableChecksum: UInt64

  /// The header's 64 bytes, checksum included.
  func encoded() -> [UInt8] {
    var bytes = ByteWriter(capacity: SnapshotFileFormat.headerSize)
    bytes.append(SnapshotFileFormat.magic)
    bytes.append(self.formatVersion)
    bytes.append(self.flags)
    bytes.append(self.sectionCount)
    bytes.append(self.sectionEntrySize)
    bytes.append(self.fileLength)
    bytes.append(self.sectionTableChecksum)
    bytes.append(UInt64(0))
    bytes.append(UInt64(0))
    let checksum = bytes.bytes.withUnsafeBytes { XXHash64.hash($0) }
    bytes.append(checksum)
    return bytes.bytes
  }

  /// Whether `bytes` starts with the magic (compares as many bytes as there are, up to 8).
  static func startsWithMagic(_ bytes: UnsafeRawBufferPointer) -> Bool {
    zip(bytes, SnapshotFileFormat.magic).allSatisfy { $0 == $1 }
  }

  /// What a header's bytes say, before any check beyond their length.
  struct Decoded {
    var header: SnapshotFileHeader
    var storedChecksum: UInt64
    var computedChecksum: UInt64
  }

  /// Reads the fields of a 64-byte header.
  static func decode(_ bytes: UnsafeRawBufferPointer) -> Decoded {
    let header = SnapshotFileHeader(
      formatVersion: bytes.snapshotLittleEndian(at: 8),
      flags: bytes.snapshotLittleEndian(at: 12),
      sectionCount: bytes.snapshotLittleEndian(at: 16),
      sectionEntrySize: bytes.snapshotLittleEndian(at: 20),
      fileLength: bytes.snapshotLittleEndian(at: 24),
      sectionTableChecksum: bytes.snapshotLittleEndian(at: 32)
    )
    return Decoded(
      header: header,
      storedChecksum: bytes.snapshotLittleEndian(at: 56),
      computedChecksum: XXHash64.hash(UnsafeRawBufferPointer(rebasing: bytes[0 ..< 56]))
    )
  }
}
