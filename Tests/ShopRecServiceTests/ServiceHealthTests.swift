import GRPCTestClient
import CNGHTTP2
import GRPCNGHTTP2
import ShopRecAPI
import Testing

@testable import ShopRecService

/// `grpc.health.v1.Health`: NOT_SERVING until a snapshot is loaded, SERVING after, and again
/// NOT_SERVING when the server shuts down.
@Suite("Health over gRPC")
struct ServiceHealthTests {
  typealias Status = Grpc_Health_V1_HealthCheckResponse.ServingStatus

  static func check(
    _ client: TestHTTP2Client,
    _ service: String
  ) async throws -> ServiceCallResult<Grpc_Health_V1_HealthCheckResponse> {
    try await client.unary(
      ServicePath.healthCheck,
      Grpc_Health_V1_HealthCheckRequest.with { $0.service = service }
    )
  }

  /// Starts a Watch for `service`; returns the stream id.
  static func watch(_ client: TestHTTP2Client, _ service: String) throws -> Int32 {
    try client.start(
      path: ServicePath.healthWatch,
      message: Grpc_Health_V1_HealthCheckRequest.with { $0.service = service }
    )
  }

  static func statuses(_ client: TestHTTP2Client, _ stream: Int32) throws -> [Status] {
    try client.received(on: stream, as: Grpc_Health_V1_HealthCheckResponse.self).map(\.status)
  }

  @Test("Check: NOT_SERVING before the first snapshot, SERVING after, for the server and services")
  func check() async throws {
    let store = SnapshotStore()
    let running = try await ServiceTestServer.start(store: store)
    let client = try running.client()
    let services = [
      "", "shoprec.v1.Recommendations", "shoprec.v1.Snapshots", "grpc.health.v1.Health",
    ]
    for service in services {
      #expect(try await Self.check(client, service).response?.status == .notServing, "\(service)")
    }
    store.replace(with: try ServiceCatalog.snapshot(), path: "")
    for service in services {
      #expect(try await Self.check(client, service).response?.status == .serving, "\(service)")
    }
    let unknown = try await Self.check(client, "shoprec.v1.Nope")
    #expect(unknown.code == .notFound)
    #expect(unknown.message.contains("shoprec.v1.Nope"))
    try await running.stop()
  }

  @Test("Watch: NOT_SERVING first, then SERVING when the first snapshot is swapped in")
  func watchFirstSnapshot() async throws {
    let store = SnapshotStore()
    let running = try await ServiceTestServer.start(store: store)
    let client = try running.client()
    let server = try Self.watch(client, "")
    let recommendations = try Self.watch(client, "shoprec.v1.Recommendations")
    try await client.run {
      client.streams[server]!.response.messages.count == 1
        && client.streams[recommendations]!.response.messages.count == 1
    }
    #expect(try Self.statuses(client, server) == [.notServing])
    #expect(try Self.statuses(client, recommendations) == [.notServing])
    store.replace(with: try ServiceCatalog.snapshot(), path: "")
    try await client.run {
      client.streams[server]!.response.messages.count == 2
        && client.streams[recommendations]!.response.messages.count == 2
    }
    #expect(try Self.statuses(client, server) == [.notServing, .serving])
    #expect(try Self.statuses(client, recommendations) == [.notServing, .serving])
    // A second swap changes nothing a watcher can see: no message for an unchanged status.
    store.replace(with: try ServiceCatalog.snapshot(builtAt: ServiceCatalog.builtAt + 1), path: "")
    _ = try await Self.check(client, "")
    #expect(try Self.statuses(client, server) == [.notServing, .serving])
    #expect(client.streams[server]!.response.closed == false, "Watch streams stay open")
    for stream in [server, recommendations] {
      nghttp2_submit_rst_stream(client.session, 0, stream, NGHTTP2_CANCEL.rawValue)
    }
    try await client.run { client.streams[server]!.response.closed }
    try await running.stop()
  }

  @Test("Watch of an unknown service answers SERVICE_UNKNOWN and stays open")
  func watchUnknown() async throws {
    let running = try await ServiceTestServer.start(serving: try ServiceCatalog.snapshot())
    let client = try running.client()
    let stream = try Self.watch(client, "shoprec.v1.Nope")
    try await client.run { client.streams[stream]!.response.messages.count == 1 }
    #expect(try Self.statuses(client, stream) == [.serviceUnknown])
    #expect(client.streams[stream]!.response.closed == false)
    nghttp2_submit_rst_stream(client.session, 0, stream, NGHTTP2_CANCEL.rawValue)
    try await client.run { client.streams[stream]!.response.closed }
    try await running.stop()
  }

  @Test("shutdown: watchers see NOT_SERVING, then their stream ends so the server can drain")
  func watchShutdown() async throws {
    let running = try await ServiceTestServer.start(
      serving: try ServiceCatalog.snapshot(),
      shutdownGracePeriod: .seconds(60)
    )
    let client = try running.client()
    let stream = try Self.watch(client, "")
    try await client.run { client.streams[stream]!.response.messages.count == 1 }
    #expect(try Self.statuses(client, stream) == [.serving])
    let stopping = Task { try await running.stop() }
    try await client.run(timeout: 20) { client.streams[stream]!.response.closed }
    #expect(try Self.statuses(client, stream) == [.serving, .notServing])
    let response = client.streams[stream]!.response
    #expect(response.grpcStatus == GRPCStatusCode.unavailable.rawValue)
    #expect(response.resetCode == nil)
    try await client.run { client.goAwayReceived }
    // Without the stream ending, the server would wait out the 60 s grace period here.
    try await stopping.value
    #expect(running.server.grpcServer.connectionCount == 0)
  }

  @Test("a cancelled Watch leaves no watcher behind")
  func watchCancelled() async throws {
    let running = try await ServiceTestServer.start(serving: try ServiceCatalog.snapshot())
    let client = try running.client()
    let streams = try (0 ..< 3).map { _ in try Self.watch(client, "") }
    try await client.run { streams.allSatisfy { client.streams[$0]!.response.messages.count == 1 } }
    #expect(running.server.health.watcherCount == 3)
    for stream in streams {
      nghttp2_submit_rst_stream(client.session, 0, stream, NGHTTP2_CANCEL.rawValue)
    }
    // The resets are handled on the server's event loop before a later call on the connection.
    #expect(try await Self.check(client, "").response?.status == .serving)
    #expect(running.server.health.watcherCount == 0)
    try await running.stop()
  }

  @Test("a Watch breaking the protocol ends with an error status and leaves no watcher behind")
  func watchProtocolViolations() async throws {
    let running = try await ServiceTestServer.start(serving: try ServiceCatalog.snapshot())
    let client = try running.client()
    let request = GRPCFraming.frame(try Grpc_Health_V1_HealthCheckRequest().serializedBytes())
    // Two request messages on a server-streaming call.
    let twice = client.start(path: ServicePath.healthWatch, body: request + request)
    // A second message announcing 5 MiB, above the 4 MiB limit.
    let oversized = client.start(
      path: ServicePath.healthWatch,
      body: request + [0, 0, 0x50, 0, 0],
      endStream: false
    )
    try await client.run {
      client.streams[twice]!.response.closed && client.streams[oversized]!.response.closed
    }
    #expect(client.streams[twice]!.response.grpcStatus == GRPCStatusCode.internalError.rawValue)
    #expect(
      client.streams[oversized]!.response.grpcStatus
        == GRPCStatusCode.resourceExhausted.rawValue
    )
    #expect(running.server.health.watcherCount == 0)
    // The connection goes on serving.
    #expect(try await Self.check(client, "").response?.status == .serving)
    try await running.stop()
  }
}
