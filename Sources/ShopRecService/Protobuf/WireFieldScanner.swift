/// Finds the values of one length-delimited field in a serialized protobuf message, without
/// decoding it: the request cache hints read product ids this way before the request is parsed.
///
/// Only the message's top level is scanned; the scan stops silently at the first malformed or
/// unknown-wire-type field (the real decoder reports such messages).
enum WireFieldScanner {
  /// Calls `body` with the bytes of every top-level occurrence of length-delimited field
  /// `number` in `message`, at most `limit` times.
  @inline(__always)
  static func forEach(
    lengthDelimitedField number: UInt64,
    in message: UnsafeRawBufferPointer,
    limit: Int,
    _ body: (UnsafeBufferPointer<UInt8>) -> Void
  ) {
    guard let base = message.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
    let end = message.count
    var position = 0
    var found = 0
    while position < end && found < limit {
      guard let key = Self.varint(base, end, &position) else { return }
      switch key & 7 {
      case 0:
        guard Self.varint(base, end, &position) != nil else { return }
      case 1:
        position += 8
      case 5:
        position += 4
      case 2:
        guard let length = Self.varint(base, end, &position), length <= UInt64(end - position)
        else { return }
        if key >> 3 == number {
          body(UnsafeBufferPointer(start: base + position, count: Int(length)))
          found += 1
        }
        position += Int(length)
      default:
        return
      }
    }
  }

  @inline(__always)
  private static func varint(
    _ base: UnsafePointer<UInt8>,
    _ end: Int,
    _ position: inout Int
  ) -> UInt64? {
    var value: UInt64 = 0
    var shift: UInt64 = 0
    while position < end && shift < 64 {
      let byte = base[position]
      position += 1
      value |= UInt64(byte & 0x7F) << shift
      if byte < 0x80 { return value }
      shift += 7
    }
    return nil
  }
}
