import GRPCTestClient
import GRPCNGHTTP2
import Logging
import ShopRecCore
import ShopRecService

/// A real ``ShopRecServer`` on a free loopback port, for one test.
struct ServiceTestServer {
  let server: ShopRecServer
  let store: SnapshotStore
  let port: Int
  let task: Task<Void, any Error>

  /// Starts a server answering from `store` (`reloader` enables the Reload RPC).
  static func start(
    store: SnapshotStore,
    reloader: (any SnapshotReloading)? = nil,
    eventLoops: Int = 1,
    shutdownGracePeriod: Duration = .seconds(10),
    logger: Logger = Logger(label: "shoprec.service-tests")
  ) async throws -> ServiceTestServer {
    var configuration = GRPCServerConfiguration()
    configuration.port = 0
    configuration.eventLoopCount = eventLoops
    configuration.shutdownGracePeriod = shutdownGracePeriod
    let server = ShopRecServer(
      configuration: configuration,
      store: store,
      reloader: reloader,
      logger: logger
    )
    let task = Task { try await server.grpcServer.serve() }
    let port = try await server.grpcServer.listeningPort()
    return ServiceTestServer(server: server, store: store, port: port, task: task)
  }

  /// Starts a server serving `snapshot`.
  static func start(
    serving snapshot: Snapshot,
    eventLoops: Int = 1,
    shutdownGracePeriod: Duration = .seconds(10)
  ) async throws -> ServiceTestServer {
    try await Self.start(
      store: SnapshotStore(snapshot: snapshot),
      eventLoops: eventLoops,
      shutdownGracePeriod: shutdownGracePeriod
    )
  }

  /// A new client connection to the server.
  func client() throws -> TestHTTP2Client {
    try TestHTTP2Client(port: self.port)
  }

  /// Shuts down gracefully and waits until the server stopped.
  func stop() async throws {
    self.server.health.enterShutdown()
    self.server.grpcServer.beginGracefulShutdown()
    try await self.task.value
  }
}
