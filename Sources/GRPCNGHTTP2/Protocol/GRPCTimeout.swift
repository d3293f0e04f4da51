/// Parses the `grpc-timeout` header: 1 to 8 ASCII digits followed by a unit (`H`, `M`, `S`, `m`,
/// `u`, `n`), per grpc/grpc doc/PROTOCOL-HTTP2.md.
enum GRPCTimeout {
  /// The timeout in nanoseconds, or nil when the value is malformed.
  static func nanoseconds(_ value: UnsafeBufferPointer<UInt8>) -> UInt64? {
    guard value.count >= 2, value.count <= 9 else { return nil }
    var amount: UInt64 = 0
    for index in 0 ..< value.count - 1 {
      let digit = value[index] &- UInt8(ascii: "0")
      guard digit <= 9 else { return nil }
      amount = amount * 10 + UInt64(digit)
    }
    let multiplier: UInt64
    switch value[value.count - 1] {
    case UInt8(ascii: "H"): multiplier = 3_600_000_000_000
    case UInt8(ascii: "M"): multiplier = 60_000_000_000
    case UInt8(ascii: "S"): multiplier = 1_000_000_000
    case UInt8(ascii: "m"): multiplier = 1_000_000
    case UInt8(ascii: "u"): multiplier = 1_000
    case UInt8(ascii: "n"): multiplier = 1
    default: return nil
    }
    let (product, overflow) = amount.multipliedReportingOverflow(by: multiplier)
    return overflow ? UInt64.max : product
  }
}
