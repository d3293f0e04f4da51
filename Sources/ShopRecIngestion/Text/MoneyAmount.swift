/// A price as Google Merchant feeds write it: an amount and a currency code ("28.00 USD").
struct MoneyAmount: Hashable {
  /// The amount in minor units (hundredths).
  var minorUnits: Int64
  /// The currency code, "" when the text has none.
  var currency: String

  /// Parses "28.00 USD", "USD 28.00", "28.00USD" or a bare "28.00"; nil when there is no valid
  /// amount.
  init?(parsing text: String) {
    let trimmed = ByteText.trimmed(text)
    var amount = Substring(trimmed)
    var currency = ""
    if let last = amount.last, last.isLetter {
      let code = amount.reversed().prefix { $0.isLetter }
      currency = String(code.reversed())
      amount = amount.dropLast(code.count)
    } else if let first = amount.first, first.isLetter {
      let code = amount.prefix { $0.isLetter }
      currency = String(code)
      amount = amount.dropFirst(code.count)
    }
    guard let value = DecimalText.minorUnits(String(amount)) else { return nil }
    self.minorUnits = value
    self.currency = currency.uppercased()
  }
}
