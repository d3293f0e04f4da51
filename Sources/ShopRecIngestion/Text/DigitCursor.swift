/// A read position over ASCII digits and punctuation.
struct DigitCursor {
  let bytes: UnsafeBufferPointer<UInt8>
  var index = 0

  init(bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
  }

  var atEnd: Bool { self.index >= self.bytes.count }

  var peek: UInt8? { self.atEnd ? nil : self.bytes[self.index] }

  mutating func advance() { self.index += 1 }

  /// Skips `character` if it comes next.
  mutating func skip(_ character: Unicode.Scalar) -> Bool {
    guard !self.atEnd, self.bytes[self.index] == UInt8(ascii: character) else { return false }
    self.index += 1
    return true
  }

  /// Skips digits; returns how many.
  mutating func skipDigits() -> Int {
    let start = self.index
    while !self.atEnd, ByteText.isDigit(self.bytes[self.index]) { self.index += 1 }
    return self.index - start
  }

  /// Reads exactly `count` digits.
  mutating func number(exactly count: Int) -> Int64? {
    guard self.index + count <= self.bytes.count else { return nil }
    var value: Int64 = 0
    for offset in 0 ..< count {
      let byte = self.bytes[self.index + offset]
      guard ByteText.isDigit(byte) else { return nil }
      value = value * 10 + Int64(byte &- 0x30)
    }
    self.index += count
    return value
  }

  /// Reads between 1 and `maximum` digits.
  mutating func number(upTo maximum: Int) -> Int64? {
    var value: Int64 = 0
    var count = 0
    while count < maximum, !self.atEnd, ByteText.isDigit(self.bytes[self.index]) {
      value = value * 10 + Int64(self.bytes[self.index] &- 0x30)
      self.index += 1
      count += 1
    }
    return count > 0 ? value : nil
  }
}
