import GRPCTestClient
import GRPCNGHTTP2
import Logging
import ShopRecCore
import ShopRecIngestion
import ShopRecService
import SwiftProtobuf

/// The demo shop snapshot, built once for the Letters tests (as `shoprec serve` builds it).
enum LettersDemo {
  static let shop = SyntheticShop.demo()
  /// The demo's orders as the parser reads them: the independent source of expectations.
  static let orderLog = shop.orderLog()

  static let snapshot: Snapshot = {
    var options = SnapshotBuildOptions()
    options.builtAt = shop.config.endTime
    do {
      return try SnapshotBuilder(options: options).build(
        catalogs: [shop.catalogInput()],
        orders: orderLog,
        sources: []
      ).snapshot
    } catch {
      preconditionFailure("the demo shop does not build: \(error)")
    }
  }()
}

/// A shoprec server on a free loopback port serving `snapshot`, for one test.
struct LettersTestServer {
  let server: ShopRecServer
  let port: Int
  let task: Task<Void, any Error>

  static func start(
    snapshot: Snapshot = LettersDemo.snapshot,
    recipes: LetterRecipes = .defaults,
    configure: (inout GRPCServerConfiguration) -> Void = { _ in }
  ) async throws -> LettersTestServer {
    var configuration = GRPCServerConfiguration()
    configuration.port = 0
    configuration.eventLoopCount = 1
    configure(&configuration)
    let server = ShopRecServer(
      configuration: configuration,
      store: SnapshotStore(snapshot: snapshot),
      reloader: nil,
      letterRecipes: recipes,
      logger: Logger(label: "letters-test")
    )
    let task = Task { try await server.grpcServer.serve() }
    let port = try await server.grpcServer.listeningPort()
    return LettersTestServer(server: server, port: port, task: task)
  }

  func stop() async throws {
    self.server.grpcServer.beginGracefulShutdown()
    try await self.task.value
  }
}

extension TestHTTP2Client {
  static let composePath = "/shoprec.v1.Letters/Compose"
  static let duePath = "/shoprec.v1.Letters/Due"
  static let composeStreamPath = "/shoprec.v1.Letters/ComposeStream"

  /// One unary or server-streaming call with a protobuf request.
  func call<Request: Message>(_ path: String, _ request: Request) async throws -> Response {
    try await self.call(path: path, body: GRPCFraming.frame(try request.serializedBytes()))
  }
}

extension TestHTTP2Client.Response {
  /// The response messages decoded as `type`.
  func decoded<Message: SwiftProtobuf.Message>(_ type: Message.Type) throws -> [Message] {
    try self.messages.map { try Message(serializedBytes: $0) }
  }
}
