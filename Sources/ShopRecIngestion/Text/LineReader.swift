/// Reads a file line by line through a fixed-size buffer (grown only for a longer line), handing
/// out each line's bytes without the line break; a UTF-8 byte order mark at the start is skipped.
struct LineReader: ~Copyable {
  /// The file, as given.
  let path: String
  /// The 1-based number of the current line (0 before the first).
  private(set) var line = 0

  private let source: FileByteSource
  private var base: UnsafeMutablePointer<UInt8>
  private var capacity: Int
  private var dataEnd = 0
  private var nextStart = 0
  private var atEndOfFile = false

  /// The most a single line may take before the file is rejected.
  static let maximumLineBytes = 256 << 20

  /// Opens `path`; throws a ``FeedError`` naming the file when it cannot be opened.
  init(path: String, chunkSize: Int = 1 << 20) throws(FeedError) {
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
    self.source = source
    self.capacity = capacity
    self.base = base
    self.dataEnd = count
    self.atEndOfFile = count == 0
    if self.dataEnd >= 3, self.base[0] == 0xEF, self.base[1] == 0xBB, self.base[2] == 0xBF {
      self.nextStart = 3
    }
  }

  deinit {
    self.base.deallocate()
  }

  /// The next line's bytes (without CR LF), valid until the next call; nil at the end.
  mutating func nextLine() throws(FeedError) -> UnsafeBufferPointer<UInt8>? {
    var scanFrom = self.nextStart
    while true {
      var position = scanFrom
      while position < self.dataEnd, self.base[position] != 0x0A { position += 1 }
      if position < self.dataEnd || (self.atEndOfFile && position > self.nextStart) {
        let start = self.nextStart
        var end = position
        if end > start, self.base[end - 1] == 0x0D { end -= 1 }
        self.nextStart = min(position + 1, self.dataEnd)
        self.line += 1
        return UnsafeBufferPointer(start: self.base + start, count: end - start)
      }
      if self.atEndOfFile { return nil }
      let start = self.nextStart
      let tail = self.dataEnd - start
      if start > 0 {
        self.base.update(from: self.base + start, count: tail)
        self.dataEnd = tail
        self.nextStart = 0
      }
      scanFrom = tail
      if self.dataEnd == self.capacity {
        let newCapacity = self.capacity * 2
        guard newCapacity <= Self.maximumLineBytes else {
          throw FeedError(
            location: RecordLocation(file: self.path, line: self.line + 1),
            reason: "line longer than \(Self.maximumLineBytes >> 20) MiB"
          )
        }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        grown.update(from: self.base, count: self.dataEnd)
        self.base.deallocate()
        self.base = grown
        self.capacity = newCapacity
      }
      try self.fill()
    }
  }

  private mutating func fill() throws(FeedError) {
    let free = UnsafeMutableRawBufferPointer(
      start: self.base + self.dataEnd,
      count: self.capacity - self.dataEnd
    )
    let count = try self.source.read(into: free, line: self.line + 1)
    if count == 0 { self.atEndOfFile = true }
    self.dataEnd += count
  }
}
