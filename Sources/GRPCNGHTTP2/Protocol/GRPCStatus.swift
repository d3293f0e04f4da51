/// The outcome of an RPC: a status code and an optional message for the `grpc-message` trailer.
public struct GRPCStatus: Sendable, Hashable, CustomStringConvertible, Error {
  /// The code.
  public var code: GRPCStatusCode
  /// A human-readable message (empty for OK).
  public var message: String

  /// Creates a status.
  public init(code: GRPCStatusCode, message: String = "") {
    self.code = code
    self.message = message
  }

  /// Success.
  public static let ok = GRPCStatus(code: .ok)

  /// Whether the code is OK.
  @inlinable public var isOK: Bool { self.code == .ok }

  public var description: String {
    self.message.isEmpty ? "\(self.code)" : "\(self.code): \(self.message)"
  }
}

/// An error that knows which gRPC status it maps to. Handlers throw such errors; the transport
/// turns them into trailers. (The counterpart of grpc-swift-2's `RPCErrorConvertible`.)
public protocol GRPCStatusConvertible: Error {
  /// The status to send for this error.
  var grpcStatus: GRPCStatus { get }
}

extension GRPCStatus: GRPCStatusConvertible {
  public var grpcStatus: GRPCStatus { self }
}
