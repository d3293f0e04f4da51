/// Parses ISO 8601 dates and times from UTF-8 bytes into Unix seconds, without Foundation.
///
/// Accepts `2026-03-01`, `2026-03-01T10:15`, `2026-03-01T10:15:00`, with fractional seconds
/// (dropped), a space instead of `T`, and a zone `Z`, `+03:00`, `+0300` or `+03`; no zone means
/// UTC.
enum ISO8601Text {
  /// Unix seconds, or nil when the text is not such a date.
  static func unixSeconds(_ text: UnsafeBufferPointer<UInt8>) -> Int64? {
    let bytes = ByteText.trimmed(text)
    var cursor = DigitCursor(bytes: bytes)
    guard let year = cursor.number(exactly: 4), cursor.skip("-"),
      let month = cursor.number(exactly: 2), cursor.skip("-"),
      let day = cursor.number(exactly: 2)
    else { return nil }
    var hour: Int64 = 0
    var minute: Int64 = 0
    var second: Int64 = 0
    if cursor.skip("T") || cursor.skip("t") || cursor.skip(" ") {
      guard let parsedHour = cursor.number(exactly: 2), cursor.skip(":"),
        let parsedMinute = cursor.number(exactly: 2)
      else { return nil }
      hour = parsedHour
      minute = parsedMinute
      if cursor.skip(":") {
        guard let parsedSecond = cursor.number(exactly: 2) else { return nil }
        second = parsedSecond
        if cursor.skip(".") || cursor.skip(",") {
          guard cursor.skipDigits() > 0 else { return nil }
        }
      }
    }
    guard
      var seconds = CivilDate.unixSeconds(
        year: year,
        month: month,
        day: day,
        hour: hour,
        minute: minute,
        second: second
      )
    else { return nil }
    let utc = cursor.skip("Z") || cursor.skip("z")
    if !utc, cursor.peek == UInt8(ascii: "+") || cursor.peek == UInt8(ascii: "-") {
      let sign: Int64 = cursor.peek == UInt8(ascii: "-") ? -1 : 1
      cursor.advance()
      guard let zoneHours = cursor.number(exactly: 2), zoneHours <= 23 else { return nil }
      var zoneMinutes: Int64 = 0
      if cursor.skip(":") {
        guard let parsed = cursor.number(exactly: 2) else { return nil }
        zoneMinutes = parsed
      } else if let parsed = cursor.number(exactly: 2) {
        zoneMinutes = parsed
      }
      guard zoneMinutes <= 59 else { return nil }
      seconds -= sign * (zoneHours * 3600 + zoneMinutes * 60)
    }
    guard cursor.atEnd else { return nil }
    return seconds
  }

  /// Unix seconds of the ISO 8601 text in `string`, or nil.
  static func unixSeconds(_ string: String) -> Int64? {
    ByteText.withBytes(of: string) { unixSeconds($0) }
  }
}
