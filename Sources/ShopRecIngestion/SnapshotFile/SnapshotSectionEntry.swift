/// One entry of a snapshot file's section table: where a section is and how to check it.
///
/// ```
/// offset size field
///      0   56 name (the section's tag), ASCII, NUL-padded
///     56    1 element type (see SnapshotSectionElementType)
///     57    1 element width in bytes
///     58    6 reserved (0)
///     64    8 element count
///     72    8 byte offset from the start of the file (a multiple of 64)
///     80    8 byte length (element count × width)
///     88    8 XXH64 of the section's bytes
/// ```
public struct SnapshotSectionEntry: Sendable, Equatable {
  /// The section's name, e.g. `catalog.titles.bytes`: its tag in the file.
  public var name: String
  /// What the section is an array of.
  public var elementType: SnapshotSectionElementType
  /// The number of elements.
  public var elementCount: Int
  /// Where the section starts in the file.
  public var byteOffset: Int
  /// The section's length in bytes.
  public var byteLength: Int
  /// XXH64 of the section's bytes.
  public var checksum: UInt64

  /// The offset just past the section's last byte.
  public var byteEnd: Int { self.byteOffset + self.byteLength }

  /// Appends the entry's 96 bytes to `bytes`.
  func encode(into bytes: inout ByteWriter) {
    var name = Array(self.name.utf8.prefix(SnapshotFileFormat.maximumSectionNameLength))
    name += [UInt8](repeating: 0, count: 56 - name.count)
    bytes.append(name)
    bytes.append(self.elementType.rawValue)
    bytes.append(UInt8(self.elementType.width))
    bytes.append([UInt8](repeating: 0, count: 6))
    bytes.append(UInt64(self.elementCount))
    bytes.append(UInt64(self.byteOffset))
    bytes.append(UInt64(self.byteLength))
    bytes.append(self.checksum)
  }

  /// Reads and validates entry `index` from its 96 bytes against a file of `fileLength` bytes
  /// whose data area starts at `dataStart`.
  static func decode(
    _ bytes: UnsafeRawBufferPointer,
    index: Int,
    dataStart: Int,
    fileLength: Int,
    path: String
  ) throws(SnapshotFileError) -> SnapshotSectionEntry {
    func corrupt(_ reason: String, section: String? = nil) -> SnapshotFileError {
      SnapshotFileError(path: path, kind: .corruptSectionTable, section: section, reason: reason)
    }
    let nameField = bytes[0 ..< 56]
    let nameLength = nameField.firstIndex(of: 0) ?? 56
    let nameBytes = nameField[0 ..< nameLength]
    guard nameLength > 0, nameLength <= SnapshotFileFormat.maximumSectionNameLength,
      nameBytes.allSatisfy({ $0 > 0x20 && $0 < 0x7F }),
      nameField[nameLength...].allSatisfy({ $0 == 0 })
    else {
      throw corrupt("section table entry \(index) has no valid name")
    }
    let name = String(decoding: nameBytes, as: UTF8.self)
    guard let type = SnapshotSectionElementType(rawValue: bytes[56]) else {
      throw corrupt("section '\(name)' has unknown element type \(bytes[56])", section: name)
    }
    guard Int(bytes[57]) == type.width else {
      throw corrupt(
        "section '\(name)' says \(type.name) elements are \(bytes[57]) bytes wide",
        section: name
      )
    }
    let count: UInt64 = bytes.snapshotLittleEndian(at: 64)
    let offset: UInt64 = bytes.snapshotLittleEndian(at: 72)
    let length: UInt64 = bytes.snapshotLittleEndian(at: 80)
    let (expectedLength, overflow) = count.multipliedReportingOverflow(by: UInt64(type.width))
    guard !overflow, expectedLength == length else {
      throw corrupt(
        "section '\(name)' holds \(count) \(type.name) elements but is \(length) bytes long",
        section: name
      )
    }
    guard offset % UInt64(SnapshotFileFormat.sectionAlignment) == 0, offset >= UInt64(dataStart)
    else {
      throw corrupt("section '\(name)' starts at invalid offset \(offset)", section: name)
    }
    let (end, endOverflow) = offset.addingReportingOverflow(length)
    guard !endOverflow, end <= UInt64(fileLength) else {
      throw corrupt(
        "section '\(name)' ends at byte \(end) beyond the file's length \(fileLength)",
        section: name
      )
    }
    return SnapshotSectionEntry(
      name: name,
      elementType: type,
      elementCount: Int(count),
      byteOffset: Int(offset),
      byteLength: Int(length),
      checksum: bytes.snapshotLittleEndian(at: 88)
    )
  }
}
