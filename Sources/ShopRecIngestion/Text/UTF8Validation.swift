/// Checks bytes for well-formed UTF-8 (no overlong forms, surrogates or values above U+10FFFF).
enum UTF8Validation {
  /// Whether `bytes` is well-formed UTF-8.
  static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var index = 0
    let count = bytes.count
    while index < count {
      let lead = bytes[index]
      if lead < 0x80 {
        index += 1
        continue
      }
      var needed = 0
      var lower: UInt8 = 0x80
      var upper: UInt8 = 0xBF
      switch lead {
      case 0xC2 ... 0xDF: needed = 1
      case 0xE0:
        needed = 2
        lower = 0xA0
      case 0xE1 ... 0xEC, 0xEE ... 0xEF: needed = 2
      case 0xED:
        needed = 2
        upper = 0x9F
      case 0xF0:
        needed = 3
        lower = 0x90
      case 0xF1 ... 0xF3: needed = 3
      case 0xF4:
        needed = 3
        upper = 0x8F
      default: return false
      }
      guard index + needed < count else { return false }
      let second = bytes[index + 1]
      guard second >= lower, second <= upper else { return false }
      var offset = 2
      while offset <= needed {
        let continuation = bytes[index + offset]
        guard continuation & 0xC0 == 0x80 else { return false }
        offset += 1
      }
      index += needed + 1
    }
    return true
  }
}
