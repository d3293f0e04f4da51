/// A column mapping or date format that cannot be used, with what is wrong in plain words.
public struct OrderColumnMappingError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What is wrong.
  public var message: String

  /// Creates an error.
  public init(_ message: String) {
    self.message = message
  }

  /// The message.
  public var description: String { self.message }
}
