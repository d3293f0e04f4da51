public import GRPCNGHTTP2

/// An error a shoprec RPC answers with; maps to a gRPC status.
public struct ServiceError: Error, Sendable, Hashable, GRPCStatusConvertible {
  /// The gRPC status sent to the client.
  public let grpcStatus: GRPCStatus

  /// An error with `code` and `message`.
  public init(_ code: GRPCStatusCode, _ message: String) {
    self.grpcStatus = GRPCStatus(code: code, message: message)
  }

  /// A bad argument (INVALID_ARGUMENT).
  public static func invalidArgument(_ message: String) -> ServiceError {
    ServiceError(.invalidArgument, message)
  }

  /// An unknown id (NOT_FOUND).
  public static func notFound(_ message: String) -> ServiceError {
    ServiceError(.notFound, message)
  }

  /// Nothing to serve yet (UNAVAILABLE).
  public static func unavailable(_ message: String) -> ServiceError {
    ServiceError(.unavailable, message)
  }

  /// The request cannot be carried out in the current state (FAILED_PRECONDITION).
  public static func failedPrecondition(_ message: String) -> ServiceError {
    ServiceError(.failedPrecondition, message)
  }
}
