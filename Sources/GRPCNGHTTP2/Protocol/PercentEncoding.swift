/// Percent-encoding of `grpc-message` values: bytes outside 0x20...0x7E and `%` itself are
/// written as `%XX` (grpc/grpc doc/PROTOCOL-HTTP2.md, Status-Message).
enum PercentEncoding {
  /// Encodes the UTF-8 bytes of `message`.
  static func encode(_ message: String) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(message.utf8.count)
    let hex: [UInt8] = Array("0123456789ABCDEF".utf8)
    for byte in message.utf8 {
      if byte >= 0x20 && byte <= 0x7E && byte != UInt8(ascii: "%") {
        output.append(byte)
      } else {
        output.append(UInt8(ascii: "%"))
        output.append(hex[Int(byte >> 4)])
        output.append(hex[Int(byte & 0x0F)])
      }
    }
    return output
  }

  /// Decodes `%XX` sequences; malformed ones are kept as they are.
  static func decode(_ bytes: some Collection<UInt8>) -> String {
    let input = Array(bytes)
    var output: [UInt8] = []
    output.reserveCapacity(input.count)
    var index = 0
    while index < input.count {
      if input[index] == UInt8(ascii: "%"), index + 2 < input.count,
        let high = Self.hexValue(input[index + 1]), let low = Self.hexValue(input[index + 2])
      {
        output.append(high << 4 | low)
        index += 3
      } else {
        output.append(input[index])
        index += 1
      }
    }
    return String(decoding: output, as: UTF8.self)
  }

  private static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0") ... UInt8(ascii: "9"): byte - UInt8(ascii: "0")
    case UInt8(ascii: "a") ... UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A") ... UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
    default: nil
    }
  }
}
