#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A file opened for sequential reading with `read(2)`, in whatever chunk sizes the caller asks.
///
/// Readers hold one of these and their own fixed-size buffer, so memory stays flat however large
/// the file is. The descriptor is closed when the source is released.
final class FileByteSource {
  /// The path as given, for error messages.
  let path: String
  private let descriptor: Int32

  /// Opens `path` for reading; a missing or unreadable file throws a ``FeedError`` naming it.
  init(path: String) throws(FeedError) {
    self.path = path
    let descriptor = open(path, O_RDONLY)
    if descriptor < 0 {
      throw FeedError(
        location: RecordLocation(file: path, line: 0),
        reason: "cannot open file: \(Self.describe(errno))"
      )
    }
    self.descriptor = descriptor
  }

  deinit {
    close(self.descriptor)
  }

  /// Reads up to `buffer.count` bytes into `buffer`; returns 0 at the end of the file.
  func read(into buffer: UnsafeMutableRawBufferPointer, line: Int) throws(FeedError) -> Int {
    guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
    while true {
      #if canImport(Darwin)
      let count = Darwin.read(self.descriptor, base, buffer.count)
      #elseif canImport(Musl)
      let count = Musl.read(self.descriptor, base, buffer.count)
      #else
      let count = Glibc.read(self.descriptor, base, buffer.count)
      #endif
      if count >= 0 { return count }
      if errno == EINTR { continue }
      throw FeedError(
        location: RecordLocation(file: self.path, line: line),
        reason: "cannot read file: \(Self.describe(errno))"
      )
    }
  }

  /// Reads the first `count` bytes of the file at `path` (fewer when it is shorter).
  static func prefix(ofFileAt path: String, count: Int) throws(FeedError) -> [UInt8] {
    let source = try FileByteSource(path: path)
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: count, alignment: 16)
    defer { buffer.deallocate() }
    var filled = 0
    while filled < count {
      let read = try source.read(
        into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]),
        line: 0
      )
      if read == 0 { break }
      filled += read
    }
    return Array(buffer[0 ..< filled])
  }

  private static func describe(_ code: Int32) -> String {
    guard let message = strerror(code) else { return "error \(code)" }
    return String(cString: message)
  }
}
