/// The shape of an RPC: how many messages each side sends.
public enum GRPCMethodKind: UInt8, Sendable {
  /// One request, one response.
  case unary = 0
  /// One request, a stream of responses.
  case serverStreaming = 1
  /// A stream of requests, one response.
  case clientStreaming = 2
  /// Streams both ways.
  case bidirectionalStreaming = 3
}

/// A synchronous unary handler, run on the connection's event loop: it must be fast and must not
/// block. It reads the serialized request and appends the serialized response to `response`.
public typealias GRPCUnaryHandler =
  @Sendable (_ request: UnsafeRawBufferPointer, _ response: inout GRPCResponseWriter) -> GRPCStatus

/// A cache hint for a unary method: called with each complete request message of a read before
/// the first of them is handled, so that the memory their handlers are about to read can be
/// asked for at once and the cache misses of several requests overlap instead of queueing up.
///
/// The transport makes ``GRPCMethod/prefetchPasses`` passes over the read's requests, `pass`
/// 0, 1, ...: a pass can read what the previous one asked for (by then it has arrived for most
/// requests) and ask for what comes next, so a chain of dependent misses (an index slot, the
/// row it names, the entries of the row) is walked for all requests together. `context` is one
/// word kept per request from pass to pass, zero at the start.
///
/// It must have no effect other than on the cache (it may see a request that is then rejected).
public typealias GRPCRequestPrefetch =
  @Sendable (_ request: UnsafeRawBufferPointer, _ pass: Int, _ context: inout UInt64) -> Void

/// An asynchronous unary handler, run off the event loop (for slow work such as loading a file).
public typealias GRPCAsyncUnaryHandler =
  @Sendable (_ request: [UInt8]) async -> Result<[UInt8], GRPCStatus>

/// Creates the server side of one streaming call.
public typealias GRPCStreamingCallFactory = @Sendable (GRPCStreamContext) -> any GRPCStreamingCall

/// How a method is served.
public enum GRPCMethodHandler: Sendable {
  /// Synchronous unary, on the event loop (the fast path).
  case unary(GRPCUnaryHandler)
  /// Asynchronous unary, off the event loop.
  case asyncUnary(GRPCAsyncUnaryHandler)
  /// Any streaming shape, driven by a call object on the event loop.
  case streaming(GRPCMethodKind, GRPCStreamingCallFactory)

  /// The RPC shape.
  public var kind: GRPCMethodKind {
    switch self {
    case .unary, .asyncUnary: .unary
    case .streaming(let kind, _): kind
    }
  }
}

/// One method the server serves: its HTTP/2 path and its handler.
public struct GRPCMethod: Sendable {
  /// `/package.Service/Method`.
  public var path: String
  /// The handler.
  public var handler: GRPCMethodHandler
  /// The cache hint of a synchronous unary method, if it has one.
  public var prefetch: GRPCRequestPrefetch?
  /// How many passes ``prefetch`` wants (see ``GRPCRequestPrefetch``).
  public var prefetchPasses: Int

  /// Creates a method.
  public init(
    path: String,
    handler: GRPCMethodHandler,
    prefetch: GRPCRequestPrefetch? = nil,
    prefetchPasses: Int = 1
  ) {
    precondition(prefetchPasses >= 1, "a cache hint makes at least one pass")
    self.path = path
    self.handler = handler
    self.prefetch = prefetch
    self.prefetchPasses = prefetchPasses
  }

  /// Creates a method from its service and method names.
  public init(
    service: String,
    method: String,
    handler: GRPCMethodHandler,
    prefetch: GRPCRequestPrefetch? = nil,
    prefetchPasses: Int = 1
  ) {
    self.init(
      path: "/\(service)/\(method)",
      handler: handler,
      prefetch: prefetch,
      prefetchPasses: prefetchPasses
    )
  }

  /// The fully-qualified service name (the first path segment).
  public var serviceName: String {
    let trimmed = self.path.dropFirst()
    return String(trimmed.prefix { $0 != "/" })
  }
}
