/// Where a record came from: a file and a line (or, where lines mean nothing, a byte offset).
public struct RecordLocation: Sendable, Hashable, CustomStringConvertible {
  /// The file, as given to the build.
  public var file: String
  /// 1-based line number, or 0 when unknown.
  public var line: Int
  /// 1-based column on `line`, or 0 when unknown or not needed. XML feeds often put many
  /// records on one line, so their records carry the column where the parser met them.
  public var column: Int
  /// Byte offset of the record, used when `line` is 0.
  public var byteOffset: Int

  /// Creates a location.
  public init(file: String, line: Int, column: Int = 0, byteOffset: Int = 0) {
    self.file = file
    self.line = line
    self.column = column
    self.byteOffset = byteOffset
  }

  /// `file:line` or `file:line:column` (or `file@byte N`).
  public var description: String {
    guard self.line > 0 else { return "\(self.file)@byte \(self.byteOffset)" }
    return self.column > 0
      ? "\(self.file):\(self.line):\(self.column)" : "\(self.file):\(self.line)"
  }

  /// `line N` or `line N col M` (or `byte N`), for summaries that already name the file.
  public var shortDescription: String {
    guard self.line > 0 else { return "byte \(self.byteOffset)" }
    return self.column > 0 ? "line \(self.line) col \(self.column)" : "line \(self.line)"
  }
}

/// A record that was rejected (or a field that was dropped), with where and why.
///
/// Every rejected record names the file, the line, the field and the reason; the build keeps
/// them all (summarised in the snapshot's metadata) and fails when too many records are bad.
public struct RecordIssue: Sendable, Hashable, CustomStringConvertible {
  /// How serious the problem is.
  public enum Severity: String, Sendable, Hashable {
    /// The whole record was skipped.
    case rejected
    /// The record was kept, but a field was dropped or corrected.
    case corrected
  }

  /// Where.
  public var location: RecordLocation
  /// The field at fault (`price`, `categoryId`, ...), or "" for whole-record problems.
  public var field: String
  /// Why, in a few words that do not depend on the record (so issues group well).
  public var reason: String
  /// Whether the record was skipped or kept.
  public var severity: Severity
  /// The offending value or other detail, if useful (e.g. the bad price text).
  public var detail: String

  /// Creates an issue.
  public init(
    location: RecordLocation,
    field: String,
    reason: String,
    severity: Severity = .rejected,
    detail: String = ""
  ) {
    self.location = location
    self.field = field
    self.reason = reason
    self.severity = severity
    self.detail = detail
  }

  /// `file:line: field: reason (detail)`.
  public var description: String {
    var text = "\(self.location): "
    if !self.field.isEmpty { text += "\(self.field): " }
    text += self.reason
    if !self.detail.isEmpty { text += " (\(self.detail))" }
    if self.severity == .corrected { text += " [kept]" }
    return text
  }
}

/// A problem that stops reading a whole file (missing file, truncated XML, unknown encoding).
public struct FeedError: Error, Sendable, CustomStringConvertible {
  /// Where reading stopped.
  public var location: RecordLocation
  /// Why.
  public var reason: String

  /// Creates an error.
  public init(location: RecordLocation, reason: String) {
    self.location = location
    self.reason = reason
  }

  /// `file:line: reason`.
  public var description: String { "\(self.location): \(self.reason)" }
}
