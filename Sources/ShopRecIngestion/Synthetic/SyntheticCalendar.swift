/// Proleptic Gregorian calendar arithmetic on days since 1970-01-01 (UTC), without Foundation:
/// fast enough to format tens of millions of timestamps (Howard Hinnant's civil-date algorithms).
enum SyntheticCalendar {
  /// The day number of `year`-`month`-`day`.
  static func day(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// The (year, month, day) of day number `day`.
  static func civil(_ day: Int) -> (year: Int, month: Int, day: Int) {
    let z = day + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let mp = (5 * dayOfYear + 2) / 153
    let d = dayOfYear - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (yearOfEra + era * 400 + (m <= 2 ? 1 : 0), m, d)
  }

  /// Appends `2026-03-01` for day number `day`.
  static func appendDate(_ day: Int, to bytes: inout [UInt8]) {
    let (year, month, dayOfMonth) = self.civil(day)
    self.appendDigits(year, width: 4, to: &bytes)
    bytes.append(UInt8(ascii: "-"))
    self.appendDigits(month, width: 2, to: &bytes)
    bytes.append(UInt8(ascii: "-"))
    self.appendDigits(dayOfMonth, width: 2, to: &bytes)
  }

  /// Appends `2026-03-01T10:15:00Z` for Unix time `seconds`.
  static func appendTimestamp(_ seconds: Int64, to bytes: inout [UInt8]) {
    let (days, secondOfDay) = Int(seconds).quotientAndRemainder(dividingBy: 86_400)
    let day = secondOfDay < 0 ? days - 1 : days
    let second = secondOfDay < 0 ? secondOfDay + 86_400 : secondOfDay
    self.appendDate(day, to: &bytes)
    bytes.append(UInt8(ascii: "T"))
    self.appendDigits(second / 3600, width: 2, to: &bytes)
    bytes.append(UInt8(ascii: ":"))
    self.appendDigits(second / 60 % 60, width: 2, to: &bytes)
    bytes.append(UInt8(ascii: ":"))
    self.appendDigits(second % 60, width: 2, to: &bytes)
    bytes.append(UInt8(ascii: "Z"))
  }

  /// `2026-03-01T10:15:00Z` for Unix time `seconds`.
  static func timestamp(_ seconds: Int64) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(20)
    self.appendTimestamp(seconds, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// `2026-03-01` for day number `day`.
  static func date(_ day: Int) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(10)
    self.appendDate(day, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  private static func appendDigits(_ value: Int, width: Int, to bytes: inout [UInt8]) {
    var divisor = 1
    for _ in 1 ..< width { divisor *= 10 }
    var rest = value
    while divisor > 0 {
      bytes.append(UInt8(ascii: "0") + UInt8(rest / divisor % 10))
      rest %= divisor
      divisor /= 10
    }
  }
}
