/// Why the synthetic shop's files could not be written.
public struct SyntheticShopError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The file or directory.
  public var path: String
  /// What went wrong.
  public var reason: String

  /// Creates an error.
  public init(path: String, reason: String) {
    self.path = path
    self.reason = reason
  }

  /// `path: reason`.
  public var description: String { "\(self.path): \(self.reason)" }
}
