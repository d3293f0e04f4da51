/// Appends little-endian integers and raw bytes to a growing byte array (header and table).
struct ByteWriter {
  private(set) var bytes: [UInt8]

  init(capacity: Int) {
    self.bytes = []
    self.bytes.reserveCapacity(capacity)
  }

  mutating func append(_ raw: [UInt8]) {
    self.bytes.append(contentsOf: raw)
  }

  mutating func append<Integer: FixedWidthInteger>(_ value: Integer) {
    withUnsafeBytes(of: value.littleEndian) { self.bytes.append(contentsOf: $0) }
  }
}
