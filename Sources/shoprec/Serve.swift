import ArgumentParser
import GRPCNGHTTP2
import Logging
import ServiceLifecycle
import ShopRecIngestion
import ShopRecService

/// `shoprec serve`: the gRPC service.
struct Serve: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Serve recommendations over gRPC (HTTP/2, cleartext).",
    discussion: """
      Without --snapshot or --snapshot-dir, serves the built-in demo shop (generated in memory).
      With --snapshot-dir, serves the newest valid *.shoprec file there and picks up newer ones
      (every --poll-interval seconds, on SIGHUP and on the Reload RPC); a bad file is rejected and
      the current snapshot keeps serving. SIGTERM/SIGINT shut down gracefully.
      """
  )

  @Option(help: "Address to listen on.")
  var host = "127.0.0.1"

  @Option(help: "Port to listen on (0 picks a free one).")
  var port = 50051

  @Option(help: "Event loop threads (default: the CPUs this process may use).")
  var eventLoops: Int?

  @Option(help: "Serve this snapshot file (re-read on reload when it changes).")
  var snapshot: String?

  @Option(help: "Serve the newest valid snapshot of this directory.")
  var snapshotDir: String?

  @Option(
    help: """
      How snapshot files are loaded: map (use the file's pages, the fast default; files must be \
      replaced by renaming, never rewritten in place) or copy (into private memory).
      """
  )
  var snapshotLoad: SnapshotLoadArgument = .map

  @Option(help: "Seconds between checks for a newer snapshot.")
  var pollInterval = 30

  @Option(help: "Largest request message accepted, in bytes.")
  var maxMessageSize = 4 << 20

  @Option(help: "Letter recipes and post-purchase schedule, JSON (docs/letters.md).")
  var letterSettings: String?

  @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
  var logLevel = "info"

  func validate() throws {
    if self.snapshot != nil && self.snapshotDir != nil {
      throw ValidationError("give --snapshot or --snapshot-dir, not both")
    }
    guard (0 ... 65535).contains(self.port) else {
      throw ValidationError("--port must be 0...65535")
    }
    if let eventLoops, eventLoops < 1 { throw ValidationError("--event-loops must be at least 1") }
  }

  func run() async throws {
    let logger = Logger.shoprec(level: self.logLevel)
    let letterRecipes =
      try self.letterSettings.map { try LetterSettingsFile.load(path: $0) } ?? .defaults
    var configuration = GRPCServerConfiguration()
    configuration.host = self.host
    configuration.port = self.port
    configuration.maxReceiveMessageSize = self.maxMessageSize
    if let eventLoops { configuration.eventLoopCount = eventLoops }

    let store = SnapshotStore()
    var services: [any Service] = []
    var reloader: SnapshotReloader?
    if let path = self.snapshot ?? self.snapshotDir {
      let source: SnapshotReloader.Source = self.snapshot != nil ? .file(path) : .directory(path)
      let snapshotReloader = SnapshotReloader(
        store: store,
        source: source,
        pollInterval: .seconds(self.pollInterval),
        loadMode: self.snapshotLoad.mode,
        logger: logger
      )
      if await !snapshotReloader.loadInitial() {
        logger.warning(
          "no valid snapshot yet: NOT_SERVING until one appears",
          metadata: ["source": "\(path)"]
        )
      }
      reloader = snapshotReloader
      services.append(snapshotReloader)
    } else {
      let demo = try SyntheticShop.demoSnapshot()
      store.replace(with: demo, path: "")
      logger.info(
        "serving the built-in demo shop",
        metadata: ["version": "\(demo.version)", "products": "\(demo.catalog.count)"]
      )
    }
    let server = ShopRecServer(
      configuration: configuration,
      store: store,
      reloader: reloader,
      letterRecipes: letterRecipes,
      logger: logger
    )
    let group = ServiceGroup(
      configuration: ServiceGroupConfiguration(
        services: [.init(service: server)] + services.map { .init(service: $0) },
        gracefulShutdownSignals: [.sigterm, .sigint],
        logger: logger
      )
    )
    try await group.run()
  }
}

/// `--snapshot-load`: the values of ``SnapshotLoadMode``.
enum SnapshotLoadArgument: String, ExpressibleByArgument, CaseIterable {
  case map
  case copy

  var mode: SnapshotLoadMode { self == .map ? .map : .copy }
}
