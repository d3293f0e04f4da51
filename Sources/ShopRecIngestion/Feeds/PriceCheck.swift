/// The price rules every catalog format shares: a regular price is required and not negative;
/// a sale price must be below it.
enum PriceCheck {
  /// The required price in minor units, or nil after adding a rejection naming `field`.
  static func required(
    _ text: String?,
    field: String,
    location: RecordLocation,
    issues: inout [RecordIssue]
  ) -> Int64? {
    guard let text, !ByteText.trimmed(text).isEmpty else {
      issues.append(RecordIssue(location: location, field: field, reason: "missing price"))
      return nil
    }
    guard let value = DecimalText.minorUnits(text) else {
      issues.append(
        RecordIssue(location: location, field: field, reason: "unparsable price", detail: text)
      )
      return nil
    }
    guard value >= 0 else {
      issues.append(
        RecordIssue(location: location, field: field, reason: "negative price", detail: text)
      )
      return nil
    }
    return value
  }

  /// An optional lower price (sale price) in minor units, or nil (with a correction noted when
  /// the text was there but unusable or not below `regular`).
  static func lower(
    _ text: String?,
    than regular: Int64,
    field: String,
    location: RecordLocation,
    issues: inout [RecordIssue]
  ) -> Int64? {
    guard let text, !ByteText.trimmed(text).isEmpty else { return nil }
    guard let value = DecimalText.minorUnits(text) ?? MoneyAmount(parsing: text)?.minorUnits else {
      issues.append(
        RecordIssue(
          location: location,
          field: field,
          reason: "unparsable price; dropped",
          severity: .corrected,
          detail: text
        )
      )
      return nil
    }
    return Self.lower(
      value,
      than: regular,
      text: text,
      field: field,
      location: location,
      issues: &issues
    )
  }

  /// `value` if it is a usable sale price below `regular`, else nil with a correction noted.
  static func lower(
    _ value: Int64,
    than regular: Int64,
    text: String,
    field: String,
    location: RecordLocation,
    issues: inout [RecordIssue]
  ) -> Int64? {
    if value < 0 {
      issues.append(
        RecordIssue(
          location: location,
          field: field,
          reason: "negative price; dropped",
          severity: .corrected,
          detail: text
        )
      )
      return nil
    }
    if value >= regular {
      issues.append(
        RecordIssue(
          location: location,
          field: field,
          reason: "sale price not below the regular price; dropped",
          severity: .corrected,
          detail: text
        )
      )
      return nil
    }
    return value
  }
}
