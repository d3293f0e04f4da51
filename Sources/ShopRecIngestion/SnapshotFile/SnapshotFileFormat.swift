import ShopRecCore

/// Constants of the binary snapshot file format; see docs/snapshot-format.md.
///
/// A file is a 64-byte header, a section table of 96-byte entries, then the sections, each
/// starting on a 64-byte boundary. All integers are little-endian.
public enum SnapshotFileFormat {
  /// The first eight bytes of every snapshot file: `SHOPREC\0`.
  public static let magic: [UInt8] = Array("SHOPREC".utf8) + [0]
  /// The format version this build writes and reads. Bump it whenever the header, the section
  /// table or the set of sections changes.
  public static let version: UInt32 = 2
  /// The size of the fixed header in bytes.
  static let headerSize = 64
  /// The size of one section table entry in bytes.
  static let sectionEntrySize = 96
  /// The longest section name (the name field is NUL-padded and keeps one NUL).
  static let maximumSectionNameLength = 55
  /// Sections start at multiples of this many bytes (a cache line; every element type aligns).
  static let sectionAlignment = 64
  /// The name of the section holding ``SnapshotMetadata`` as JSON.
  public static let metadataSectionName = "metadata"

  /// `value` rounded up to the next multiple of ``sectionAlignment``.
  static func aligned(_ value: Int) -> Int {
    (value + self.sectionAlignment - 1) / self.sectionAlignment * self.sectionAlignment
  }
}
