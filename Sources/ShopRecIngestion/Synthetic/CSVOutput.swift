#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A CSV file written through a large byte buffer: fields are appended as bytes (RFC 4180
/// quoting where needed) and the buffer goes to the file in multi-megabyte writes.
///
/// A non-copyable struct rather than a class, so that the many small appends are checked for
/// exclusive access at compile time instead of at run time.
struct CSVOutput: ~Copyable {
  /// The file.
  let path: String
  /// Bytes not yet written.
  var buffer: [UInt8] = []
  private let descriptor: Int32
  private var fieldsInRow = 0
  private static let flushThreshold = 4 << 20

  /// Creates (or truncates) `path` and writes `header` as its first row.
  init(path: String, header: [String]) throws(SyntheticShopError) {
    self.path = path
    self.descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard self.descriptor >= 0 else { throw Self.error(path, "cannot create") }
    self.buffer.reserveCapacity(Self.flushThreshold + (64 << 10))
    for column in header { self.field(column) }
    try self.endRow()
  }

  deinit {
    close(self.descriptor)
  }

  /// Starts a field (writes the separating comma).
  @inline(__always)
  mutating func nextField() {
    if self.fieldsInRow > 0 { self.buffer.append(UInt8(ascii: ",")) }
    self.fieldsInRow += 1
  }

  /// Appends a text field, quoted when it holds a comma, quote or line break.
  mutating func field(_ bytes: [UInt8]) {
    self.nextField()
    let needsQuotes = bytes.contains {
      $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D
    }
    guard needsQuotes else {
      self.buffer.append(contentsOf: bytes)
      return
    }
    self.buffer.append(UInt8(ascii: "\""))
    for byte in bytes {
      if byte == UInt8(ascii: "\"") { self.buffer.append(byte) }
      self.buffer.append(byte)
    }
    self.buffer.append(UInt8(ascii: "\""))
  }

  /// Appends a text field.
  mutating func field(_ text: String) {
    self.field(Array(text.utf8))
  }

  /// Appends a field composed by `compose` (quoted if needed).
  mutating func field(_ compose: (inout [UInt8]) -> Void, scratch: inout [UInt8]) {
    scratch.removeAll(keepingCapacity: true)
    compose(&scratch)
    self.field(scratch)
  }

  /// Appends a field that needs no quoting (digits, dates, plain ids), composed in place.
  mutating func plainField(_ compose: (inout [UInt8]) -> Void) {
    self.nextField()
    compose(&self.buffer)
  }

  /// Appends an empty field.
  mutating func emptyField() {
    self.nextField()
  }

  /// Ends the row and writes the buffer out when it is full.
  mutating func endRow() throws(SyntheticShopError) {
    self.buffer.append(0x0A)
    self.fieldsInRow = 0
    if self.buffer.count >= Self.flushThreshold { try self.flush() }
  }

  /// Writes everything buffered and closes the file.
  consuming func finish() throws(SyntheticShopError) {
    try self.flush()
    guard fsync(self.descriptor) == 0 else { throw Self.error(self.path, "cannot fsync") }
  }

  private mutating func flush() throws(SyntheticShopError) {
    var failure: SyntheticShopError?
    self.buffer.withUnsafeBytes { bytes in
      var done = 0
      while done < bytes.count, let base = bytes.baseAddress {
        let result = write(self.descriptor, base + done, bytes.count - done)
        if result < 0 {
          if errno == EINTR { continue }
          failure = Self.error(self.path, "cannot write")
          return
        }
        done += result
      }
    }
    if let failure { throw failure }
    self.buffer.removeAll(keepingCapacity: true)
  }

  private static func error(_ path: String, _ operation: String) -> SyntheticShopError {
    let code = errno
    return SyntheticShopError(
      path: path,
      reason: "\(operation): \(String(cString: strerror(code)))"
    )
  }
}
