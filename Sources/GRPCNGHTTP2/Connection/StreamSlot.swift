/// The state of one HTTP/2 stream (one RPC), kept in plain memory.
///
/// Slots live in a per-connection array that nghttp2's callbacks index through the stream's
/// user data (slot index + 1), and are reused with their buffers once the stream closes, so a
/// request allocates nothing in steady state.
struct StreamSlot {
  /// Lifecycle of a slot.
  enum Phase: UInt8 {
    /// In the free list.
    case free
    /// Receiving headers and data.
    case receiving
    /// Handed to an asynchronous handler.
    case awaitingHandler
    /// A response is submitted (unary) or the streaming call runs.
    case responding
    /// nghttp2 closed the stream; waiting for the connection to recycle the slot.
    case closed
  }

  /// Facts learnt from the request, as bits.
  struct Flags: OptionSet {
    var rawValue: UInt16
    static let methodNotPOST = Flags(rawValue: 1 << 0)
    static let badContentType = Flags(rawValue: 1 << 1)
    static let gzipEncoding = Flags(rawValue: 1 << 2)
    static let unsupportedEncoding = Flags(rawValue: 1 << 3)
    static let messageTooLarge = Flags(rawValue: 1 << 4)
    static let endStreamReceived = Flags(rawValue: 1 << 5)
    static let headersComplete = Flags(rawValue: 1 << 6)
    static let inDirtyList = Flags(rawValue: 1 << 7)
    static let outputDrained = Flags(rawValue: 1 << 8)
    static let dataDeferred = Flags(rawValue: 1 << 9)
    static let trailersSubmitted = Flags(rawValue: 1 << 10)
    static let callStarted = Flags(rawValue: 1 << 11)
    static let endDelivered = Flags(rawValue: 1 << 12)
    static let contentTypeSeen = Flags(rawValue: 1 << 13)
    static let malformedTimeout = Flags(rawValue: 1 << 14)
    /// A request message was delivered to the streaming call.
    static let requestDelivered = Flags(rawValue: 1 << 15)
  }

  var phase: Phase = .free
  var flags: Flags = []
  var streamID: Int32 = 0
  /// Bumped on every reuse, so late asynchronous completions can tell the slot moved on.
  var generation: UInt32 = 0
  /// Index into the method table, or -1 when the path is unknown.
  var methodIndex: Int32 = -1
  /// Deadline in uptime nanoseconds, 0 when none.
  var deadline: UInt64 = 0
  /// Request bytes received (gRPC-framed); bytes before `requestOffset` were delivered.
  var request = RawBytes()
  /// How much of `request` streaming calls already received.
  var requestOffset: Int = 0
  /// Response bytes queued for nghttp2 (gRPC-framed messages).
  var response = RawBytes()
  /// How much of `response` nghttp2 already took.
  var responseSent: Int = 0
  /// Final status code once known, -1 before.
  var finalStatus: Int16 = -1
  /// Percent-encoded `grpc-message` for the final status.
  var finalMessage = RawBytes()
  /// The request's cache hint word, carried from pass to pass (see `GRPCRequestPrefetch`).
  var prefetchContext: UInt64 = 0
  /// Next free slot when in the free list, -1 at the end.
  var nextFree: Int32 = -1

  /// Prepares a free slot for a new stream.
  mutating func begin(streamID: Int32) {
    self.phase = .receiving
    self.flags = []
    self.streamID = streamID
    self.generation &+= 1
    self.methodIndex = -1
    self.deadline = 0
    self.request.reset()
    self.requestOffset = 0
    self.response.reset()
    self.responseSent = 0
    self.finalStatus = -1
    self.finalMessage.reset()
  }

  /// Bytes queued and not yet taken by nghttp2.
  var pendingResponseBytes: Int { self.response.count - self.responseSent }

  /// Appends a gRPC-framed message (uncompressed) to the response.
  mutating func appendResponseMessage(_ message: UnsafeRawBufferPointer) {
    self.compactResponse()
    let header = self.response.extend(by: 5)
    GRPCFraming.writePrefix(to: header, length: message.count, compressed: false)
    if let base = message.baseAddress { self.response.append(base, message.count) }
  }

  /// Drops the part of the response nghttp2 already took, when that is most of the buffer.
  mutating func compactResponse() {
    if self.responseSent > 0 && self.responseSent >= self.response.count / 2 {
      self.response.removeFirst(self.responseSent)
      self.responseSent = 0
    }
  }

  /// Records the final status and its message.
  mutating func setFinalStatus(_ status: GRPCStatus) {
    self.finalStatus = Int16(clamping: status.code.rawValue)
    self.finalMessage.reset()
    if !status.message.isEmpty {
      let encoded = PercentEncoding.encode(status.message)
      encoded.withUnsafeBytes { self.finalMessage.append($0.baseAddress!, $0.count) }
    }
  }

  /// Frees the buffers (when the connection goes away).
  mutating func deallocate() {
    self.request.deallocate()
    self.response.deallocate()
    self.finalMessage.deallocate()
  }
}
