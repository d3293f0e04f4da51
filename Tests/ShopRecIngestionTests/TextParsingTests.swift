import Testing

@testable import ShopRecIngestion

@Suite("Text: numbers, money, booleans, dates")
struct TextParsingTests {
  @Test(
    "decimal prices in minor units",
    arguments: [
      ("1299.90", 129_990), ("1299.9", 129_990), ("0", 0), (" 7 ", 700), ("-1.5", -150),
      ("+2", 200),
      ("12,50", 1_250), ("2.555", 256), ("2.554", 255), (".5", 50), ("5.", 500),
    ] as [(String, Int64)]
  )
  func decimals(text: String, expected: Int64) {
    #expect(DecimalText.minorUnits(text) == expected)
  }

  @Test(
    "text that is not a decimal is refused",
    arguments: ["", "abc", "1,299.90", "1e3", "12 RUB", "-", "1.2.3"]
  )
  func notDecimals(text: String) {
    #expect(DecimalText.minorUnits(text) == nil)
  }

  @Test("integers accept a zero fraction only")
  func integers() {
    #expect(DecimalText.integer("6") == 6)
    #expect(DecimalText.integer("-2") == -2)
    #expect(DecimalText.integer("6.0") == 6)
    #expect(DecimalText.integer("6.5") == nil)
    #expect(DecimalText.integer("99999999999999999999") == nil)
  }

  func money(_ text: String) -> String? {
    MoneyAmount(parsing: text).map { "\($0.minorUnits) \($0.currency)" }
  }

  @Test("Google money: amount and currency in either order")
  func money() {
    #expect(self.money("28.00 USD") == "2800 USD")
    #expect(self.money("usd 28") == "2800 USD")
    #expect(self.money("3980RUB") == "398000 RUB")
    #expect(self.money("12.5") == "1250 ")
    #expect(MoneyAmount(parsing: "USD") == nil)
    #expect(MoneyAmount(parsing: "ten USD") == nil)
  }

  @Test("booleans: true/false, 1/0, yes/no in any case")
  func booleans() {
    for text in ["true", "TRUE", "1", "Yes", " yes "] { #expect(BooleanText.parse(text) == true) }
    for text in ["false", "0", "NO"] { #expect(BooleanText.parse(text) == false) }
    for text in ["", "y", "2", "maybe"] { #expect(BooleanText.parse(text) == nil) }
  }

  @Test(
    "ISO 8601 dates and times",
    arguments: [
      ("1970-01-01", 0), ("2026-03-01", 1_772_323_200), ("2026-03-01T10:15:00Z", 1_772_360_100),
      ("2026-03-01 10:15:00", 1_772_360_100), ("2026-03-01T10:15", 1_772_360_100),
      ("2026-03-01T13:15:00+03:00", 1_772_360_100), ("2026-03-01T13:15:00.250+0300", 1_772_360_100),
      ("2026-03-01T07:15:00-03", 1_772_360_100), ("2024-02-29", 1_709_164_800),
      ("1969-12-31T23:59:59Z", -1),
    ] as [(String, Int64)]
  )
  func iso8601(text: String, expected: Int64) {
    #expect(ISO8601Text.unixSeconds(text) == expected)
  }

  @Test(
    "not ISO 8601",
    arguments: [
      "", "2026-3-1", "2026-02-30", "2025-02-29", "2026-03-01T25:00", "2026-03-01T10:15:00+3",
      "01.03.2026", "2026-03-01x",
    ]
  )
  func notISO8601(text: String) {
    #expect(ISO8601Text.unixSeconds(text) == nil)
  }

  @Test("date patterns: one or two digits per field, literals must match")
  func patterns() throws {
    let american = try TimestampFormat("%m/%d/%Y %H:%M")
    #expect(ByteText.withBytes(of: "12/1/2010 8:26") { american.unixSeconds($0) } == 1_291_191_960)
    #expect(ByteText.withBytes(of: "12/1/2010") { american.unixSeconds($0) } == nil)
    let short = try TimestampFormat("%d.%m.%y")
    #expect(ByteText.withBytes(of: "01.03.26") { short.unixSeconds($0) } == 1_772_323_200)
    #expect(
      ByteText.withBytes(of: "1772323200") { TimestampFormat.unixSeconds.unixSeconds($0) }
        == 1_772_323_200
    )
    #expect(try TimestampFormat("unix") == .unixSeconds)
    #expect(try TimestampFormat("ISO8601") == .iso8601)
  }

  @Test("civil dates round-trip over four centuries")
  func civilDates() {
    var day: Int64 = -146_097
    while day < 146_097 {
      let date = CivilDate.date(days: day)
      #expect(CivilDate.days(year: date.year, month: date.month, day: date.day) == day)
      day += 97
    }
    #expect(CivilDate.date(days: 0) == (1970, 1, 1))
    #expect(CivilDate.date(days: 11_016) == (2000, 2, 29))
  }

  @Test("sale windows: both sides, open sides, end before start")
  func saleWindows() {
    #expect(SaleWindow.parse("2026-03-01/2026-03-02")! == (1_772_323_200, 1_772_409_600))
    #expect(SaleWindow.parse("2026-03-01/")! == (1_772_323_200, nil))
    #expect(SaleWindow.parse("2026-03-02/2026-03-01") == nil)
    #expect(SaleWindow.parse("2026-03-01") == nil)
    #expect(SaleWindow.parse("soon/later") == nil)
  }
}
