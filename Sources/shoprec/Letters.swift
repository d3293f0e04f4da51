import ArgumentParser
import Foundation
import ShopRecCore
import ShopRecIngestion
import ShopRecService

/// `shoprec letters`: trigger letters locally, without a server.
struct Letters: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Compose trigger letters or list due post-purchase letters (in-process).",
    discussion: """
      Runs the same request handling as the Letters service, on a snapshot file or the demo
      shop. Recipes and the post-purchase schedule come from --settings (docs/letters.md).
        shoprec letters compose WISHLIST --customer C1 --product P000123
        shoprec letters compose POST_PURCHASE_ACCESSORIES --customer C1
        shoprec letters due --now 2025-12-01T09:00:00Z
        shoprec letters check-settings letters.json
      """,
    subcommands: [LettersCompose.self, LettersDue.self, LettersCheckSettings.self]
  )
}

/// Where `shoprec letters` subcommands take their snapshot and settings from.
struct LettersSourceOptions: ParsableArguments {
  @Option(help: "Snapshot file (default: the built-in demo shop).")
  var snapshot: String?

  @Option(help: "Letter recipes and schedule, JSON (default: the built-in recipes).")
  var settings: String?

  /// The service over the chosen snapshot and settings.
  func service() throws -> LettersService {
    let snapshot =
      try self.snapshot.map { try SnapshotFileReader.load(path: $0) } ?? SyntheticShop.demoSnapshot()
    let recipes = try self.settings.map { try LetterSettingsFile.load(path: $0) } ?? .defaults
    return LettersService(store: SnapshotStore(snapshot: snapshot), recipes: recipes)
  }
}

/// Reads letter settings files for `serve` and `letters`.
enum LetterSettingsFile {
  static func load(path: String) throws -> LetterRecipes {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ValidationError("cannot read letter settings file \(path)")
    }
    do {
      return try LetterRecipes.parse(json: Array(data), file: path)
    } catch {
      throw ValidationError("\(error)")
    }
  }
}

/// Parses `--now`: ISO 8601 (`2025-12-01T09:00:00Z`) or Unix seconds.
enum LettersMoment {
  static func parse(_ text: String) throws -> Int64 {
    if let seconds = Int64(text) { return seconds }
    let formatter = ISO8601DateFormatter()
    guard let date = formatter.date(from: text) else {
      throw ValidationError("--now must be ISO 8601 (2025-12-01T09:00:00Z) or Unix seconds")
    }
    return Int64(date.timeIntervalSince1970)
  }

  static func format(_ seconds: Int64) -> String {
    ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
  }
}
