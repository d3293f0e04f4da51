import Foundation
import GRPCNGHTTP2
import GRPCTestClient
import Testing

@Suite("Unary calls over a real loopback socket")
struct GRPCServerUnaryTests {
  @Test(
    "echoes messages of many sizes with OK trailers",
    arguments: [0, 1, 100, 16_383, 70_000, 1 << 20]
  )
  func echo(size: Int) async throws {
    let running = try await RunningTestServer.start()
    let payload = (0 ..< size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
    let client = try TestHTTP2Client(port: running.port)
    let response = try await client.call(path: "/test.Echo/Unary", body: GRPCFraming.frame(payload))
    #expect(response.header(":status") == "200")
    #expect(response.header("content-type") == "application/grpc")
    #expect(response.grpcStatus == 0)
    #expect(response.messages == [payload])
    try await running.stop()
  }

  @Test("many concurrent streams on one connection each get their own answer")
  func concurrentStreams() async throws {
    let running = try await RunningTestServer.start()
    let client = try TestHTTP2Client(port: running.port)
    var ids: [Int32: [UInt8]] = [:]
    for index in 0 ..< 200 {
      let body = Array("request-\(index)".utf8)
      ids[client.start(path: "/test.Echo/Unary", body: GRPCFraming.frame(body))] = body
    }
    try await client.waitForAll()
    for (id, body) in ids {
      let response = client.streams[id]!.response
      #expect(response.grpcStatus == 0)
      #expect(response.messages == [body])
    }
    try await running.stop()
  }

  @Test("a method's cache hint sees the requests of a read before they are handled")
  func prefetchHint() async throws {
    let running = try await RunningTestServer.start()
    let client = try TestHTTP2Client(port: running.port)
    var ids: [Int32: [UInt8]] = [:]
    // Started together, the requests leave in one write and mostly arrive in one read.
    for index in 0 ..< 50 {
      let body = Array("product-\(index)".utf8)
      ids[client.start(path: "/test.Echo/Prefetched", body: GRPCFraming.frame(body))] = body
    }
    // A gzip-compressed request is not given to the hint (it sees plain messages only).
    let compressed = client.start(
      path: "/test.Echo/Prefetched",
      body: GRPCFraming.frame(GRPCServerEncodingTests.gzip(Array("zipped".utf8)), compressed: true),
      headers: [("grpc-encoding", "gzip")]
    )
    try await client.waitForAll()
    for (id, body) in ids {
      #expect(client.streams[id]!.response.messages == [body], "the hint changes no answer")
    }
    #expect(client.streams[compressed]!.response.messages == [Array("zipped".utf8)])
    let seen = running.prefetches.seen.withLock { $0 }
    #expect(Set(seen).isSubset(of: Set(ids.values)), "only whole uncompressed requests")
    #expect(running.prefetches.handled.withLock { $0 } == 51)
    #expect(running.prefetches.seenBeforeHandling.withLock { $0 } > 0)
    // Every request seen in pass 0 was seen again in pass 1 with its context word.
    #expect(running.prefetches.contextKept.withLock { $0 } == seen.count)
    try await running.stop()
  }

  @Test("a handler's error becomes a Trailers-Only response with a percent-encoded message")
  func handlerError() async throws {
    let running = try await RunningTestServer.start()
    let client = try TestHTTP2Client(port: running.port)
    let text = "no product «42» 100%"
    let response = try await client.call(
      path: "/test.Echo/Fail",
      body: GRPCFraming.frame(Array(text.utf8))
    )
    #expect(response.grpcStatus == GRPCStatusCode.notFound.rawValue)
    #expect(response.data.isEmpty)
    #expect(response.trailers.isEmpty, "Trailers-Only: status travels in the only HEADERS frame")
    let raw = try #require(response.grpcMessage)
    #expect(raw.allSatisfy { $0.isASCII })
    #expect(raw.removingPercentEncoding == text)
    try await running.stop()
  }

  @Test("unknown methods and services are UNIMPLEMENTED and name the path")
  func unknownMethod() async throws {
    let running = try await RunningTestServer.start()
    let client = try TestHTTP2Client(port: running.port)
    for path in ["/test.Echo/Nope", "/nope.Service/Unary", "/"] {
      let response = try await client.call(path: path, body: GRPCFraming.frame([1, 2, 3]))
      #expect(response.grpcStatus == GRPCStatusCode.unimplemented.rawValue)
      #expect(response.grpcMessage?.removingPercentEncoding?.contains(path) == true)
    }
    try await running.stop()
  }

  @Test("a non-gRPC content-type gets HTTP 415")
  func badContentType() async throws {
    let running = try await RunningTestServer.start()
    let client = try TestHTTP2Client(port: running.port)
    let json = try await client.call(
      path: "/test.Echo/Unary",
      body: [1],
      contentType: "application/json"
    )
    #expect(json.header(":status") == "415")
    let missing = try await client.call(path: "/test.Echo/Unary", body: [1], contentType: nil)
    #expect(missing.header(":status") == "415")
    let proto = try await client.call(
      path: "/test.Echo/Unary",
      body: GRPCFraming.frame([9]),
      contentType: "application/grpc+proto"
    )
    #expect(proto.grpcStatus == 0)
    try await running.stop()
  }

  @Test("a message above the size limit is RESOURCE_EXHAUSTED, decided from its length prefix")
  func oversized() async throws {
    let running = try await RunningTestServer.start { $0.maxReceiveMessageSize = 1000 }
    let client = try TestHTTP2Client(port: running.port)
    let ok = try await client.call(
      path: "/test.Echo/Unary",
      body: GRPCFraming.frame([UInt8](repeating: 1, count: 1000))
    )
    #expect(ok.grpcStatus == 0)
    let big = try await client.call(
      path: "/test.Echo/Unary",
      body: GRPCFraming.frame([UInt8](repeating: 1, count: 1001))
    )
    #expect(big.grpcStatus == GRPCStatusCode.resourceExhausted.rawValue)
    // Only a prefix announcing 5 MiB, no body: answered without waiting for the bytes.
    var prefixOnly = [UInt8](repeating: 0, count: 5)
    prefixOnly[1] = 0x50
    let id = client.start(path: "/test.Echo/Unary", body: prefixOnly, endStream: false)
    try await client.run { client.streams[id]!.response.closed }
    #expect(client.streams[id]!.response.grpcStatus == GRPCStatusCode.resourceExhausted.rawValue)
    try await running.stop()
  }

  @Test("malformed bodies are INTERNAL: no message, truncated message, two messages")
  func malformedBodies() async throws {
    let running = try await RunningTestServer.start()
    let client = try TestHTTP2Client(port: running.port)
    let bodies: [[UInt8]] = [
      [], [0, 0, 0], [0, 0, 0, 0, 9, 1], GRPCFraming.frame([1]) + GRPCFraming.frame([2]),
    ]
    for body in bodies {
      let response = try await client.call(path: "/test.Echo/Unary", body: body)
      #expect(response.grpcStatus == GRPCStatusCode.internalError.rawValue, "body \(body)")
    }
    try await running.stop()
  }
}
