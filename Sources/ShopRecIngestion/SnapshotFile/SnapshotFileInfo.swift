public import ShopRecCore

/// What a snapshot file holds, read without loading the model: see
/// ``SnapshotFileReader/readInfo(path:)``.
public struct SnapshotFileInfo: Sendable, Equatable {
  /// The file.
  public var path: String
  /// Its size in bytes.
  public var fileSize: Int
  /// The format version it was written in.
  public var formatVersion: UInt32
  /// Its sections, in file order.
  public var sections: [SnapshotSectionEntry]
  /// The snapshot's metadata.
  public var metadata: SnapshotMetadata

  /// Creates a description.
  public init(
    path: String,
    fileSize: Int,
    formatVersion: UInt32,
    sections: [SnapshotSectionEntry],
    metadata: SnapshotMetadata
  ) {
    self.path = path
    self.fileSize = fileSize
    self.formatVersion = formatVersion
    self.sections = sections
    self.metadata = metadata
  }
}
