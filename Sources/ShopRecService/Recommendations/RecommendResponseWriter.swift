import GRPCNGHTTP2
import ShopRecCore

/// Writes a `shoprec.v1.RecommendResponse` in protobuf binary format straight from the
/// snapshot's columns and the query's scratch results into the transport's response buffer.
///
/// The bytes are identical to what swift-protobuf's `serializedBytes()` produces for the message
/// ``RecommendResponseEncoding`` builds (fields in number order, proto3 defaults omitted; a test
/// checks it), but no message, string or array is created: each item's fixed fields are copied
/// from its pre-encoded record (``RecommendedItemRecords``), the score, reason and prices are
/// written between them. This is the hot path of every Recommendations call.
struct RecommendResponseWriter {
  let snapshot: Snapshot
  let records: RecommendedItemRecords
  let scratch: RecommendationScratch
  let now: Int64

  // Field tags: (number << 3) | wire type.
  static let itemsTag: UInt8 = 0x0A  // 1, length-delimited
  static let versionTag: UInt8 = 0x12  // 2, length-delimited
  static let productIDTag: UInt8 = 0x0A  // item 1, length-delimited
  static let scoreTag: UInt8 = 0x11  // item 2, 64-bit
  static let reasonTag: UInt8 = 0x18  // item 3, varint
  static let priceTag: UInt8 = 0x21  // item 4, 64-bit
  static let salePriceTag: UInt8 = 0x29  // item 5, 64-bit
  static let titleTag: UInt8 = 0x32  // item 6, length-delimited
  static let currencyTag: UInt8 = 0x3A  // item 7, length-delimited
  static let inStockTag: UInt8 = 0x40  // item 8, varint
  static let categoryIDTag: UInt8 = 0x4A  // item 9, length-delimited

  /// Writes the whole response into the transport's response buffer.
  func write(to writer: inout GRPCResponseWriter) {
    self.records.prefetch(self.scratch.products[0 ..< self.scratch.count])
    let size = self.serializedSize
    writer.withUnsafeSpace(capacity: size) { self.encode(into: $0) }
  }

  /// The response as bytes (for tests and tools).
  func serializedBytes() -> [UInt8] {
    let size = self.serializedSize
    return [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
      count = self.encode(into: UnsafeMutableRawBufferPointer(buffer))
    }
  }

  /// The encoded size in bytes.
  var serializedSize: Int {
    var total = 0
    for position in 0 ..< self.scratch.count {
      let size = self.itemSize(position, self.records.record(Int(self.scratch.products[position])))
      total += 1 + Self.varintSize(UInt64(size)) + size
    }
    let versionLength = self.snapshot.version.utf8.count
    if versionLength > 0 {
      total += 1 + Self.varintSize(UInt64(versionLength)) + versionLength
    }
    return total
  }

  /// Encodes into `space` (at least ``serializedSize`` bytes); returns the bytes written.
  func encode(into space: UnsafeMutableRawBufferPointer) -> Int {
    var cursor = ProtobufCursor(space.baseAddress!.assumingMemoryBound(to: UInt8.self))
    for position in 0 ..< self.scratch.count {
      let record = self.records.record(Int(self.scratch.products[position]))
      cursor.byte(Self.itemsTag)
      cursor.varint(UInt64(self.itemSize(position, record)))
      self.writeItem(position, record, &cursor)
    }
    var version = self.snapshot.version
    version.withUTF8 { versionBytes in
      if versionBytes.count > 0 {
        cursor.byte(Self.versionTag)
        cursor.bytes(versionBytes)
      }
    }
    return cursor.written(since: space.baseAddress!)
  }

  @inline(__always)
  private func itemSize(_ position: Int, _ record: RecommendedItemRecords.Record) -> Int {
    var size = record.headLength + record.tailLength
    if self.scratch.scores[position] != 0 { size += 9 }
    let reason = UInt64(self.scratch.reasons[position].rawValue)
    if reason != 0 { size += 1 + Self.varintSize(reason) }
    if record.price != 0 { size += 9 }
    if record.salePrice(at: self.now) != 0 { size += 9 }
    return size
  }

  @inline(__always)
  private func writeItem(
    _ position: Int,
    _ record: RecommendedItemRecords.Record,
    _ cursor: inout ProtobufCursor
  ) {
    cursor.raw(record.head, count: record.headLength)
    let score = Double(self.scratch.scores[position])
    if score != 0 { cursor.double(Self.scoreTag, score) }
    let reason = UInt64(self.scratch.reasons[position].rawValue)
    if reason != 0 {
      cursor.byte(Self.reasonTag)
      cursor.varint(reason)
    }
    let price = record.price
    if price != 0 { cursor.double(Self.priceTag, price) }
    let salePrice = record.salePrice(at: self.now)
    if salePrice != 0 { cursor.double(Self.salePriceTag, salePrice) }
    cursor.raw(record.tail, count: record.tailLength)
  }

  /// Size of a length-delimited field with a one-byte tag; 0 for an empty (omitted) string.
  @inline(__always)
  static func stringFieldSize(_ length: Int) -> Int {
    length == 0 ? 0 : 1 + varintSize(UInt64(length)) + length
  }

  @inline(__always)
  static func varintSize(_ value: UInt64) -> Int {
    var size = 1
    var rest = value >> 7
    while rest != 0 {
      size += 1
      rest >>= 7
    }
    return size
  }
}

/// Appends protobuf wire-format pieces at a raw pointer (space reserved beforehand).
struct ProtobufCursor {
  private var pointer: UnsafeMutablePointer<UInt8>

  init(_ pointer: UnsafeMutablePointer<UInt8>) { self.pointer = pointer }

  @inline(__always)
  mutating func byte(_ value: UInt8) {
    self.pointer.pointee = value
    self.pointer += 1
  }

  @inline(__always)
  mutating func varint(_ value: UInt64) {
    var rest = value
    while rest >= 0x80 {
      self.byte(UInt8(truncatingIfNeeded: rest) | 0x80)
      rest >>= 7
    }
    self.byte(UInt8(rest))
  }

  @inline(__always)
  mutating func double(_ tag: UInt8, _ value: Double) {
    self.byte(tag)
    var bits = value.bitPattern.littleEndian
    withUnsafeBytes(of: &bits) { bytes in
      self.pointer.update(from: bytes.baseAddress!.assumingMemoryBound(to: UInt8.self), count: 8)
    }
    self.pointer += 8
  }

  /// A length-prefixed byte string (without tag).
  @inline(__always)
  mutating func bytes(_ bytes: UnsafeBufferPointer<UInt8>) {
    self.varint(UInt64(bytes.count))
    if let base = bytes.baseAddress {
      self.pointer.update(from: base, count: bytes.count)
      self.pointer += bytes.count
    }
  }

  /// `count` bytes already in wire format.
  @inline(__always)
  mutating func raw(_ bytes: UnsafeRawPointer, count: Int) {
    UnsafeMutableRawPointer(self.pointer).copyMemory(from: bytes, byteCount: count)
    self.pointer += count
  }

  /// A string field; omitted when empty (proto3 default).
  @inline(__always)
  mutating func string(_ tag: UInt8, _ bytes: UnsafeBufferPointer<UInt8>) {
    guard bytes.count > 0 else { return }
    self.byte(tag)
    self.bytes(bytes)
  }

  func written(since start: UnsafeMutableRawPointer) -> Int {
    UnsafeMutableRawPointer(self.pointer) - start
  }
}
