/// Where a unary handler writes its serialized response message.
///
/// It appends to the stream's reusable response buffer after the 5-byte gRPC message prefix that
/// the transport fills in, so the bytes are copied once, into memory nghttp2 reads from directly.
public struct GRPCResponseWriter: ~Copyable {
  private let buffer: UnsafeMutablePointer<RawBytes>

  init(buffer: UnsafeMutablePointer<RawBytes>) {
    self.buffer = buffer
  }

  /// Appends serialized message bytes.
  public mutating func write(_ bytes: UnsafeRawBufferPointer) {
    guard let base = bytes.baseAddress else { return }
    self.buffer.pointee.append(base, bytes.count)
  }

  /// Appends serialized message bytes.
  public mutating func write(_ bytes: [UInt8]) {
    bytes.withUnsafeBytes { self.write($0) }
  }

  /// Lets `body` write up to `capacity` bytes in place; it returns how many it wrote.
  public mutating func withUnsafeSpace(
    capacity: Int,
    _ body: (UnsafeMutableRawBufferPointer) -> Int
  ) {
    let start = self.buffer.pointee.extend(by: capacity)
    let written = body(UnsafeMutableRawBufferPointer(start: start, count: capacity))
    precondition(written >= 0 && written <= capacity, "wrote outside the space given")
    self.buffer.pointee.shrink(by: capacity - written)
  }
}

extension RawBytes {
  /// Drops the last `length` bytes.
  mutating func shrink(by length: Int) {
    precondition(length <= self.count)
    self.truncate(to: self.count - length)
  }
}
