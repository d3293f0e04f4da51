/// Small helpers over UTF-8 byte ranges, shared by the text parsers.
enum ByteText {
  /// Calls `body` with the UTF-8 bytes of `string` (without copying when the string is native).
  @inline(__always)
  static func withBytes<Result>(
    of string: String,
    _ body: (UnsafeBufferPointer<UInt8>) -> Result
  ) -> Result {
    var string = string
    return string.withUTF8(body)
  }

  /// `bytes` without leading and trailing ASCII whitespace.
  @inline(__always)
  static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
    guard let base = bytes.baseAddress else { return bytes }
    var start = 0
    var end = bytes.count
    while start < end, isSpace(base[start]) { start += 1 }
    while end > start, isSpace(base[end - 1]) { end -= 1 }
    return UnsafeBufferPointer(start: base + start, count: end - start)
  }

  /// Whether `byte` is an ASCII space, tab, CR or LF.
  @inline(__always)
  static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
  }

  /// Whether `byte` is an ASCII digit.
  @inline(__always)
  static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

  /// `byte` lower-cased if it is an ASCII capital letter.
  @inline(__always)
  static func lowercased(_ byte: UInt8) -> UInt8 {
    byte &- 0x41 < 26 ? byte | 0x20 : byte
  }

  /// Whether `bytes` equals the ASCII text `lowercaseASCII` ignoring ASCII case.
  static func equalsIgnoringCase(
    _ bytes: UnsafeBufferPointer<UInt8>,
    _ lowercaseASCII: StaticString
  )
    -> Bool
  {
    guard bytes.count == lowercaseASCII.utf8CodeUnitCount else { return false }
    let expected = lowercaseASCII.utf8Start
    for index in 0 ..< bytes.count where lowercased(bytes[index]) != expected[index] {
      return false
    }
    return true
  }

  /// Whether two byte ranges hold the same bytes.
  @inline(__always)
  static func equal(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> Bool
  {
    guard left.count == right.count else { return false }
    guard let leftBase = left.baseAddress, let rightBase = right.baseAddress else { return true }
    return memoryEqual(leftBase, rightBase, left.count)
  }

  @inline(__always)
  private static func memoryEqual(
    _ left: UnsafePointer<UInt8>,
    _ right: UnsafePointer<UInt8>,
    _ count: Int
  ) -> Bool {
    var index = 0
    while index + 8 <= count {
      let a = UnsafeRawPointer(left + index).loadUnaligned(as: UInt64.self)
      let b = UnsafeRawPointer(right + index).loadUnaligned(as: UInt64.self)
      if a != b { return false }
      index += 8
    }
    while index < count {
      if left[index] != right[index] { return false }
      index += 1
    }
    return true
  }

  /// `string` trimmed of whitespace (including non-breaking spaces); returns `string` itself
  /// without scanning when it starts and ends with visible ASCII.
  static func trimmed(_ string: String) -> String {
    let utf8 = string.utf8
    guard let first = utf8.first, let last = utf8.last else { return string }
    if first > 0x20, first < 0x80, last > 0x20, last < 0x80 { return string }
    let scalars = string.unicodeScalars
    var start = scalars.startIndex
    var end = scalars.endIndex
    while start < end, scalars[start].properties.isWhitespace {
      start = scalars.index(after: start)
    }
    while end > start, scalars[scalars.index(before: end)].properties.isWhitespace {
      end = scalars.index(before: end)
    }
    return String(scalars[start ..< end])
  }
}
