public import ShopRecCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a ``Snapshot`` as one versioned, checksummed binary file; see docs/snapshot-format.md.
///
/// The write is atomic: the bytes go to `path.tmp-<pid>`, which is fsynced and renamed over
/// `path`, and then the directory is fsynced. A reader (or a crash) sees the old file or the new
/// one, never a mixture; a failed write removes its temporary file and leaves `path` untouched.
public enum SnapshotFileWriter {
  /// Writes `snapshot` to `path`, replacing any file there atomically.
  public static func write(_ snapshot: Snapshot, to path: String) throws(SnapshotFileError) {
    let image = try self.image(of: snapshot, path: path)
    let temporaryPath = path + ".tmp-\(getpid())"
    do {
      let file = try POSIXFile.create(temporaryPath)
      try image.write(to: file)
      try file.sync()
    } catch {
      unlink(temporaryPath)
      throw error
    }
    guard rename(temporaryPath, path) == 0 else {
      let failure = POSIXFile.error(path, "cannot rename \(temporaryPath) over it")
      unlink(temporaryPath)
      throw failure
    }
    // Make the rename durable. The new file is already complete and visible at this point, so
    // a failure here (some file systems refuse to fsync directories) is not reported as a failed
    // write: only durability across a power cut is affected.
    if let directory = try? POSIXFile.openDirectory(self.directory(of: path)) {
      _ = try? directory.sync()
    }
  }

  /// The directory holding `path` (`.` for a bare file name).
  static func directory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    let directory = path[..<slash]
    return directory.isEmpty ? "/" : String(directory)
  }

  /// Lays out `snapshot`'s sections and computes every checksum (sections hashed in parallel).
  static func image(
    of snapshot: Snapshot,
    path: String
  ) throws(SnapshotFileError)
    -> SnapshotFileImage
  {
    var layout = SnapshotLayout(coder: SectionCollector(path: path))
    _ = try layout.snapshot(snapshot, metadata: snapshot.metadata)
    let metadata = try SnapshotMetadataCoding.encode(snapshot.metadata, path: path)
    return try self.image(
      sections: [(SnapshotFileFormat.metadataSectionName, .uint8(FrozenArray(metadata)))]
        + layout.coder.sections,
      path: path
    )
  }

  /// Lays out `arrays` as sections in the given order and computes their checksums.
  static func image(
    sections arrays: [(name: String, array: SectionArray)],
    path: String
  ) throws(SnapshotFileError) -> SnapshotFileImage {
    for (name, _) in arrays where name.utf8.count > SnapshotFileFormat.maximumSectionNameLength {
      throw SnapshotFileError(
        path: path,
        kind: .malformedSection,
        section: name,
        reason:
          "section name '\(name)' is longer than \(SnapshotFileFormat.maximumSectionNameLength) bytes"
      )
    }
    let checksums = ParallelWork.map(arrays.count) { index in
      arrays[index].1.withUnsafeBytes { XXHash64.hash($0) }
    }
    let tableEnd =
      SnapshotFileFormat.headerSize + arrays.count * SnapshotFileFormat.sectionEntrySize
    var offset = SnapshotFileFormat.aligned(tableEnd)
    var entries: [SnapshotSectionEntry] = []
    entries.reserveCapacity(arrays.count)
    for (index, (name, array)) in arrays.enumerated() {
      let length = array.count * array.elementType.width
      entries.append(
        SnapshotSectionEntry(
          name: name,
          elementType: array.elementType,
          elementCount: array.count,
          byteOffset: offset,
          byteLength: length,
          checksum: checksums[index]
        )
      )
      offset = SnapshotFileFormat.aligned(offset + length)
    }
    let fileLength = entries.last.map(\.byteEnd) ?? tableEnd
    return SnapshotFileImage(
      entries: entries,
      arrays: arrays.map(\.1),
      fileLength: fileLength
    )
  }
}
