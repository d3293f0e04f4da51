/// Conversions between proleptic Gregorian dates and days since 1970-01-01 (Howard Hinnant's
/// `days_from_civil`), without Foundation calendars.
enum CivilDate {
  /// Days from 1970-01-01 to `year`-`month`-`day`.
  static func days(year: Int64, month: Int64, day: Int64) -> Int64 {
    let shiftedYear = month <= 2 ? year - 1 : year
    let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
    let yearOfEra = shiftedYear - era * 400
    let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// The date of day `days` since 1970-01-01.
  static func date(days: Int64) -> (year: Int64, month: Int64, day: Int64) {
    let shifted = days + 719_468
    let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
    let dayOfEra = shifted - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }

  /// Whether the fields name a real calendar date and time of day.
  static func isValid(
    year: Int64,
    month: Int64,
    day: Int64,
    hour: Int64 = 0,
    minute: Int64 = 0,
    second: Int64 = 0
  ) -> Bool {
    guard (1 ... 12).contains(month), day >= 1, hour >= 0, hour <= 23, minute >= 0,
      minute <= 59, second >= 0, second <= 60
    else { return false }
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    let lengths: [Int64] = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    return day <= lengths[Int(month - 1)]
  }

  /// Unix seconds of a UTC date and time, or nil when it is not a real date.
  static func unixSeconds(
    year: Int64,
    month: Int64,
    day: Int64,
    hour: Int64 = 0,
    minute: Int64 = 0,
    second: Int64 = 0
  ) -> Int64? {
    guard
      isValid(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
    else { return nil }
    return days(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second
  }
}
