/// A small JSON parser over UTF-8 bytes (RFC 8259), enough for one JSON Lines record: objects,
/// arrays, strings with all escapes (surrogate pairs included), numbers kept as text, literals.
struct JSONParser {
  private let bytes: UnsafeBufferPointer<UInt8>
  private var index = 0
  private var depth = 0

  private static let maximumDepth = 64

  /// Parses `bytes` as exactly one JSON value (surrounding whitespace allowed).
  static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) -> JSONValue {
    var parser = JSONParser(bytes: bytes)
    let value = try parser.parseValue()
    parser.skipWhitespace()
    guard parser.index == bytes.count else { throw parser.error("text after the JSON value") }
    return value
  }

  private init(bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
  }

  private func error(_ reason: String) -> JSONSyntaxError {
    JSONSyntaxError(column: self.index + 1, reason: reason)
  }

  private mutating func skipWhitespace() {
    while self.index < self.bytes.count, ByteText.isSpace(self.bytes[self.index]) {
      self.index += 1
    }
  }

  private mutating func parseValue() throws(JSONSyntaxError) -> JSONValue {
    self.skipWhitespace()
    guard self.index < self.bytes.count else { throw self.error("unexpected end of line") }
    switch self.bytes[self.index] {
    case UInt8(ascii: "{"): return try self.parseObject()
    case UInt8(ascii: "["): return try self.parseArray()
    case UInt8(ascii: "\""): return .string(try self.parseString())
    case UInt8(ascii: "t"):
      try self.expectLiteral("true")
      return .bool(true)
    case UInt8(ascii: "f"):
      try self.expectLiteral("false")
      return .bool(false)
    case UInt8(ascii: "n"):
      try self.expectLiteral("null")
      return .null
    case UInt8(ascii: "-"), UInt8(ascii: "0") ... UInt8(ascii: "9"):
      return .number(try self.parseNumber())
    default:
      throw self.error("unexpected character")
    }
  }

  private mutating func expectLiteral(_ literal: StaticString) throws(JSONSyntaxError) {
    let count = literal.utf8CodeUnitCount
    guard self.index + count <= self.bytes.count else { throw self.error("unknown literal") }
    for offset in 0 ..< count where self.bytes[self.index + offset] != literal.utf8Start[offset] {
      throw self.error("unknown literal")
    }
    self.index += count
  }

  private mutating func enter() throws(JSONSyntaxError) {
    self.depth += 1
    if self.depth > Self.maximumDepth { throw self.error("nested too deeply") }
  }

  private mutating func parseObject() throws(JSONSyntaxError) -> JSONValue {
    try self.enter()
    defer { self.depth -= 1 }
    self.index += 1
    var members: [JSONMember] = []
    self.skipWhitespace()
    if self.index < self.bytes.count, self.bytes[self.index] == UInt8(ascii: "}") {
      self.index += 1
      return .object(members)
    }
    while true {
      self.skipWhitespace()
      guard self.index < self.bytes.count, self.bytes[self.index] == UInt8(ascii: "\"") else {
        throw self.error("expected a quoted key")
      }
      let key = try self.parseString()
      self.skipWhitespace()
      guard self.index < self.bytes.count, self.bytes[self.index] == UInt8(ascii: ":") else {
        throw self.error("expected ':' after a key")
      }
      self.index += 1
      members.append(JSONMember(key: key, value: try self.parseValue()))
      self.skipWhitespace()
      guard self.index < self.bytes.count else { throw self.error("unexpected end of line") }
      if self.bytes[self.index] == UInt8(ascii: ",") {
        self.index += 1
        continue
      }
      guard self.bytes[self.index] == UInt8(ascii: "}") else {
        throw self.error("expected ',' or '}'")
      }
      self.index += 1
      return .object(members)
    }
  }

  private mutating func parseArray() throws(JSONSyntaxError) -> JSONValue {
    try self.enter()
    defer { self.depth -= 1 }
    self.index += 1
    var elements: [JSONValue] = []
    self.skipWhitespace()
    if self.index < self.bytes.count, self.bytes[self.index] == UInt8(ascii: "]") {
      self.index += 1
      return .array(elements)
    }
    while true {
      elements.append(try self.parseValue())
      self.skipWhitespace()
      guard self.index < self.bytes.count else { throw self.error("unexpected end of line") }
      if self.bytes[self.index] == UInt8(ascii: ",") {
        self.index += 1
        continue
      }
      guard self.bytes[self.index] == UInt8(ascii: "]") else {
        throw self.error("expected ',' or ']'")
      }
      self.index += 1
      return .array(elements)
    }
  }

  private mutating func parseNumber() throws(JSONSyntaxError) -> String {
    let start = self.index
    if self.bytes[self.index] == UInt8(ascii: "-") { self.index += 1 }
    var digits = 0
    while self.index < self.bytes.count {
      let byte = self.bytes[self.index]
      guard
        ByteText.isDigit(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e")
          || byte == UInt8(ascii: "E") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
      else { break }
      if ByteText.isDigit(byte) { digits += 1 }
      self.index += 1
    }
    guard digits > 0 else { throw self.error("malformed number") }
    return String(
      decoding: UnsafeBufferPointer(rebasing: self.bytes[start ..< self.index]),
      as: UTF8.self
    )
  }

  private mutating func parseString() throws(JSONSyntaxError) -> String {
    self.index += 1
    let start = self.index
    var highBits: UInt8 = 0
    while self.index < self.bytes.count {
      let byte = self.bytes[self.index]
      if byte == UInt8(ascii: "\"") {
        let raw = UnsafeBufferPointer(rebasing: self.bytes[start ..< self.index])
        self.index += 1
        if highBits & 0x80 != 0, !UTF8Validation.isValid(raw) {
          throw self.error("string is not valid UTF-8")
        }
        return String(decoding: raw, as: UTF8.self)
      }
      if byte == UInt8(ascii: "\\") {
        self.index = start
        return try self.parseEscapedString()
      }
      if byte < 0x20 { throw self.error("control character in a string") }
      highBits |= byte
      self.index += 1
    }
    throw self.error("string never closed")
  }

  private mutating func parseEscapedString() throws(JSONSyntaxError) -> String {
    var scalars: [UInt8] = []
    while self.index < self.bytes.count {
      let byte = self.bytes[self.index]
      self.index += 1
      switch byte {
      case UInt8(ascii: "\""):
        let valid = scalars.withUnsafeBufferPointer { UTF8Validation.isValid($0) }
        guard valid else {
          throw self.error("string is not valid UTF-8")
        }
        return String(decoding: scalars, as: UTF8.self)
      case UInt8(ascii: "\\"):
        guard self.index < self.bytes.count else { break }
        let escape = self.bytes[self.index]
        self.index += 1
        switch escape {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scalars.append(escape)
        case UInt8(ascii: "b"): scalars.append(0x08)
        case UInt8(ascii: "f"): scalars.append(0x0C)
        case UInt8(ascii: "n"): scalars.append(0x0A)
        case UInt8(ascii: "r"): scalars.append(0x0D)
        case UInt8(ascii: "t"): scalars.append(0x09)
        case UInt8(ascii: "u"): scalars.append(contentsOf: try self.parseUnicodeEscape())
        default: throw self.error("unknown escape")
        }
      default:
        if byte < 0x20 { throw self.error("control character in a string") }
        scalars.append(byte)
      }
    }
    throw self.error("string never closed")
  }

  private mutating func parseHex4() throws(JSONSyntaxError) -> UInt32 {
    guard self.index + 4 <= self.bytes.count else { throw self.error("short \\u escape") }
    var value: UInt32 = 0
    for _ in 0 ..< 4 {
      let byte = self.bytes[self.index]
      let digit: UInt32
      switch byte {
      case UInt8(ascii: "0") ... UInt8(ascii: "9"): digit = UInt32(byte - 0x30)
      case UInt8(ascii: "a") ... UInt8(ascii: "f"): digit = UInt32(byte - 0x57)
      case UInt8(ascii: "A") ... UInt8(ascii: "F"): digit = UInt32(byte - 0x37)
      default: throw self.error("bad \\u escape")
      }
      value = value << 4 | digit
      self.index += 1
    }
    return value
  }

  private mutating func parseUnicodeEscape() throws(JSONSyntaxError) -> [UInt8] {
    var code = try self.parseHex4()
    if (0xD800 ... 0xDBFF).contains(code) {
      guard self.index + 2 <= self.bytes.count, self.bytes[self.index] == UInt8(ascii: "\\"),
        self.bytes[self.index + 1] == UInt8(ascii: "u")
      else { throw self.error("unpaired surrogate") }
      self.index += 2
      let low = try self.parseHex4()
      guard (0xDC00 ... 0xDFFF).contains(low) else { throw self.error("unpaired surrogate") }
      code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
    } else if (0xDC00 ... 0xDFFF).contains(code) {
      throw self.error("unpaired surrogate")
    }
    guard let scalar = Unicode.Scalar(code) else { throw self.error("bad \\u escape") }
    return Array(String(Character(scalar)).utf8)
  }
}
