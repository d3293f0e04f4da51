/// An immutable array of plain values whose elements live either in a Swift array or in a
/// read-only mapping of a snapshot file: the storage of every snapshot column.
///
/// A snapshot loaded from a file points straight into the file's pages (``FileMapping``): no
/// copy, no freshly zeroed memory, so a large snapshot loads in the time it takes to check it,
/// and replicas on one machine share the page cache. A snapshot built in memory keeps its
/// arrays. Either way the elements never change and the storage lives as long as any copy of
/// the value (the array or the mapping is retained).
///
/// It reads like an `Array`: a random-access collection with bounds-checked subscripts, plus
/// ``withUnsafeBufferPointer(_:)`` for the hot loops.
@frozen
public struct FrozenArray<Element: BitwiseCopyable>: @unchecked Sendable {
  /// The first element (nil only when empty).
  @usableFromInline let start: UnsafePointer<Element>?
  /// The number of elements.
  public let count: Int
  /// The owned storage, when the elements live in a Swift array (empty otherwise).
  @usableFromInline let array: [Element]
  /// The mapping the elements live in, when they come from a file.
  @usableFromInline let mapping: FileMapping?

  /// The elements of `array`, without copying them.
  @inlinable
  public init(_ array: [Element]) {
    self.array = array
    self.count = array.count
    // The array is immutable here and retained by the value: its storage never moves.
    self.start = array.withUnsafeBufferPointer { $0.baseAddress }
    self.mapping = nil
  }

  /// `count` elements at `byteOffset` in `mapping` (aligned for `Element`; the caller checks
  /// the bounds).
  public init(mapping: FileMapping, byteOffset: Int, count: Int) {
    precondition(byteOffset >= 0 && count >= 0, "negative range")
    precondition(
      byteOffset + count * MemoryLayout<Element>.stride <= mapping.byteCount,
      "range outside the mapping"
    )
    let address = mapping.base + byteOffset
    precondition(
      Int(bitPattern: address) % MemoryLayout<Element>.alignment == 0,
      "misaligned section"
    )
    self.array = []
    self.count = count
    self.start = count == 0 ? nil : address.assumingMemoryBound(to: Element.self)
    self.mapping = mapping
  }

  /// `count` copies of `value`.
  @inlinable
  public init(repeating value: Element, count: Int) {
    self.init([Element](repeating: value, count: count))
  }

  /// An empty array.
  @inlinable
  public init() {
    self.init([Element]())
  }

  /// Whether the elements come from a mapped file.
  public var isMapped: Bool { self.mapping != nil }

  /// Calls `body` with the elements' memory (valid only during the call).
  @inlinable
  public func withUnsafeBufferPointer<Result, Failure: Error>(
    _ body: (UnsafeBufferPointer<Element>) throws(Failure) -> Result
  ) throws(Failure) -> Result {
    try body(UnsafeBufferPointer(start: self.start, count: self.count))
  }

  /// Calls `body` with the elements' bytes (valid only during the call).
  @inlinable
  public func withUnsafeBytes<Result, Failure: Error>(
    _ body: (UnsafeRawBufferPointer) throws(Failure) -> Result
  ) throws(Failure) -> Result {
    try body(UnsafeRawBufferPointer(UnsafeBufferPointer(start: self.start, count: self.count)))
  }

  /// The elements as a Swift array (copies when they are mapped).
  @inlinable
  public var elements: [Element] {
    self.mapping == nil ? self.array : [Element](self)
  }
}

extension FrozenArray: RandomAccessCollection {
  public typealias Index = Int
  public typealias Indices = Range<Int>

  @inlinable public var startIndex: Int { 0 }
  @inlinable public var endIndex: Int { self.count }
  @inlinable public var indices: Range<Int> { 0 ..< self.count }
  @inlinable public var isEmpty: Bool { self.count == 0 }

  @inlinable @inline(__always)
  public subscript(position: Int) -> Element {
    precondition(position >= 0 && position < self.count, "index out of range")
    return self.start.unsafelyUnwrapped[position]
  }

  @inlinable @inline(__always)
  public func index(after i: Int) -> Int { i + 1 }
  @inlinable @inline(__always)
  public func index(before i: Int) -> Int { i - 1 }

  @inlinable
  public func withContiguousStorageIfAvailable<Result>(
    _ body: (UnsafeBufferPointer<Element>) throws -> Result
  ) rethrows -> Result? {
    try body(UnsafeBufferPointer(start: self.start, count: self.count))
  }
}

extension FrozenArray: Equatable where Element: Equatable {
  @inlinable
  public static func == (lhs: Self, rhs: Self) -> Bool {
    lhs.count == rhs.count && (lhs.start == rhs.start || lhs.elementsEqual(rhs))
  }
}

extension FrozenArray: ExpressibleByArrayLiteral {
  @inlinable
  public init(arrayLiteral elements: Element...) {
    self.init(elements)
  }
}

extension FrozenArray: CustomStringConvertible, CustomDebugStringConvertible {
  public var description: String { Array(self).description }
  public var debugDescription: String { Array(self).debugDescription }
}

extension Slice {
  /// Calls `body` with the slice's elements' memory (valid only during the call).
  @inlinable
  public func withUnsafeBufferPointer<Element, Result>(
    _ body: (UnsafeBufferPointer<Element>) throws -> Result
  ) rethrows -> Result where Base == FrozenArray<Element> {
    try self.base.withUnsafeBufferPointer { buffer in
      try body(UnsafeBufferPointer(rebasing: buffer[self.startIndex ..< self.endIndex]))
    }
  }
}
