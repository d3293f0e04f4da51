import GRPCTestClient
import Foundation
import GRPCNGHTTP2
import Testing

@Suite("Streaming calls")
struct GRPCServerStreamingTests {
  @Test("server streaming sends every message in order, then OK")
  func serverStreaming() async throws {
    let running = try await RunningTestServer.start()
    let client = try TestHTTP2Client(port: running.port)
    let response = try await client.call(
      path: "/test.Echo/Count",
      body: GRPCFraming.frame(Array("1000".utf8))
    )
    #expect(response.grpcStatus == 0)
    #expect(
      response.messages.map { String(decoding: $0, as: UTF8.self) } == (0 ..< 1000).map(String.init)
    )
    try await running.stop()
  }

  @Test("server streaming far beyond the client's flow-control window completes (backpressure)")
  func serverStreamingLarge() async throws {
    let running = try await RunningTestServer.start()
    let client = try TestHTTP2Client(port: running.port, initialWindowSize: 16_384)
    // 2,000 messages of 4 KiB: 8 MiB through a 16 KiB stream window.
    let response = try await client.call(
      path: "/test.Echo/Count",
      body: GRPCFraming.frame(Array("2000:4096".utf8))
    )
    #expect(response.grpcStatus == 0)
    let messages = response.messages
    #expect(messages.count == 2000)
    #expect(messages.allSatisfy { $0.count == 4096 })
    #expect(String(decoding: messages[1999].prefix(4), as: UTF8.self) == "1999")
    try await running.stop()
  }

  @Test("client streaming receives every message split across DATA frames")
  func clientStreaming() async throws {
    let running = try await RunningTestServer.start()
    let client = try TestHTTP2Client(port: running.port)
    let body = (1 ... 500).flatMap { GRPCFraming.frame(Array(String($0).utf8)) }
    let id = client.start(path: "/test.Echo/Sum", body: Array(body.prefix(7)), endStream: false)
    try await client.run { client.streams[id]!.sent == 7 }
    client.send(streamID: id, more: Array(body.dropFirst(7)), end: true)
    try await client.run { client.streams[id]!.response.closed }
    let response = client.streams[id]!.response
    #expect(response.grpcStatus == 0)
    #expect(response.messages == [Array(String(500 * 501 / 2).utf8)])
    try await running.stop()
  }

  @Test("bidirectional streaming answers each message; a failing message ends with its status")
  func bidirectional() async throws {
    let running = try await RunningTestServer.start()
    let client = try TestHTTP2Client(port: running.port)
    let words = ["alpha", "beta", "gamma"]
    let id = client.start(
      path: "/test.Echo/Chat",
      body: GRPCFraming.frame(Array(words[0].utf8)),
      endStream: false
    )
    try await client.run { client.streams[id]!.response.messages.count == 1 }
    #expect(
      client.streams[id]!.response.messages == [Array("ALPHA".utf8)],
      "answered before the request ended"
    )
    client.send(
      streamID: id,
      more: words.dropFirst().flatMap { GRPCFraming.frame(Array($0.utf8)) },
      end: true
    )
    try await client.run { client.streams[id]!.response.closed }
    #expect(client.streams[id]!.response.messages == words.map { Array($0.uppercased().utf8) })
    #expect(client.streams[id]!.response.grpcStatus == 0)
    let failing = try await client.call(
      path: "/test.Echo/Chat",
      body: GRPCFraming.frame(Array("x".utf8)) + GRPCFraming.frame(Array("fail".utf8))
    )
    #expect(failing.grpcStatus == GRPCStatusCode.invalidArgument.rawValue)
    #expect(failing.messages == [Array("X".utf8)])
    try await running.stop()
  }

  @Test("a client reset (RST_STREAM CANCEL) cancels the streaming call")
  func clientCancel() async throws {
    let running = try await RunningTestServer.start()
    let client = try TestHTTP2Client(port: running.port)
    let id = client.start(
      path: "/test.Echo/Chat",
      body: GRPCFraming.frame(Array("hi".utf8)),
      endStream: false
    )
    try await client.run { client.streams[id]!.response.messages.count == 1 }
    nghttp2Reset(client: client, streamID: id)
    try await client.run { client.streams[id]!.response.closed }
    // The cancellation is observed on the server's event loop; a following call on the same
    // connection orders after it.
    _ = try await client.call(path: "/test.Echo/Unary", body: GRPCFraming.frame([1]))
    #expect(running.cancellations.value.withLock { $0 } == 1)
    try await running.stop()
  }

  @Test("a deadline passing during a streaming call ends it with DEADLINE_EXCEEDED trailers")
  func streamingDeadline() async throws {
    let running = try await RunningTestServer.start()
    let client = try TestHTTP2Client(port: running.port)
    let id = client.start(
      path: "/test.Echo/Chat",
      body: GRPCFraming.frame(Array("hi".utf8)),
      headers: [("grpc-timeout", "100m")],
      endStream: false
    )
    try await client.run { client.streams[id]!.response.closed }
    let response = client.streams[id]!.response
    #expect(response.messages == [Array("HI".utf8)])
    #expect(response.trailer("grpc-status") == String(GRPCStatusCode.deadlineExceeded.rawValue))
    #expect(running.cancellations.value.withLock { $0 } == 1, "the call object was cancelled")
    try await running.stop()
  }
}
