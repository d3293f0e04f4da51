public import GRPCNGHTTP2
public import SwiftProtobuf

/// Builds ``GRPCMethod``s from typed protobuf handlers: decoding the request, encoding the
/// response and mapping thrown ``GRPCStatusConvertible`` errors to statuses.
public enum ProtobufMethods {
  /// A synchronous unary method (runs on the event loop: must be fast).
  public static func unary<Request: Message, Response: Message>(
    service: String,
    method: String,
    _ body: @escaping @Sendable (Request) throws -> Response
  ) -> GRPCMethod {
    GRPCMethod(
      service: service,
      method: method,
      handler: .unary { bytes, writer in
        let request: Request
        do {
          request = try Request(serializedBytes: RawSpan(_unsafeBytes: bytes))
        } catch {
          return GRPCStatus(
            code: .invalidArgument,
            message: "malformed \(Request.protoMessageName): \(error)"
          )
        }
        do {
          let response = try body(request)
          let encoded: [UInt8] = try response.serializedBytes()
          writer.write(encoded)
          return .ok
        } catch let error as any GRPCStatusConvertible {
          return error.grpcStatus
        } catch {
          return GRPCStatus(code: .internalError, message: "\(error)")
        }
      }
    )
  }

  /// An asynchronous unary method (runs off the event loop).
  public static func asyncUnary<Request: Message, Response: Message>(
    service: String,
    method: String,
    _ body: @escaping @Sendable (Request) async throws -> Response
  ) -> GRPCMethod {
    GRPCMethod(
      service: service,
      method: method,
      handler: .asyncUnary { bytes in
        do {
          let request = try Request(serializedBytes: bytes)
          let response = try await body(request)
          return .success(try response.serializedBytes())
        } catch let error as any GRPCStatusConvertible {
          return .failure(error.grpcStatus)
        } catch let error as BinaryDecodingError {
          return .failure(
            GRPCStatus(
              code: .invalidArgument,
              message: "malformed \(Request.protoMessageName): \(error)"
            )
          )
        } catch {
          return .failure(GRPCStatus(code: .internalError, message: "\(error)"))
        }
      }
    )
  }

  /// Decodes a streamed request message, or nil (with the status to finish with).
  public static func decode<Request: Message>(
    _ type: Request.Type,
    from bytes: UnsafeRawBufferPointer
  ) -> Result<Request, GRPCStatus> {
    do {
      return .success(try Request(serializedBytes: RawSpan(_unsafeBytes: bytes)))
    } catch {
      return .failure(
        GRPCStatus(
          code: .invalidArgument,
          message: "malformed \(Request.protoMessageName): \(error)"
        )
      )
    }
  }

  /// Encodes a message for a stream.
  public static func send<Response: Message>(
    _ response: Response,
    to output: inout GRPCStreamOutput
  ) {
    do {
      let bytes: [UInt8] = try response.serializedBytes()
      output.send(bytes)
    } catch {
      output.finish(
        GRPCStatus(code: .internalError, message: "could not encode \(Response.protoMessageName)")
      )
    }
  }
}
