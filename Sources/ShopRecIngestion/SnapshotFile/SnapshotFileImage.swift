import ShopRecCore

/// A snapshot laid out as a file: section table plus the arrays, not yet copied anywhere.
struct SnapshotFileImage {
  /// The section table, in file order.
  var entries: [SnapshotSectionEntry]
  /// The arrays, aligned with `entries`.
  var arrays: [SectionArray]
  /// The total length of the file.
  var fileLength: Int

  /// The header and section table bytes.
  func headerAndTable() -> [UInt8] {
    var table = ByteWriter(capacity: self.entries.count * SnapshotFileFormat.sectionEntrySize)
    for entry in self.entries { entry.encode(into: &table) }
    let header = SnapshotFileHeader(
      formatVersion: SnapshotFileFormat.version,
      sectionCount: UInt32(self.entries.count),
      fileLength: UInt64(self.fileLength),
      sectionTableChecksum: table.bytes.withUnsafeBytes { XXHash64.hash($0) }
    )
    return header.encoded() + table.bytes
  }

  /// Writes the whole file image to `file` from the arrays' own storage.
  func write(to file: borrowing POSIXFile) throws(SnapshotFileError) {
    var position = 0
    let head = self.headerAndTable()
    try file.writeAll(.uint8(FrozenArray(head)))
    position += head.count
    for (entry, array) in zip(self.entries, self.arrays) {
      try file.writeAll(.uint8(FrozenArray(repeating: 0, count: entry.byteOffset - position)))
      try file.writeAll(array)
      position = entry.byteEnd
    }
  }
}
