/// A broken structural rule of a snapshot part (a CSR offset past its values, an index out of
/// range, an unsorted row): the snapshot is corrupt and must not be served.
public struct InvariantViolation: Error, Sendable, Equatable, CustomStringConvertible {
  /// What is wrong, naming the part and position, e.g.
  /// `catalog.brand[12] = 7 is out of range -1..<5`.
  public var message: String

  /// Creates a violation.
  public init(_ message: String) {
    self.message = message
  }

  /// The message.
  public var description: String { self.message }
}

/// Throws ``InvariantViolation`` with `message()` unless `condition` holds.
@inline(__always)
func require(_ condition: Bool, _ message: @autoclosure () -> String) throws(InvariantViolation) {
  if !condition { throw InvariantViolation(message()) }
}
