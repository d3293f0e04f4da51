import GRPCTestClient
import CNGHTTP2
import Foundation
import GRPCNGHTTP2
import Testing

func nghttp2Reset(client: TestHTTP2Client, streamID: Int32) {
  nghttp2_submit_rst_stream(client.session, 0, streamID, NGHTTP2_CANCEL.rawValue)
}

@Suite("Connections")
struct GRPCServerConnectionTests {
  @Test("garbage bytes close that connection; the server keeps serving others")
  func garbage() async throws {
    let running = try await RunningTestServer.start()
    let healthy = try TestHTTP2Client(port: running.port)
    #expect(
      try await healthy.call(path: "/test.Echo/Unary", body: GRPCFraming.frame([1])).grpcStatus == 0
    )
    let bad = try TestHTTP2Client(port: running.port)
    bad.sendRaw(
      Array("GET / HTTP/1.1\r\nHost: x\r\n\r\n".utf8) + [UInt8](repeating: 0xFF, count: 64)
    )
    var buffer = [UInt8](repeating: 0, count: 4096)
    var closed = false
    for _ in 0 ..< 100 where !closed {
      let received = recv(bad.socket, &buffer, buffer.count, 0)
      closed = received <= 0
    }
    #expect(closed, "the server closed the garbage connection")
    #expect(
      try await healthy.call(path: "/test.Echo/Unary", body: GRPCFraming.frame([2])).messages == [
        [2]
      ]
    )
    let fresh = try TestHTTP2Client(port: running.port)
    #expect(
      try await fresh.call(path: "/test.Echo/Unary", body: GRPCFraming.frame([3])).messages == [[3]]
    )
    try await running.stop()
  }

  @Test("graceful shutdown lets an in-flight call finish and sends GOAWAY")
  func gracefulShutdown() async throws {
    let running = try await RunningTestServer.start()
    let client = try TestHTTP2Client(port: running.port)
    let id = client.start(path: "/test.Echo/Slow", body: GRPCFraming.frame([1, 2, 3]))
    try await client.run { running.gate.arrived == 1 }
    running.server.beginGracefulShutdown()
    try await client.run { client.goAwayReceived }
    running.gate.open()
    try await client.run { client.streams[id]!.response.closed }
    #expect(client.streams[id]!.response.grpcStatus == 0)
    #expect(client.streams[id]!.response.messages == [[3, 2, 1]])
    try await running.task.value
    #expect(running.server.connectionCount == 0)
  }

  @Test("non-POST requests are refused with HTTP 405")
  func getRefused() async throws {
    let running = try await RunningTestServer.start()
    let client = try TestHTTP2Client(port: running.port)
    let id = client.start(path: "/test.Echo/Unary", body: [], method: "GET")
    try await client.run { client.streams[id]!.response.closed }
    #expect(client.streams[id]!.response.header(":status") == "405")
    try await running.stop()
  }
}
