import Foundation

/// A snapshot file in the snapshot directory, with what identifies its version on disk.
struct SnapshotCandidate: Hashable, Sendable {
  /// The file.
  let path: String
  /// Modification time (seconds since 1970).
  let modified: Double
  /// Size in bytes.
  let size: Int64

  /// The `*.shoprec` files of `directory`, newest first (by modification time, then name).
  static func list(in directory: String) -> [SnapshotCandidate] {
    let manager = FileManager.default
    guard let names = try? manager.contentsOfDirectory(atPath: directory) else { return [] }
    var candidates: [SnapshotCandidate] = []
    for name in names where name.hasSuffix(".shoprec") {
      let path = (directory as NSString).appendingPathComponent(name)
      guard let attributes = try? manager.attributesOfItem(atPath: path),
        (attributes[.type] as? FileAttributeType) == .typeRegular
      else { continue }
      let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
      let size = (attributes[.size] as? NSNumber)?.int64Value ?? 0
      candidates.append(SnapshotCandidate(path: path, modified: modified, size: size))
    }
    return candidates.sorted { ($0.modified, $0.path) > ($1.modified, $1.path) }
  }

  /// The same file as it is on disk now.
  static func current(path: String) -> SnapshotCandidate? {
    guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else {
      return nil
    }
    let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
    let size = (attributes[.size] as? NSNumber)?.int64Value ?? 0
    return SnapshotCandidate(path: path, modified: modified, size: size)
  }
}
