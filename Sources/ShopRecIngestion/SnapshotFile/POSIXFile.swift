#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A thin wrapper over a POSIX file descriptor: full reads and writes that retry on `EINTR` and
/// short transfers, and errors that name the file and the failing call.
struct POSIXFile: ~Copyable {
  /// The descriptor.
  let descriptor: Int32
  /// The path it was opened with, for errors.
  let path: String

  /// The largest transfer asked of one `pread`/`write` call (Linux caps them near 2 GiB).
  private static let maximumTransfer = 1 << 30

  private init(descriptor: Int32, path: String) {
    self.descriptor = descriptor
    self.path = path
  }

  /// Opens `path` for reading.
  static func openForReading(_ path: String) throws(SnapshotFileError) -> POSIXFile {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw Self.error(path, "cannot open for reading") }
    return POSIXFile(descriptor: descriptor, path: path)
  }

  /// Creates (or truncates) `path` for writing with mode 0644.
  static func create(_ path: String) throws(SnapshotFileError) -> POSIXFile {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw Self.error(path, "cannot create") }
    return POSIXFile(descriptor: descriptor, path: path)
  }

  /// Opens the directory `path` (to fsync it after a rename).
  static func openDirectory(_ path: String) throws(SnapshotFileError) -> POSIXFile {
    let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard descriptor >= 0 else { throw Self.error(path, "cannot open directory") }
    return POSIXFile(descriptor: descriptor, path: path)
  }

  deinit {
    close(self.descriptor)
  }

  /// The file's size in bytes.
  func size() throws(SnapshotFileError) -> Int {
    var info = stat()
    guard fstat(self.descriptor, &info) == 0 else { throw Self.error(self.path, "cannot stat") }
    return Int(info.st_size)
  }

  /// Reads `buffer.count` bytes at `offset`; returns the number read, which is smaller only at
  /// the end of the file.
  func read(
    into buffer: UnsafeMutableRawBufferPointer,
    at offset: Int
  ) throws(SnapshotFileError)
    -> Int
  {
    try Self.read(self.descriptor, into: buffer, at: offset, path: self.path)
  }

  /// Reads `buffer.count` bytes at `offset` of the open file `descriptor` (usable from worker
  /// threads, which cannot share the non-copyable wrapper).
  static func read(
    _ descriptor: Int32,
    into buffer: UnsafeMutableRawBufferPointer,
    at offset: Int,
    path: String
  ) throws(SnapshotFileError) -> Int {
    var done = 0
    while done < buffer.count {
      guard let base = buffer.baseAddress else { break }
      let chunk = min(buffer.count - done, Self.maximumTransfer)
      let result = pread(descriptor, base + done, chunk, off_t(offset + done))
      if result < 0 {
        if errno == EINTR { continue }
        throw Self.error(path, "cannot read \(chunk) bytes at offset \(offset + done)")
      }
      if result == 0 { break }
      done += result
    }
    return done
  }

  /// Writes all of `bytes`.
  func writeAll(_ bytes: UnsafeRawBufferPointer) throws(SnapshotFileError) {
    var done = 0
    while done < bytes.count {
      guard let base = bytes.baseAddress else { break }
      let chunk = min(bytes.count - done, Self.maximumTransfer)
      let result = write(self.descriptor, base + done, chunk)
      if result < 0 {
        if errno == EINTR { continue }
        throw Self.error(self.path, "cannot write")
      }
      done += result
    }
  }

  /// Writes all bytes of `array`.
  func writeAll(_ array: SectionArray) throws(SnapshotFileError) {
    var failure: SnapshotFileError?
    array.withUnsafeBytes { bytes in
      do throws(SnapshotFileError) { try self.writeAll(bytes) } catch { failure = error }
    }
    if let failure { throw failure }
  }

  /// Reads up to `count` bytes at `offset`; the result is shorter only at the end of the file.
  func readBytes(_ count: Int, at offset: Int) throws(SnapshotFileError) -> [UInt8] {
    var failure: SnapshotFileError?
    var bytes = [UInt8](repeating: 0, count: count)
    let read = bytes.withUnsafeMutableBytes { buffer in
      do throws(SnapshotFileError) {
        return try self.read(into: buffer, at: offset)
      } catch {
        failure = error
        return 0
      }
    }
    if let failure { throw failure }
    bytes.removeLast(count - read)
    return bytes
  }

  /// Flushes the file's data and metadata to stable storage.
  func sync() throws(SnapshotFileError) {
    guard fsync(self.descriptor) == 0 else { throw Self.error(self.path, "cannot fsync") }
  }

  /// An I/O error naming `path`, the operation and `errno`'s text.
  static func error(_ path: String, _ operation: String) -> SnapshotFileError {
    let code = errno
    let text = String(cString: strerror(code))
    return SnapshotFileError(path: path, kind: .io, reason: "\(operation): \(text) (errno \(code))")
  }
}
