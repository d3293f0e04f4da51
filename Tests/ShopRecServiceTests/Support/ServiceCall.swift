import GRPCTestClient
import Foundation
import GRPCNGHTTP2
import SwiftProtobuf

/// The outcome of one gRPC call as the service tests see it: the status from the trailers (or
/// the Trailers-Only headers), the decoded `grpc-message` and the decoded response messages.
struct ServiceCallResult<Response: Message> {
  /// `grpc-status`, or nil when the stream ended without one.
  var status: Int?
  /// `grpc-message`, percent-decoded ("" when absent).
  var message: String
  /// Every response message, decoded.
  var responses: [Response]

  /// The status as a code (nil when missing or unknown).
  var code: GRPCStatusCode? { self.status.flatMap { GRPCStatusCode(rawValue: $0) } }
  /// Whether the call ended OK.
  var isOK: Bool { self.status == 0 }
  /// The single response of a unary call.
  var response: Response? { self.responses.count == 1 ? self.responses[0] : nil }

  init(_ raw: TestHTTP2Client.Response) throws {
    self.status = raw.grpcStatus
    self.message = raw.grpcMessage.map { $0.removingPercentEncoding ?? $0 } ?? ""
    self.responses = try raw.messages.map { try Response(serializedBytes: $0) }
  }
}

/// Full method paths of the services under test.
enum ServicePath {
  static let similar = "/shoprec.v1.Recommendations/Similar"
  static let onSale = "/shoprec.v1.Recommendations/OnSale"
  static let accessories = "/shoprec.v1.Recommendations/Accessories"
  static let replacements = "/shoprec.v1.Recommendations/Replacements"
  static let boughtTogether = "/shoprec.v1.Recommendations/BoughtTogether"
  static let info = "/shoprec.v1.Snapshots/Info"
  static let reload = "/shoprec.v1.Snapshots/Reload"
  static let healthCheck = "/grpc.health.v1.Health/Check"
  static let healthWatch = "/grpc.health.v1.Health/Watch"
  static let reflection = "/grpc.reflection.v1.ServerReflection/ServerReflectionInfo"
  static let reflectionAlpha = "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo"
}

extension TestHTTP2Client {
  /// One unary call with protobuf messages.
  func unary<Request: Message, Response: Message>(
    _ path: String,
    _ request: Request,
    as type: Response.Type = Response.self
  ) async throws -> ServiceCallResult<Response> {
    let id = try self.start(path: path, message: request)
    try await self.run { self.streams[id]!.response.closed }
    defer { self.forget(id) }
    return try ServiceCallResult(self.streams[id]!.response)
  }

  /// Starts a call sending `messages` (one for unary calls); returns its stream id.
  @discardableResult
  func start<Request: Message>(
    path: String,
    message: Request,
    endStream: Bool = true
  ) throws -> Int32 {
    self.start(
      path: path,
      body: GRPCFraming.frame(try message.serializedBytes()),
      endStream: endStream
    )
  }

  /// Sends further messages on an open stream.
  func send<Request: Message>(streamID: Int32, messages: [Request], end: Bool) throws {
    var body: [UInt8] = []
    for message in messages { body += GRPCFraming.frame(try message.serializedBytes()) }
    self.send(streamID: streamID, more: body, end: end)
  }

  /// The decoded messages a stream received so far.
  func received<Response: Message>(
    on streamID: Int32,
    as type: Response.Type
  ) throws -> [Response] {
    try (self.streams[streamID]?.response.messages ?? []).map {
      try Response(serializedBytes: $0)
    }
  }
}
