/// Decimal formatting into byte buffers without Foundation.
enum SyntheticDigits {
  /// Appends the decimal digits of `value`.
  static func append(_ value: Int, to bytes: inout [UInt8]) {
    if value < 0 { bytes.append(UInt8(ascii: "-")) }
    let magnitude = value.magnitude
    var divisor: UInt = 1
    while divisor <= magnitude / 10 { divisor *= 10 }
    while divisor > 0 {
      bytes.append(UInt8(ascii: "0") + UInt8(magnitude / divisor % 10))
      divisor /= 10
    }
  }

  /// Appends a price in minor units as major units with two decimals: `1299.90`.
  static func appendPrice(_ minor: Int64, to bytes: inout [UInt8]) {
    let (major, cents) = Int(minor).quotientAndRemainder(dividingBy: 100)
    self.append(major, to: &bytes)
    bytes.append(UInt8(ascii: "."))
    bytes.append(UInt8(ascii: "0") + UInt8(cents / 10))
    bytes.append(UInt8(ascii: "0") + UInt8(cents % 10))
  }
}
