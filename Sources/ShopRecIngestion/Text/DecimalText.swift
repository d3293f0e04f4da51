/// Parses decimal numbers written in major currency units ("1299.90") into minor units
/// (hundredths), and plain integers, from UTF-8 bytes, without Foundation.
enum DecimalText {
  /// The amount in hundredths, or nil when the text is not a decimal number.
  ///
  /// Accepts an optional sign, digits, and a fraction after `.` (or after `,` when there is no
  /// `.`); spaces around are ignored. More than two fraction digits are rounded half away from
  /// zero. Thousands separators, exponents and currency signs are not accepted here.
  static func minorUnits(_ text: UnsafeBufferPointer<UInt8>) -> Int64? {
    let bytes = ByteText.trimmed(text)
    var index = 0
    let count = bytes.count
    guard count > 0 else { return nil }
    var negative = false
    if bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") {
      negative = bytes[0] == UInt8(ascii: "-")
      index = 1
    }
    var whole: Int64 = 0
    var digits = 0
    while index < count, ByteText.isDigit(bytes[index]) {
      let (times, overflowA) = whole.multipliedReportingOverflow(by: 10)
      let (sum, overflowB) = times.addingReportingOverflow(Int64(bytes[index] &- 0x30))
      if overflowA || overflowB || sum > Int64.max / 100 { return nil }
      whole = sum
      digits += 1
      index += 1
    }
    var fraction: Int64 = 0
    var fractionDigits = 0
    var roundUp = false
    if index < count, bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ",") {
      index += 1
      while index < count, ByteText.isDigit(bytes[index]) {
        let digit = Int64(bytes[index] &- 0x30)
        if fractionDigits < 2 {
          fraction = fraction * 10 + digit
        } else if fractionDigits == 2 {
          roundUp = digit >= 5
        }
        fractionDigits += 1
        index += 1
      }
    }
    guard index == count, digits + fractionDigits > 0 else { return nil }
    if fractionDigits == 1 { fraction *= 10 }
    var value = whole * 100 + fraction + (roundUp ? 1 : 0)
    if negative { value = -value }
    return value
  }

  /// The amount in hundredths of the decimal in `string`, or nil.
  static func minorUnits(_ string: String) -> Int64? {
    ByteText.withBytes(of: string) { minorUnits($0) }
  }

  /// An integer, or nil. Accepts a sign and a zero fraction ("6", "-2", "6.0").
  static func integer(_ text: UnsafeBufferPointer<UInt8>) -> Int64? {
    let bytes = ByteText.trimmed(text)
    let count = bytes.count
    guard count > 0 else { return nil }
    var index = 0
    var negative = false
    if bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") {
      negative = bytes[0] == UInt8(ascii: "-")
      index = 1
    }
    var value: Int64 = 0
    var digits = 0
    while index < count, ByteText.isDigit(bytes[index]) {
      let (times, overflowA) = value.multipliedReportingOverflow(by: 10)
      let (sum, overflowB) = times.addingReportingOverflow(Int64(bytes[index] &- 0x30))
      if overflowA || overflowB { return nil }
      value = sum
      digits += 1
      index += 1
    }
    guard digits > 0 else { return nil }
    if index < count, bytes[index] == UInt8(ascii: ".") {
      index += 1
      while index < count, bytes[index] == UInt8(ascii: "0") { index += 1 }
    }
    guard index == count else { return nil }
    return negative ? -value : value
  }

  /// An integer parsed from `string`, or nil.
  static func integer(_ string: String) -> Int64? {
    ByteText.withBytes(of: string) { integer($0) }
  }
}
