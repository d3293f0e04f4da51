import Testing

@testable import ShopRecIngestion

@Suite("Text: chunked CSV and line readers, UTF-8, JSON, interning")
struct TextReaderTests {
  /// All records of `text` read with `chunkSize`, fields joined by "|", with their lines.
  func records(
    _ text: String,
    delimiter: UInt8 = UInt8(ascii: ","),
    chunkSize: Int
  ) throws -> [String] {
    let path = try TemporaryFile.write(text)
    var reader = try DelimitedTextReader(path: path, delimiter: delimiter, chunkSize: chunkSize)
    var rows: [String] = []
    while try reader.nextRecord() {
      rows.append(
        "\(reader.line):"
          + (0 ..< reader.fieldCount).map { reader.string($0) }.joined(separator: "|")
      )
    }
    return rows
  }

  @Test(
    "quoting, doubled quotes, line breaks in fields, CRLF, BOM and blank lines, at any chunk size",
    arguments: [16, 17, 19, 23, 64, 1 << 20]
  )
  func quoting(chunkSize: Int) throws {
    let text =
      "\u{FEFF}id,name,note\r\n1,\"Kettle, \"\"Pro\"\"\",plain\r\n\r\n2,\"two\nlines\",\"\"\n"
      + "3, spaced ,\"a\"\"\"\n4,last,no newline"
    #expect(
      try self.records(text, chunkSize: chunkSize) == [
        "1:id|name|note", "2:1|Kettle, \"Pro\"|plain", "4:2|two\nlines|", "6:3|spaced|a\"",
        "7:4|last|no newline",
      ]
    )
  }

  @Test(
    "a record longer than the buffer grows it; tabs as delimiters keep commas",
    arguments: [16, 32]
  )
  func longRecords(chunkSize: Int) throws {
    let long = String(repeating: "x", count: 100)
    #expect(
      try self.records("a\t\(long),\(long)\tb\n", delimiter: 0x09, chunkSize: chunkSize) == [
        "1:a|\(long),\(long)|b"
      ]
    )
  }

  @Test("byte offsets and lines of records")
  func offsets() throws {
    let path = try TemporaryFile.write("a,b\nccc,d\n\"e\nf\",g\nh,i\n")
    var reader = try DelimitedTextReader(path: path, chunkSize: 16)
    var seen: [String] = []
    while try reader.nextRecord() { seen.append("\(reader.line)@\(reader.byteOffset)") }
    #expect(seen == ["1@0", "2@4", "3@10", "5@18"])
  }

  @Test("an unclosed quote and invalid UTF-8 stop the read naming the line")
  func errors() throws {
    #expect {
      try self.records("a,b\n1,\"open\n2,3\n", chunkSize: 16)
    } throws: { error in
      guard let error = error as? FeedError else { return false }
      return error.location.line == 2 && error.reason.hasPrefix("quoted field never closed")
    }
    let path = try TemporaryFile.write(Array("ok,ok\nbad,".utf8) + [0xC3, 0x28] + Array("\n".utf8))
    var reader = try DelimitedTextReader(path: path)
    #expect(try reader.nextRecord())
    #expect {
      try reader.nextRecord()
    } throws: { error in
      (error as? FeedError).map {
        $0.location.line == 2
          && $0.reason == "field 2 is not valid UTF-8 (text files must be UTF-8)"
      } == true
    }
  }

  @Test(
    "UTF-8 validation",
    arguments: [
      ([0x41], true), ([0xD0, 0x9A], true), ([0xE2, 0x84, 0x96], true),
      ([0xF0, 0x9F, 0x98, 0x80], true),
      ([0xC0, 0x80], false), ([0xE0, 0x80, 0x80], false), ([0xED, 0xA0, 0x80], false),
      ([0xF4, 0x90, 0x80, 0x80], false),
      ([0xD0], false), ([0x9A], false), ([0xE2, 0x84], false),
    ] as [([UInt8], Bool)]
  )
  func utf8(bytes: [UInt8], valid: Bool) {
    #expect(bytes.withUnsafeBufferPointer { UTF8Validation.isValid($0) } == valid)
  }

  @Test("line reader: CRLF, last line without newline, long lines over small chunks")
  func lines() throws {
    let long = String(repeating: "y", count: 50)
    let path = try TemporaryFile.write("\u{FEFF}one\r\n\n\(long)\nlast")
    var reader = try LineReader(path: path, chunkSize: 16)
    var lines: [String] = []
    while let line = try reader.nextLine() {
      lines.append("\(reader.line):" + String(decoding: line, as: UTF8.self))
    }
    #expect(lines == ["1:one", "2:", "3:\(long)", "4:last"])
  }

  @Test("JSON values: escapes, surrogate pairs, nesting, numbers as text")
  func json() throws {
    let text = #"{"a":"x\"\\\/\n\u00e9\ud83d\ude00","b":[1,-2.50e1,true,false,null],"c":{}}"#
    let value = try Array(text.utf8).withUnsafeBufferPointer { try JSONParser.parse($0) }
    #expect(
      value
        == .object([
          JSONMember(key: "a", value: .string("x\"\\/\né😀")),
          JSONMember(
            key: "b",
            value: .array([.number("1"), .number("-2.50e1"), .bool(true), .bool(false), .null])
          ),
          JSONMember(key: "c", value: .object([])),
        ])
    )
  }

  @Test(
    "malformed JSON reports the column",
    arguments: [
      (#"{"a" 1}"#, 6), (#"{"a":tru}"#, 6), (#"{"a":"\ud800"}"#, 13), (#"{"a":1} x"#, 9),
      (#"{"a":"x"#, 8),
    ] as [(String, Int)]
  )
  func malformedJSON(text: String, column: Int) {
    #expect {
      try Array(text.utf8).withUnsafeBufferPointer { try JSONParser.parse($0) }
    } throws: { error in
      (error as? JSONSyntaxError)?.column == column
    }
  }

  @Test("interning: dense indexes in first-seen order for short and long keys across growth")
  func interning() {
    var interner = ByteInterner()
    let keys = (0 ..< 5_000).map { $0 % 3 == 0 ? "k\($0)" : "a-much-longer-key-number-\($0)" }
    for (index, key) in keys.enumerated() {
      let result = interner.intern(key)
      #expect(result.index == Int32(index) && result.inserted)
    }
    for (index, key) in keys.enumerated().reversed() {
      let result = interner.intern(key)
      #expect(result.index == Int32(index) && !result.inserted)
    }
    #expect(interner.count == 5_000)
    // Keys differing only in length or trailing zero bytes stay distinct.
    #expect(interner.intern("k").inserted)
    #expect(interner.intern("k\u{0}").inserted)
    #expect(interner.intern("").inserted)
    #expect(interner.count == 5_003)
  }
}
