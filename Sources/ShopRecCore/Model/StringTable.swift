/// An immutable list of strings stored as one UTF-8 byte blob plus offsets.
///
/// Product ids, titles, category names and the like live here instead of in `[String]`, so a
/// snapshot holds a handful of large arrays rather than millions of small heap objects, and so
/// the binary snapshot format can load them with a copy.
public struct StringTable: Sendable, Equatable {
  /// The UTF-8 bytes of every string, back to back.
  public let bytes: FrozenArray<UInt8>
  /// `offsets[i] ..< offsets[i + 1]` is the byte range of string `i`; `count + 1` entries.
  public let offsets: FrozenArray<UInt32>

  /// Creates a table from its columns (as loaded from a snapshot file).
  public init(bytes: FrozenArray<UInt8>, offsets: FrozenArray<UInt32>) {
    precondition(!offsets.isEmpty, "a string table has at least one offset")
    self.bytes = bytes
    self.offsets = offsets
  }

  /// Creates a table from raw arrays.
  public init(bytes: [UInt8], offsets: [UInt32]) {
    self.init(bytes: FrozenArray(bytes), offsets: FrozenArray(offsets))
  }

  /// Creates a table holding `strings` in order.
  public init<S: Sequence>(_ strings: S) where S.Element == String {
    var builder = StringTableBuilder()
    for string in strings { builder.append(string) }
    self = builder.build()
  }

  /// An empty table.
  public static let empty = StringTable(bytes: [], offsets: [0])

  /// The number of strings.
  @inlinable
  public var count: Int { self.offsets.count - 1 }

  /// The string at `index`, decoded (allocates; use on the response edge only).
  @inlinable
  public subscript(index: Int) -> String {
    let start = Int(self.offsets[index])
    let end = Int(self.offsets[index + 1])
    return self.bytes.withUnsafeBufferPointer { buffer in
      String(decoding: UnsafeBufferPointer(rebasing: buffer[start ..< end]), as: UTF8.self)
    }
  }

  /// The byte length of the string at `index`.
  @inlinable
  public func byteCount(at index: Int) -> Int {
    Int(self.offsets[index + 1] &- self.offsets[index])
  }

  /// Calls `body` with the UTF-8 bytes of the string at `index`, without allocating.
  @inlinable
  public func withUTF8<R>(
    at index: Int,
    _ body: (UnsafeBufferPointer<UInt8>) throws -> R
  ) rethrows
    -> R
  {
    let start = Int(self.offsets[index])
    let end = Int(self.offsets[index + 1])
    return try self.bytes.withUnsafeBufferPointer { buffer in
      try body(UnsafeBufferPointer(rebasing: buffer[start ..< end]))
    }
  }

  /// All strings, decoded (allocates; for tools and tests).
  public var strings: [String] { (0 ..< self.count).map { self[$0] } }
}

/// Appends strings to build a ``StringTable``.
public struct StringTableBuilder: Sendable {
  private var bytes: [UInt8] = []
  private var offsets: [UInt32] = [0]

  /// Creates an empty builder.
  public init() {}

  /// The number of strings appended so far.
  public var count: Int { self.offsets.count - 1 }

  /// Appends `string` and returns its index.
  @discardableResult
  public mutating func append(_ string: String) -> Int {
    var string = string
    string.withUTF8 { self.bytes.append(contentsOf: $0) }
    precondition(self.bytes.count <= Int(UInt32.max), "string table exceeds 4 GiB")
    self.offsets.append(UInt32(self.bytes.count))
    return self.offsets.count - 2
  }

  /// Appends raw UTF-8 bytes and returns the index.
  @discardableResult
  public mutating func append(utf8: UnsafeBufferPointer<UInt8>) -> Int {
    self.bytes.append(contentsOf: utf8)
    precondition(self.bytes.count <= Int(UInt32.max), "string table exceeds 4 GiB")
    self.offsets.append(UInt32(self.bytes.count))
    return self.offsets.count - 2
  }

  /// Finishes the table.
  public func build() -> StringTable {
    StringTable(bytes: self.bytes, offsets: self.offsets)
  }
}
