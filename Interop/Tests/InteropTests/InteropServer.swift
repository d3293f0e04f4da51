import GRPCCore
import GRPCNGHTTP2
import GRPCNIOTransportHTTP2Posix
import Logging
import ShopRecCore
import ShopRecIngestion
import ShopRecService

/// A shoprec server in this process on a free loopback port, serving the built-in demo shop,
/// and a grpc-swift-2 client connected to it.
struct InteropServer {
  /// The demo shop's snapshot, built once for the whole test run.
  static let demo = Result { () throws(SnapshotBuildError) -> Snapshot in
    try SyntheticShop.demoSnapshot()
  }

  let server: ShopRecServer
  let snapshot: Snapshot
  let port: Int
  let task: Task<Void, any Error>

  /// Starts a server on the demo snapshot.
  static func start() async throws -> InteropServer {
    let snapshot = try Self.demo.get()
    var configuration = GRPCServerConfiguration()
    configuration.port = 0
    configuration.eventLoopCount = 2
    let server = ShopRecServer(
      configuration: configuration,
      store: SnapshotStore(snapshot: snapshot),
      reloader: nil,
      logger: Logger(label: "shoprec.interop")
    )
    let task = Task { try await server.grpcServer.serve() }
    let port = try await server.grpcServer.listeningPort()
    return InteropServer(server: server, snapshot: snapshot, port: port, task: task)
  }

  /// Runs `body` with a grpc-swift-2 client (HTTP/2 over plaintext TCP, requests compressed
  /// with `compression`) connected to a fresh demo server, then stops both.
  static func withClient(
    compression: CompressionAlgorithm = .none,
    _ body: (GRPCClient<HTTP2ClientTransport.Posix>, InteropServer) async throws -> Void
  ) async throws {
    let running = try await Self.start()
    do {
      let transport = try HTTP2ClientTransport.Posix(
        target: .ipv4(address: "127.0.0.1", port: running.port),
        transportSecurity: .plaintext,
        config: .defaults {
          $0.compression.algorithm = compression
          $0.compression.enabledAlgorithms = .all
        }
      )
      try await withGRPCClient(transport: transport) { client in
        try await body(client, running)
      }
    } catch {
      try? await running.stop()
      throw error
    }
    try await running.stop()
  }

  /// Stops gracefully.
  func stop() async throws {
    self.server.health.enterShutdown()
    self.server.grpcServer.beginGracefulShutdown()
    try await self.task.value
  }

  /// The in-process answers, to compare with what came over the wire.
  var service: RecommendationsService {
    RecommendationsService(store: SnapshotStore(snapshot: self.snapshot))
  }

  /// The first product id (in catalog order) for which `answers` holds.
  func firstProductID(where answers: (String) throws -> Bool) rethrows -> String? {
    let ids = self.snapshot.catalog.productIDs
    for index in 0 ..< self.snapshot.catalog.count where try answers(ids[index]) {
      return ids[index]
    }
    return nil
  }
}
