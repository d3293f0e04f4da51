/// Calls a server's unary methods in-process, without HTTP/2: the same handlers, the same
/// response buffer handling, no sockets. For benchmarks, tools and tests that want to measure or
/// check the handlers alone.
public final class GRPCInProcessCaller {
  private let handlers: [GRPCMethodHandler]
  private let paths: [String]
  private var response = RawBytes()

  /// A caller for `methods`.
  public init(methods: [GRPCMethod]) {
    self.handlers = methods.map(\.handler)
    self.paths = methods.map(\.path)
  }

  deinit {
    self.response.deallocate()
  }

  /// The index of the method at `path`, or nil.
  public func methodIndex(path: String) -> Int? {
    self.paths.firstIndex(of: path)
  }

  /// Calls the synchronous unary method `index` with a serialized request and passes the status
  /// and the serialized response (valid only inside `body`) to `body`.
  public func callUnary<R>(
    method index: Int,
    request: UnsafeRawBufferPointer,
    _ body: (GRPCStatus, UnsafeRawBufferPointer) -> R
  ) -> R {
    guard case .unary(let handler) = self.handlers[index] else {
      return body(GRPCStatus(code: .unimplemented, message: "not a synchronous unary method"), UnsafeRawBufferPointer(start: nil, count: 0))
    }
    self.response.truncate(to: 0)
    return withUnsafeMutablePointer(to: &self.response) { buffer in
      var writer = GRPCResponseWriter(buffer: buffer)
      let status = handler(request, &writer)
      return body(status, buffer.pointee.bytes)
    }
  }

  /// Calls a unary method (synchronous or asynchronous) by path with a serialized request.
  public func callUnary(path: String, request: [UInt8]) async -> Result<[UInt8], GRPCStatus> {
    guard let index = self.methodIndex(path: path) else {
      return .failure(GRPCStatus(code: .unimplemented, message: "unknown method \(path)"))
    }
    switch self.handlers[index] {
    case .unary:
      return request.withUnsafeBytes { bytes in
        self.callUnary(method: index, request: bytes) { status, response in
          status.isOK ? .success([UInt8](response)) : .failure(status)
        }
      }
    case .asyncUnary(let handler):
      return await handler(request)
    case .streaming:
      return .failure(GRPCStatus(code: .unimplemented, message: "\(path) is a streaming method"))
    }
  }
}
