import Foundation
import ShopRecCore
import ShopRecIngestion

/// A temporary snapshot directory, with helpers to write good and damaged snapshot files whose
/// modification times the test chooses (so "newest" never depends on the clock or on sleeps).
final class ServiceSnapshotDirectory {
  let path: String

  init() throws {
    self.path = NSTemporaryDirectory() + "shoprec-service-tests-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: self.path, withIntermediateDirectories: true)
  }

  deinit {
    try? FileManager.default.removeItem(atPath: self.path)
  }

  /// The path of `name` in the directory.
  func file(_ name: String) -> String {
    (self.path as NSString).appendingPathComponent(name)
  }

  /// Writes `snapshot` as `name`, modified at `modified` (seconds since 1970); returns the path.
  @discardableResult
  func write(_ snapshot: Snapshot, as name: String, modified: Double) throws -> String {
    let path = self.file(name)
    try SnapshotFileWriter.write(snapshot, to: path)
    try self.touch(name, modified: modified)
    return path
  }

  /// Writes `bytes` as `name`, modified at `modified`; returns the path.
  @discardableResult
  func write(bytes: [UInt8], as name: String, modified: Double) throws -> String {
    let path = self.file(name)
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    try self.touch(name, modified: modified)
    return path
  }

  /// Sets the modification time of `name`.
  func touch(_ name: String, modified: Double) throws {
    try FileManager.default.setAttributes(
      [.modificationDate: Date(timeIntervalSince1970: modified)],
      ofItemAtPath: self.file(name)
    )
  }

  /// The bytes of a snapshot file of `snapshot`.
  static func bytes(of snapshot: Snapshot) throws -> [UInt8] {
    let directory = try ServiceSnapshotDirectory()
    let path = try directory.write(snapshot, as: "scratch.shoprec", modified: 0)
    return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
  }

  /// `bytes` with one byte flipped in the middle of the largest section (so only that
  /// section's checksum can notice), and the name of that section.
  static func flippingAByte(_ bytes: [UInt8]) -> (bytes: [UInt8], section: String) {
    func integer(at offset: Int, width: Int) -> Int {
      (0 ..< width).reduce(0) { $0 | Int(bytes[offset + $1]) << (8 * $1) }
    }
    let sectionCount = integer(at: 16, width: 4)
    var largest = (offset: 0, length: 0, name: "")
    for index in 0 ..< sectionCount {
      let entry = 64 + index * 96
      let length = integer(at: entry + 80, width: 8)
      if length > largest.length {
        let name = String(decoding: bytes[entry ..< entry + 56].prefix { $0 != 0 }, as: UTF8.self)
        largest = (integer(at: entry + 72, width: 8), length, name)
      }
    }
    var damaged = bytes
    damaged[largest.offset + largest.length / 2] ^= 0x5A
    return (damaged, largest.name)
  }

  /// `bytes` cut to 60% of their length.
  static func truncated(_ bytes: [UInt8]) -> [UInt8] {
    Array(bytes.prefix(bytes.count * 6 / 10))
  }

  /// `bytes` claiming format version `version`, with a correct header checksum (so only the
  /// version check can reject it).
  static func withFormatVersion(_ version: UInt32, _ bytes: [UInt8]) -> [UInt8] {
    var changed = bytes
    for index in 0 ..< 4 { changed[8 + index] = UInt8(truncatingIfNeeded: version >> (8 * index)) }
    let checksum = changed.withUnsafeBytes {
      XXHash64.hash(UnsafeRawBufferPointer(rebasing: $0[0 ..< 56]))
    }
    for index in 0 ..< 8 {
      changed[56 + index] = UInt8(truncatingIfNeeded: checksum >> (8 * index))
    }
    return changed
  }
}
