import Foundation

/// Where the tests find their inputs.
enum FeedTestSupport {
  /// The package root (three levels above this file).
  static let packageRoot: String = {
    var components = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
    components.removeLast(3)
    return components.joined(separator: "/")
  }()

  /// The committed fixtures folder.
  static let fixtures = packageRoot + "/Tests/ShopRecIngestionTests/Fixtures"

  /// The shared real-data folder beside the package (`../shared/data`).
  static let sharedData = packageRoot + "/../shared/data"

  /// The path of fixture `name`.
  static func fixture(_ name: String) -> String { fixtures + "/" + name }

  /// The path of shared data file `name` (e.g. `feeds/yml-ola.xml`).
  static func shared(_ name: String) -> String { sharedData + "/" + name }

  /// Whether the shared real-data folder is present (tests that need it are skipped otherwise).
  static let hasSharedData: Bool = fileExists(sharedData + "/SOURCES.md")

  /// Whether a file exists at `path`.
  static func fileExists(_ path: String) -> Bool {
    FileManager.default.fileExists(atPath: path)
  }
}

/// Skips a test with a clear message when the shared real-data folder is absent.
let sharedDataAvailable = FeedTestSupport.hasSharedData
