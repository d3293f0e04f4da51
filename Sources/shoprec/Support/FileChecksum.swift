import Foundation
import ShopRecCore

/// Size and XXH64 of a file, read in chunks (for the snapshot's source list).
enum FileChecksum {
  static func of(_ path: String) throws -> (bytes: Int64, checksum: String) {
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: path])
    }
    defer { try? handle.close() }
    var hash = XXHash64.Streaming()
    var bytes: Int64 = 0
    while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
      chunk.withUnsafeBytes { hash.update($0) }
      bytes += Int64(chunk.count)
    }
    let hex = String(hash.finalize(), radix: 16)
    return (bytes, String(repeating: "0", count: 16 - hex.count) + hex)
  }
}
