#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A growable byte buffer in malloc'd memory.
///
/// Plain data (a pointer and two integers): nghttp2's C callbacks append to it and read from it
/// without touching any Swift object, so there is no reference counting or exclusivity checking
/// on the per-frame path. Its owner frees it explicitly; capacity is kept across requests so a
/// steady stream of requests allocates nothing.
struct RawBytes {
  private(set) var base: UnsafeMutablePointer<UInt8>?
  private(set) var count: Int = 0
  private(set) var capacity: Int = 0

  init() {}

  /// Makes room for at least `total` bytes.
  mutating func reserve(_ total: Int) {
    guard total > self.capacity else { return }
    var newCapacity = max(self.capacity * 2, 256)
    while newCapacity < total { newCapacity *= 2 }
    let grown = realloc(self.base, newCapacity)!.assumingMemoryBound(to: UInt8.self)
    self.base = grown
    self.capacity = newCapacity
  }

  /// Appends `length` bytes from `bytes`.
  mutating func append(_ bytes: UnsafeRawPointer, _ length: Int) {
    guard length > 0 else { return }
    self.reserve(self.count + length)
    memcpy(self.base! + self.count, bytes, length)
    self.count += length
  }

  /// Appends one byte.
  mutating func append(byte: UInt8) {
    self.reserve(self.count + 1)
    self.base![self.count] = byte
    self.count += 1
  }

  /// Grows the count by `length` uninitialised bytes and returns where they start.
  mutating func extend(by length: Int) -> UnsafeMutablePointer<UInt8> {
    self.reserve(self.count + length)
    let start = self.base! + self.count
    self.count += length
    return start
  }

  /// Keeps only the first `length` bytes.
  mutating func truncate(to length: Int) {
    precondition(length >= 0 && length <= self.count)
    self.count = length
  }

  /// Removes the first `length` bytes, moving the rest to the front.
  mutating func removeFirst(_ length: Int) {
    guard length > 0 else { return }
    let remaining = self.count - length
    if remaining > 0 { memmove(self.base!, self.base! + length, remaining) }
    self.count = remaining
  }

  /// Forgets the content; keeps the memory unless it grew beyond `keepLimit` bytes.
  mutating func reset(keepLimit: Int = 1 << 16) {
    self.count = 0
    if self.capacity > keepLimit { self.deallocate() }
  }

  /// Frees the memory.
  mutating func deallocate() {
    free(self.base)
    self.base = nil
    self.count = 0
    self.capacity = 0
  }

  /// The content as a raw buffer (valid until the next mutation).
  var bytes: UnsafeRawBufferPointer {
    UnsafeRawBufferPointer(start: self.base, count: self.count)
  }
}
