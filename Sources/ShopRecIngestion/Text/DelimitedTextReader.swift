/// Reads comma- or tab-separated records (RFC 4180 quoting) from a file in large chunks.
///
/// The file is read into a fixed buffer (1 MiB unless told otherwise, grown only for a single
/// record longer than that), so memory does not grow with the file. Fields are handed out as byte
/// ranges of that buffer, valid until the next call to ``nextRecord()``: callers create Strings
/// only for the fields they keep. Quoted fields may hold delimiters, doubled quotes and line
/// breaks, and may span chunks; quotes are removed in place. Line numbers count every line break,
/// including those inside quoted fields. A UTF-8 byte order mark at the start is skipped, a CR
/// before LF is dropped, and blank lines are skipped. Fields that are not valid UTF-8 stop the
/// read with a ``FeedError`` naming the line.
struct DelimitedTextReader: ~Copyable {
  /// The file, as given.
  let path: String
  /// The field separator (`,` or a tab).
  let delimiter: UInt8
  /// The 1-based line on which the current record starts (0 before the first record).
  private(set) var line = 0
  /// Byte offset of the current record from the start of the file.
  private(set) var byteOffset = 0

  private let source: FileByteSource
  private var base: UnsafeMutablePointer<UInt8>
  private var capacity: Int
  private var dataEnd = 0
  private var nextStart = 0
  private var consumedBeforeBuffer = 0
  private var atEndOfFile = false
  private var nextLine = 1
  private var bounds: UnsafeMutablePointer<Int>
  private var boundCapacity = 64
  private var boundCount = 0

  /// The most a single record may take before the file is rejected.
  static let maximumRecordBytes = 256 << 20

  private static let quote = UInt8(ascii: "\"")
  private static let lineFeed = UInt8(ascii: "\n")
  private static let carriageReturn = UInt8(ascii: "\r")

  /// Opens `path`; throws a ``FeedError`` naming the file when it cannot be opened.
  init(
    path: String,
    delimiter: UInt8 = UInt8(ascii: ","),
    chunkSize: Int = 1 << 20
  )
    throws(FeedError)
  {
    let source = try FileByteSource(path: path)
    let capacity = max(chunkSize, 16)
    let base = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
    let count: Int
    do {
      count = try source.read(
        into: UnsafeMutableRawBufferPointer(start: base, count: capacity),
        line: 1
      )
    } catch {
      base.deallocate()
      throw error
    }
    self.path = path
    self.delimiter = delimiter
    self.source = source
    self.capacity = capacity
    self.base = base
    self.dataEnd = count
    self.atEndOfFile = count == 0
    self.bounds = UnsafeMutablePointer<Int>.allocate(capacity: 64)
    if self.dataEnd >= 3, self.base[0] == 0xEF, self.base[1] == 0xBB, self.base[2] == 0xBF {
      self.nextStart = 3
    }
  }

  deinit {
    self.base.deallocate()
    self.bounds.deallocate()
  }

  /// The number of fields in the current record.
  var fieldCount: Int { self.boundCount >> 1 }

  /// The bytes of field `index` (0-based) without quotes and surrounding spaces; empty when the
  /// record has fewer fields. Valid until the next ``nextRecord()``.
  @inline(__always)
  func field(_ index: Int) -> UnsafeBufferPointer<UInt8> {
    guard index >= 0, index < self.fieldCount else {
      return UnsafeBufferPointer(start: nil, count: 0)
    }
    var start = self.bounds[index << 1]
    var end = self.bounds[(index << 1) + 1]
    while start < end, self.base[start] == 0x20 || self.base[start] == 0x09 { start += 1 }
    while end > start, self.base[end - 1] == 0x20 || self.base[end - 1] == 0x09 { end -= 1 }
    return UnsafeBufferPointer(start: self.base + start, count: end - start)
  }

  /// Field `index` decoded as a String ("" when absent).
  func string(_ index: Int) -> String {
    String(decoding: self.field(index), as: UTF8.self)
  }

  /// The location of the current record.
  var location: RecordLocation {
    RecordLocation(file: self.path, line: self.line, byteOffset: self.byteOffset)
  }

  /// Moves to the next non-blank record; returns false at the end of the file.
  mutating func nextRecord() throws(FeedError) -> Bool {
    while true {
      guard let hadQuotes = try self.scanRecord() else { return false }
      if self.fieldCount == 1, !hadQuotes, self.bounds[0] == self.bounds[1] { continue }
      return true
    }
  }

  /// Scans one record into `bounds`; returns whether it held a quoted field, or nil at the end.
  private mutating func scanRecord() throws(FeedError) -> Bool? {
    let quote = Self.quote
    let lineFeed = Self.lineFeed
    let delimiter = self.delimiter
    let delimiterPattern = Self.ones &* UInt64(delimiter)
    let lineFeedPattern = Self.ones &* UInt64(lineFeed)
    var base = self.base
    var dataEnd = self.dataEnd
    var start = self.nextStart
    var position = start
    var fieldStart = start
    var contentStart = start
    var write = start
    var quoted = false
    var inQuotes = false
    var sawQuote = false
    var lineBreaks = 0
    var highBits: UInt64 = 0
    var terminated = false
    self.boundCount = 0

    while true {
      if position >= dataEnd
        || (inQuotes && base[position] == quote && position + 1 >= dataEnd && !self.atEndOfFile)
      {
        if self.atEndOfFile, position >= dataEnd {
          if position == start { return nil }
          if inQuotes {
            throw FeedError(
              location: RecordLocation(file: self.path, line: self.nextLine),
              reason: "quoted field never closed (the record starting here runs to the end of file)"
            )
          }
          break
        }
        let shift = try self.compactAndFill(keepingFrom: start)
        base = self.base
        dataEnd = self.dataEnd
        start -= shift
        position -= shift
        fieldStart -= shift
        contentStart -= shift
        write -= shift
        for index in 0 ..< self.boundCount { self.bounds[index] -= shift }
        continue
      }
      if !inQuotes, !quoted, position != fieldStart || base[position] != quote {
        // Unquoted text: skip 8 bytes at a time to the next delimiter or line feed.
        while position + 8 <= dataEnd {
          let word = UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self)
          let matches =
            Self.zeroBytes(word ^ delimiterPattern) | Self.zeroBytes(word ^ lineFeedPattern)
          if matches != 0 {
            let offset = matches.trailingZeroBitCount >> 3
            highBits |= word & (offset == 0 ? 0 : (~0 as UInt64) >> (64 - 8 * offset))
            position += offset
            break
          }
          highBits |= word
          position += 8
        }
        if position >= dataEnd { continue }
      }
      let byte = base[position]
      if inQuotes {
        if byte == quote {
          if position + 1 < dataEnd, base[position + 1] == quote {
            base[write] = quote
            write += 1
            position += 2
          } else {
            inQuotes = false
            position += 1
          }
          continue
        }
        if byte == lineFeed { lineBreaks += 1 }
        highBits |= UInt64(byte)
        base[write] = byte
        write += 1
        position += 1
        continue
      }
      if byte == delimiter {
        self.appendBounds(contentStart, quoted ? write : position)
        position += 1
        fieldStart = position
        contentStart = position
        write = position
        quoted = false
        continue
      }
      if byte == lineFeed {
        terminated = true
        break
      }
      if byte == quote, position == fieldStart {
        quoted = true
        inQuotes = true
        sawQuote = true
        position += 1
        contentStart = position
        write = position
        continue
      }
      highBits |= UInt64(byte)
      if quoted {
        base[write] = byte
        write += 1
      }
      position += 1
    }

    var end = quoted ? write : position
    if position > start, base[position - 1] == Self.carriageReturn, end > contentStart {
      end -= 1
    }
    self.appendBounds(contentStart, end)
    self.line = self.nextLine
    self.byteOffset = self.consumedBeforeBuffer + start
    self.nextLine += lineBreaks + (terminated ? 1 : 0)
    self.nextStart = terminated ? position + 1 : position
    if highBits & Self.highBits != 0 { try self.validateUTF8() }
    return sawQuote
  }

  private static let ones: UInt64 = 0x0101_0101_0101_0101
  private static let highBits: UInt64 = 0x8080_8080_8080_8080

  /// The high bit of each zero byte of `word` set (exact for the lowest zero byte).
  @inline(__always)
  private static func zeroBytes(_ word: UInt64) -> UInt64 {
    (word &- Self.ones) & ~word & Self.highBits
  }

  @inline(__always)
  private mutating func appendBounds(_ start: Int, _ end: Int) {
    if self.boundCount + 2 > self.boundCapacity {
      let capacity = self.boundCapacity * 2
      let grown = UnsafeMutablePointer<Int>.allocate(capacity: capacity)
      grown.update(from: self.bounds, count: self.boundCount)
      self.bounds.deallocate()
      self.bounds = grown
      self.boundCapacity = capacity
    }
    self.bounds[self.boundCount] = start
    self.bounds[self.boundCount + 1] = end
    self.boundCount += 2
  }

  private func validateUTF8() throws(FeedError) {
    for index in 0 ..< self.fieldCount {
      let start = self.bounds[index << 1]
      let end = self.bounds[(index << 1) + 1]
      let bytes = UnsafeBufferPointer(start: self.base + start, count: end - start)
      if !UTF8Validation.isValid(bytes) {
        throw FeedError(
          location: self.location,
          reason: "field \(index + 1) is not valid UTF-8 (text files must be UTF-8)"
        )
      }
    }
  }

  /// Moves the unread tail (from `start`) to the front, grows the buffer when the tail fills it,
  /// and reads more. Returns how far the tail moved.
  private mutating func compactAndFill(keepingFrom start: Int) throws(FeedError) -> Int {
    let tail = self.dataEnd - start
    if start > 0 {
      if tail > 0 { (self.base).update(from: self.base + start, count: tail) }
      self.consumedBeforeBuffer += start
      self.dataEnd = tail
    }
    if self.dataEnd == self.capacity {
      let newCapacity = self.capacity * 2
      if newCapacity > Self.maximumRecordBytes {
        throw FeedError(
          location: RecordLocation(file: self.path, line: self.nextLine),
          reason: "record longer than \(Self.maximumRecordBytes >> 20) MiB (unclosed quote?)"
        )
      }
      let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
      grown.update(from: self.base, count: self.dataEnd)
      self.base.deallocate()
      self.base = grown
      self.capacity = newCapacity
    }
    try self.fill()
    return start
  }

  /// Reads into the free part of the buffer; sets `atEndOfFile` when nothing more comes.
  private mutating func fill() throws(FeedError) {
    let free = UnsafeMutableRawBufferPointer(
      start: self.base + self.dataEnd,
      count: self.capacity - self.dataEnd
    )
    let count = try self.source.read(into: free, line: self.nextLine)
    if count == 0 { self.atEndOfFile = true }
    self.dataEnd += count
  }
}
