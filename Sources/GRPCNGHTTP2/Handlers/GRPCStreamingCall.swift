/// The server side of one streaming RPC, driven on its connection's event loop.
///
/// The transport calls these methods one at a time, on the event loop, never concurrently. It
/// delivers request messages only while the call's queued output stays below the high-water
/// mark, and withholds HTTP/2 flow-control credit meanwhile, so a client that sends faster than
/// responses drain is slowed down instead of filling memory.
public protocol GRPCStreamingCall: AnyObject {
  /// A request message arrived (serialized protobuf, already decompressed).
  func receive(message: UnsafeRawBufferPointer, output: inout GRPCStreamOutput)

  /// The client finished sending.
  func receiveEnd(output: inout GRPCStreamOutput)

  /// The queued output drained below the low-water mark, or the call's waker fired: produce more
  /// output or finish. Calls that produce all their output in `receive`/`receiveEnd` may ignore
  /// it.
  func resume(output: inout GRPCStreamOutput)

  /// The call ended without finishing: the client cancelled, the deadline passed or the
  /// connection closed. No other method is called afterwards.
  func cancel()
}

/// What a streaming call learns when it starts.
public struct GRPCStreamContext: Sendable {
  /// The method path.
  public let path: String
  /// The deadline in `DispatchTime`-style uptime nanoseconds, or nil.
  public let deadlineUptimeNanoseconds: UInt64?
  /// Wakes the call from any thread: `resume` runs soon on the call's event loop.
  public let waker: GRPCStreamWaker
}

/// Wakes a streaming call from any thread (for example when a watched value changes).
public struct GRPCStreamWaker: Sendable {
  let wakeClosure: @Sendable () -> Void

  /// Schedules `resume` on the call's event loop. Harmless after the call ended.
  public func wake() { self.wakeClosure() }
}
