/// Where a streaming call writes response messages and its final status.
public struct GRPCStreamOutput: ~Copyable {
  private let slot: UnsafeMutablePointer<StreamSlot>
  private let highWaterMark: Int

  init(slot: UnsafeMutablePointer<StreamSlot>, highWaterMark: Int) {
    self.slot = slot
    self.highWaterMark = highWaterMark
  }

  /// Appends one serialized response message.
  public mutating func send(_ message: UnsafeRawBufferPointer) {
    guard !self.isFinished else { return }
    self.slot.pointee.appendResponseMessage(message)
  }

  /// Appends one serialized response message.
  public mutating func send(_ message: [UInt8]) {
    message.withUnsafeBytes { self.send($0) }
  }

  /// Ends the call with `status` once the queued messages are sent.
  public mutating func finish(_ status: GRPCStatus) {
    guard !self.isFinished else { return }
    self.slot.pointee.setFinalStatus(status)
  }

  /// Whether `finish` was called.
  public var isFinished: Bool { self.slot.pointee.finalStatus >= 0 }

  /// Bytes queued and not yet taken by HTTP/2.
  public var pendingBytes: Int { self.slot.pointee.pendingResponseBytes }

  /// Whether the call should stop producing until `resume` is called.
  public var isFull: Bool { self.pendingBytes >= self.highWaterMark }
}
