/// The gRPC Length-Prefixed-Message framing: a compressed flag byte, a 4-byte big-endian length,
/// then the message.
public enum GRPCFraming {
  /// The prefix size.
  public static let prefixLength = 5

  /// Writes a prefix for a message of `length` bytes.
  @inlinable
  public static func writePrefix(
    to pointer: UnsafeMutablePointer<UInt8>,
    length: Int,
    compressed: Bool
  ) {
    pointer[0] = compressed ? 1 : 0
    let value = UInt32(truncatingIfNeeded: length)
    pointer[1] = UInt8(truncatingIfNeeded: value >> 24)
    pointer[2] = UInt8(truncatingIfNeeded: value >> 16)
    pointer[3] = UInt8(truncatingIfNeeded: value >> 8)
    pointer[4] = UInt8(truncatingIfNeeded: value)
  }

  /// Reads the message length from a prefix.
  @inlinable
  public static func readLength(_ pointer: UnsafePointer<UInt8>) -> Int {
    Int(pointer[1]) << 24 | Int(pointer[2]) << 16 | Int(pointer[3]) << 8 | Int(pointer[4])
  }

  /// Frames `message` (for clients and tests).
  public static func frame(_ message: [UInt8], compressed: Bool = false) -> [UInt8] {
    var framed = [UInt8](repeating: 0, count: prefixLength)
    framed.withUnsafeMutableBufferPointer {
      writePrefix(to: $0.baseAddress!, length: message.count, compressed: compressed)
    }
    framed.append(contentsOf: message)
    return framed
  }
}
