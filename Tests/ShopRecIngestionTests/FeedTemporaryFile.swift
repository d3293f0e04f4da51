import Foundation

/// Small input files written by tests into the temporary folder.
enum TemporaryFile {
  /// Writes `text` (or `bytes`) to a new file and returns its path.
  static func write(_ text: String, suffix: String = ".txt") throws -> String {
    try self.write(Array(text.utf8), suffix: suffix)
  }

  /// Writes `bytes` to a new file and returns its path.
  static func write(_ bytes: [UInt8], suffix: String = ".txt") throws -> String {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("shoprec-test-\(UUID().uuidString)\(suffix)")
    try Data(bytes).write(to: url)
    return url.path
  }
}
