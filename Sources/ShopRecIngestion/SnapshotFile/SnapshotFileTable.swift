import ShopRecCore

/// The verified header and section table of a snapshot file.
struct SnapshotFileTable {
  /// The header.
  var header: SnapshotFileHeader
  /// The sections, in table order.
  var entries: [SnapshotSectionEntry]
  /// The file's actual size.
  var fileSize: Int

  /// Reads and checks the header and section table of `file`: magic, format version, header
  /// checksum, table checksum, every entry's bounds and alignment, unique names, and the file's
  /// length against the header.
  static func read(_ file: borrowing POSIXFile) throws(SnapshotFileError) -> SnapshotFileTable {
    let path = file.path
    let size = try file.size()
    guard size > 0 else {
      throw SnapshotFileError(
        path: path,
        kind: .badMagic,
        reason: "not a shoprec snapshot (empty file)"
      )
    }
    let head = try file.readBytes(SnapshotFileFormat.headerSize, at: 0)
    let hasMagic = head.withUnsafeBytes { SnapshotFileHeader.startsWithMagic($0) }
    guard hasMagic else {
      throw SnapshotFileError(
        path: path,
        kind: .badMagic,
        reason: "not a shoprec snapshot (bad magic)"
      )
    }
    guard head.count == SnapshotFileFormat.headerSize else {
      throw SnapshotFileError(
        path: path,
        kind: .truncated,
        reason: "truncated: the header ends at byte \(SnapshotFileFormat.headerSize) but the "
          + "file has \(head.count)"
      )
    }
    let decoded = head.withUnsafeBytes { SnapshotFileHeader.decode($0) }
    let header = decoded.header
    let headerIntact = decoded.storedChecksum == decoded.computedChecksum
    guard header.formatVersion == SnapshotFileFormat.version else {
      throw SnapshotFileError(
        path: path,
        kind: headerIntact ? .incompatibleVersion : .corruptHeader,
        reason: headerIntact
          ? "incompatible format version \(header.formatVersion), this build reads "
            + "\(SnapshotFileFormat.version)"
          : "header checksum mismatch (its format version field reads \(header.formatVersion))"
      )
    }
    guard headerIntact else {
      throw SnapshotFileError(path: path, kind: .corruptHeader, reason: "header checksum mismatch")
    }
    guard header.sectionEntrySize == UInt32(SnapshotFileFormat.sectionEntrySize) else {
      throw SnapshotFileError(
        path: path,
        kind: .corruptHeader,
        reason: "section entries are \(header.sectionEntrySize) bytes, this build reads "
          + "\(SnapshotFileFormat.sectionEntrySize)"
      )
    }
    let entries = try self.readEntries(file, header: header, fileSize: size)
    return SnapshotFileTable(header: header, entries: entries, fileSize: size)
  }

  private static func readEntries(
    _ file: borrowing POSIXFile,
    header: SnapshotFileHeader,
    fileSize: Int
  ) throws(SnapshotFileError) -> [SnapshotSectionEntry] {
    let path = file.path
    let count = Int(header.sectionCount)
    let tableEnd = SnapshotFileFormat.headerSize + count * SnapshotFileFormat.sectionEntrySize
    let fileLength = Int(clamping: header.fileLength)
    guard tableEnd <= fileSize else {
      throw SnapshotFileError(
        path: path,
        kind: .truncated,
        reason: "truncated: the section table ends at byte \(tableEnd) but the file has \(fileSize)"
      )
    }
    let table = try file.readBytes(
      tableEnd - SnapshotFileFormat.headerSize,
      at: SnapshotFileFormat.headerSize
    )
    guard table.withUnsafeBytes({ XXHash64.hash($0) }) == header.sectionTableChecksum else {
      throw SnapshotFileError(
        path: path,
        kind: .corruptSectionTable,
        reason: "section table checksum mismatch"
      )
    }
    var entries: [SnapshotSectionEntry] = []
    entries.reserveCapacity(count)
    for index in 0 ..< count {
      let start = index * SnapshotFileFormat.sectionEntrySize
      let entry = table.withUnsafeBytes { bytes in
        Result(catching: { () throws(SnapshotFileError) -> SnapshotSectionEntry in
          try SnapshotSectionEntry.decode(
            UnsafeRawBufferPointer(
              rebasing: bytes[start ..< start + SnapshotFileFormat.sectionEntrySize]
            ),
            index: index,
            dataStart: SnapshotFileFormat.aligned(tableEnd),
            fileLength: fileLength,
            path: path
          )
        })
      }
      entries.append(try entry.get())
    }
    var names = Set<String>()
    for entry in entries where !names.insert(entry.name).inserted {
      throw SnapshotFileError(
        path: path,
        kind: .corruptSectionTable,
        section: entry.name,
        reason: "section '\(entry.name)' appears twice"
      )
    }
    if fileSize < fileLength {
      let cut = entries.filter { $0.byteEnd > fileSize }.min { $0.byteOffset < $1.byteOffset }
      throw SnapshotFileError(
        path: path,
        kind: .truncated,
        section: cut?.name,
        reason: cut.map {
          "truncated: section '\($0.name)' ends at byte \($0.byteEnd) but the file has \(fileSize)"
        } ?? "truncated: the header says \(fileLength) bytes but the file has \(fileSize)"
      )
    }
    guard fileSize == fileLength else {
      throw SnapshotFileError(
        path: path,
        kind: .corruptHeader,
        reason: "the file has \(fileSize) bytes but its header says \(fileLength)"
      )
    }
    return entries
  }
}
