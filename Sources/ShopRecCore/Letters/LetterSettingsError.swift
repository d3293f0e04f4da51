/// A problem in letter settings: where (file and JSON path) and what.
public struct LetterSettingsError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The settings file, or empty for settings made in code.
  public var file: String
  /// The JSON path of the offending value, e.g. `recipes.WAITLIST[1].strategy`.
  public var path: String
  /// What is wrong.
  public var message: String

  /// An error at `path`.
  public init(file: String = "", path: String, _ message: String) {
    self.file = file
    self.path = path
    self.message = message
  }

  public var description: String {
    let place = [self.file, self.path].filter { !$0.isEmpty }.joined(separator: ": ")
    return place.isEmpty ? self.message : "\(place): \(self.message)"
  }
}
