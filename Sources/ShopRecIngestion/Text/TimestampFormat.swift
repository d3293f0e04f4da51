/// How an orders file writes its times: ISO 8601 (the default), Unix seconds, or a
/// strftime-like pattern.
///
/// Patterns use `%Y` (year, 4 digits), `%y` (2-digit year, 2000-2099), `%m`, `%d`, `%H`, `%M`,
/// `%S` (1 or 2 digits each, so `12/1/2010 8:26` matches `%m/%d/%Y %H:%M`) and `%%`; any other
/// character must appear as written. Fields the pattern lacks are taken as 0 (time) or 1 (date);
/// times are UTC.
public struct TimestampFormat: Sendable, Hashable, CustomStringConvertible {
  enum Kind: Sendable, Hashable {
    case iso8601
    case unixSeconds
    case pattern([PatternToken])
  }

  enum PatternToken: Sendable, Hashable {
    case year
    case twoDigitYear
    case month
    case day
    case hour
    case minute
    case second
    case literal(UInt8)
  }

  let kind: Kind

  /// The text the format was made from (`iso8601`, `unix` or the pattern).
  public let description: String

  /// ISO 8601 (`2026-03-01`, `2026-03-01T10:15:00Z`, `2026-03-01 10:15:00`, offsets).
  public static let iso8601 = TimestampFormat(kind: .iso8601, description: "iso8601")

  /// Seconds since 1970-01-01 UTC as an integer.
  public static let unixSeconds = TimestampFormat(kind: .unixSeconds, description: "unix")

  private init(kind: Kind, description: String) {
    self.kind = kind
    self.description = description
  }

  /// A format from its name (`iso8601`, `unix`) or a `%`-pattern; throws on an unknown `%`
  /// directive or a pattern without a day.
  public init(_ text: String) throws(OrderColumnMappingError) {
    switch text.lowercased() {
    case "iso8601", "iso", "iso-8601":
      self = .iso8601
      return
    case "unix", "epoch":
      self = .unixSeconds
      return
    default: break
    }
    var tokens: [PatternToken] = []
    var bytes = Array(text.utf8).makeIterator()
    while let byte = bytes.next() {
      guard byte == UInt8(ascii: "%") else {
        tokens.append(.literal(byte))
        continue
      }
      switch bytes.next() {
      case UInt8(ascii: "Y"): tokens.append(.year)
      case UInt8(ascii: "y"): tokens.append(.twoDigitYear)
      case UInt8(ascii: "m"): tokens.append(.month)
      case UInt8(ascii: "d"): tokens.append(.day)
      case UInt8(ascii: "H"): tokens.append(.hour)
      case UInt8(ascii: "M"): tokens.append(.minute)
      case UInt8(ascii: "S"): tokens.append(.second)
      case UInt8(ascii: "%"): tokens.append(.literal(UInt8(ascii: "%")))
      default:
        throw OrderColumnMappingError(
          "date format \"\(text)\": unknown directive (use %Y %y %m %d %H %M %S %%)"
        )
      }
    }
    guard tokens.contains(.day), tokens.contains(.month),
      tokens.contains(.year) || tokens.contains(.twoDigitYear)
    else {
      throw OrderColumnMappingError("date format \"\(text)\" needs a year, a month and a day")
    }
    self.kind = .pattern(tokens)
    self.description = text
  }

  /// Unix seconds of `text`, or nil when it does not match.
  func unixSeconds(_ text: UnsafeBufferPointer<UInt8>) -> Int64? {
    switch self.kind {
    case .iso8601: return ISO8601Text.unixSeconds(text)
    case .unixSeconds: return DecimalText.integer(text)
    case .pattern(let tokens): return Self.match(tokens, ByteText.trimmed(text))
    }
  }

  private static func match(_ tokens: [PatternToken], _ bytes: UnsafeBufferPointer<UInt8>) -> Int64?
  {
    var cursor = DigitCursor(bytes: bytes)
    var year: Int64 = 1970
    var month: Int64 = 1
    var day: Int64 = 1
    var hour: Int64 = 0
    var minute: Int64 = 0
    var second: Int64 = 0
    for token in tokens {
      switch token {
      case .year:
        guard let value = cursor.number(upTo: 4) else { return nil }
        year = value
      case .twoDigitYear:
        guard let value = cursor.number(upTo: 2) else { return nil }
        year = 2000 + value
      case .month:
        guard let value = cursor.number(upTo: 2) else { return nil }
        month = value
      case .day:
        guard let value = cursor.number(upTo: 2) else { return nil }
        day = value
      case .hour:
        guard let value = cursor.number(upTo: 2) else { return nil }
        hour = value
      case .minute:
        guard let value = cursor.number(upTo: 2) else { return nil }
        minute = value
      case .second:
        guard let value = cursor.number(upTo: 2) else { return nil }
        second = value
      case .literal(let expected):
        guard cursor.peek == expected else { return nil }
        cursor.advance()
      }
    }
    guard cursor.atEnd else { return nil }
    return CivilDate.unixSeconds(
      year: year,
      month: month,
      day: day,
      hour: hour,
      minute: minute,
      second: second
    )
  }
}
