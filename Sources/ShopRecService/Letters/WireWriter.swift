import ShopRecCore

/// Writes protobuf wire primitives into a fixed span, checking every write against its end.
struct WireWriter {
  let start: UnsafeMutablePointer<UInt8>
  let count: Int
  private(set) var position = 0

  init(start: UnsafeMutablePointer<UInt8>, count: Int) {
    self.start = start
    self.count = count
  }

  mutating func byte(_ value: UInt8) {
    precondition(self.position < self.count, "write past the end")
    self.start[self.position] = value
    self.position += 1
  }

  mutating func copy(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
    precondition(self.position + bytes.count <= self.count, "write past the end")
    (self.start + self.position).update(from: base, count: bytes.count)
    self.position += bytes.count
  }

  mutating func varint(_ value: UInt64) {
    var rest = value
    while rest >= 0x80 {
      self.byte(UInt8(truncatingIfNeeded: rest) | 0x80)
      rest >>= 7
    }
    self.byte(UInt8(rest))
  }

  mutating func tag(_ field: UInt64, wireType: UInt64) {
    self.varint(field << 3 | wireType)
  }

  mutating func varintField(_ field: UInt64, _ value: UInt64) {
    guard value != 0 else { return }
    self.tag(field, wireType: 0)
    self.varint(value)
  }

  mutating func doubleField(_ field: UInt64, _ value: Double) {
    guard value != 0 else { return }
    self.tag(field, wireType: 1)
    var bits = value.bitPattern.littleEndian
    withUnsafeBytes(of: &bits) { self.copy($0.assumingMemoryBound(to: UInt8.self)) }
  }

  mutating func stringField(_ field: UInt64, _ text: String) {
    var text = text
    text.withUTF8 { utf8 in
      guard !utf8.isEmpty else { return }
      self.tag(field, wireType: 2)
      self.varint(UInt64(utf8.count))
      self.copy(utf8)
    }
  }

  mutating func stringField(_ field: UInt64, _ table: StringTable, _ index: Int) {
    let length = table.byteCount(at: index)
    guard length > 0 else { return }
    self.tag(field, wireType: 2)
    self.varint(UInt64(length))
    table.withUTF8(at: index) { self.copy($0) }
  }
}
