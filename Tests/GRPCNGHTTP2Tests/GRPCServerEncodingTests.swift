import GRPCTestClient
import CZlib
import Foundation
import GRPCNGHTTP2
import Testing

@Suite("grpc-encoding and grpc-timeout")
struct GRPCServerEncodingTests {
  static func gzip(_ bytes: [UInt8]) -> [UInt8] {
    var stream = z_stream()
    deflateInit2_(
      &stream,
      6,
      Z_DEFLATED,
      15 + 16,
      8,
      Z_DEFAULT_STRATEGY,
      ZLIB_VERSION,
      Int32(MemoryLayout<z_stream>.size)
    )
    defer { deflateEnd(&stream) }
    var output = [UInt8](repeating: 0, count: bytes.count + 64)
    var input = bytes
    let written = input.withUnsafeMutableBufferPointer { inBuffer in
      output.withUnsafeMutableBufferPointer { outBuffer in
        stream.next_in = inBuffer.baseAddress
        stream.avail_in = UInt32(inBuffer.count)
        stream.next_out = outBuffer.baseAddress
        stream.avail_out = UInt32(outBuffer.count)
        deflate(&stream, Z_FINISH)
        return outBuffer.count - Int(stream.avail_out)
      }
    }
    return Array(output[0 ..< written])
  }

  @Test("a gzip-compressed request is decompressed")
  func gzipRequest() async throws {
    let running = try await RunningTestServer.start()
    let client = try TestHTTP2Client(port: running.port)
    let payload = Array(String(repeating: "shoprec ", count: 500).utf8)
    let response = try await client.call(
      path: "/test.Echo/Unary",
      body: GRPCFraming.frame(Self.gzip(payload), compressed: true),
      headers: [("grpc-encoding", "gzip")]
    )
    #expect(response.grpcStatus == 0)
    #expect(response.messages == [payload])
    try await running.stop()
  }

  @Test(
    "bad compression: unknown encoding UNIMPLEMENTED, flag without encoding or bad gzip INTERNAL"
  )
  func badCompression() async throws {
    let running = try await RunningTestServer.start()
    let client = try TestHTTP2Client(port: running.port)
    let snappy = try await client.call(
      path: "/test.Echo/Unary",
      body: GRPCFraming.frame([1]),
      headers: [("grpc-encoding", "snappy")]
    )
    #expect(snappy.grpcStatus == GRPCStatusCode.unimplemented.rawValue)
    #expect(snappy.header("grpc-accept-encoding")?.contains("gzip") == true)
    let noEncoding = try await client.call(
      path: "/test.Echo/Unary",
      body: GRPCFraming.frame([1], compressed: true)
    )
    #expect(noEncoding.grpcStatus == GRPCStatusCode.internalError.rawValue)
    let notGzip = try await client.call(
      path: "/test.Echo/Unary",
      body: GRPCFraming.frame([1, 2, 3, 4], compressed: true),
      headers: [("grpc-encoding", "gzip")]
    )
    #expect(notGzip.grpcStatus == GRPCStatusCode.internalError.rawValue)
    try await running.stop()
  }

  @Test("an already expired grpc-timeout is DEADLINE_EXCEEDED from the server itself")
  func expiredDeadline() async throws {
    let running = try await RunningTestServer.start()
    let client = try TestHTTP2Client(port: running.port)
    let response = try await client.call(
      path: "/test.Echo/Unary",
      body: GRPCFraming.frame([1]),
      headers: [("grpc-timeout", "1n")]
    )
    #expect(response.grpcStatus == GRPCStatusCode.deadlineExceeded.rawValue)
    let generous = try await client.call(
      path: "/test.Echo/Unary",
      body: GRPCFraming.frame([1]),
      headers: [("grpc-timeout", "10S")]
    )
    #expect(generous.grpcStatus == 0)
    try await running.stop()
  }

  @Test("a deadline passing while an async handler runs is answered by the server's timer")
  func deadlineWhileWaiting() async throws {
    let running = try await RunningTestServer.start()
    let client = try TestHTTP2Client(port: running.port)
    let response = try await client.call(
      path: "/test.Echo/Slow",
      body: GRPCFraming.frame([1, 2]),
      headers: [("grpc-timeout", "50m")]
    )
    #expect(response.grpcStatus == GRPCStatusCode.deadlineExceeded.rawValue)
    #expect(running.gate.arrived == 1, "the handler was running when the deadline passed")
    running.gate.open()
    // The late completion is dropped; the connection keeps serving.
    let next = try await client.call(path: "/test.Echo/Slow", body: GRPCFraming.frame([1, 2]))
    #expect(next.messages == [[2, 1]])
    try await running.stop()
  }
}
