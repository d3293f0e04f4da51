import Foundation
import ShopRecCore

/// The metadata section's encoding: ``SnapshotMetadata`` as JSON with sorted keys, so that equal
/// snapshots give byte-identical files.
enum SnapshotMetadataCoding {
  static func encode(
    _ metadata: SnapshotMetadata,
    path: String
  ) throws(SnapshotFileError)
    -> [UInt8]
  {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    do {
      return Array(try encoder.encode(metadata))
    } catch {
      throw SnapshotFileError(
        path: path,
        kind: .badMetadata,
        section: SnapshotFileFormat.metadataSectionName,
        reason: "cannot encode the metadata as JSON: \(error)"
      )
    }
  }

  static func decode(
    _ bytes: [UInt8],
    path: String
  ) throws(SnapshotFileError)
    -> SnapshotMetadata
  {
    do {
      return try JSONDecoder().decode(SnapshotMetadata.self, from: Data(bytes))
    } catch {
      throw SnapshotFileError(
        path: path,
        kind: .badMetadata,
        section: SnapshotFileFormat.metadataSectionName,
        reason: "the metadata section is not valid snapshot metadata JSON: \(error)"
      )
    }
  }
}
