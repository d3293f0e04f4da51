import GRPCTestClient
import Foundation
import GRPCNGHTTP2
import ShopRecAPI
import ShopRecCore
import ShopRecService
import Testing

/// After a swap, the old snapshot is freed once the requests holding it are done: nothing in
/// the service (scratch memory, handlers, health, the reloader) keeps it alive.
@Suite("Old snapshots are released")
struct ReloadMemoryTests {
  /// One call of each Recommendations method plus Info, on `client`; returns the versions named.
  static func exercise(_ client: TestHTTP2Client) async throws -> Set<String> {
    var versions: Set<String> = []
    let similar = try await client.unary(
      ServicePath.similar,
      Shoprec_V1_SimilarRequest.with { $0.productID = "L1" },
      as: Shoprec_V1_RecommendResponse.self
    )
    let onSale = try await client.unary(
      ServicePath.onSale,
      Shoprec_V1_OnSaleRequest.with { $0.categoryID = "home" },
      as: Shoprec_V1_RecommendResponse.self
    )
    let accessories = try await client.unary(
      ServicePath.accessories,
      Shoprec_V1_AccessoriesRequest.with {
        $0.productID = "L1"
        $0.customerID = "A"
      },
      as: Shoprec_V1_RecommendResponse.self
    )
    let replacements = try await client.unary(
      ServicePath.replacements,
      Shoprec_V1_ReplacementsRequest.with { $0.productID = "Lold" },
      as: Shoprec_V1_RecommendResponse.self
    )
    let together = try await client.unary(
      ServicePath.boughtTogether,
      Shoprec_V1_BoughtTogetherRequest.with { $0.productIds = ["L1", "L2"] },
      as: Shoprec_V1_RecommendResponse.self
    )
    for result in [similar, onSale, accessories, replacements, together] {
      #expect(result.isOK, "\(result.message)")
      versions.insert(result.response?.snapshotVersion ?? "")
    }
    let info = try await client.unary(
      ServicePath.info,
      Shoprec_V1_InfoRequest(),
      as: Shoprec_V1_SnapshotInfo.self
    )
    versions.insert(info.response?.version ?? "")
    return versions
  }

  /// Makes requests on every client until `condition` holds; false after `attempts` rounds.
  static func poll(
    _ clients: [TestHTTP2Client],
    attempts: Int = 50,
    until condition: () -> Bool
  ) async throws -> Bool {
    for _ in 0 ..< attempts {
      if condition() { return true }
      for client in clients { _ = try await Self.exercise(client) }
      await Task.yield()
    }
    return condition()
  }

  @Test("a swapped-out snapshot is freed after the last request holding it completes")
  func releasedAfterSwap() async throws {
    let store = SnapshotStore()
    weak var old: Snapshot?
    let oldVersion: String
    do {
      let snapshot = try ServiceCatalog.snapshot()
      old = snapshot
      oldVersion = snapshot.version
      store.replace(with: snapshot, path: "")
    }
    // Two event loops and four connections, so every loop's scratch memory has served `old`.
    let running = try await ServiceTestServer.start(store: store, eventLoops: 2)
    let clients = try (0 ..< 4).map { _ in try running.client() }
    for client in clients { #expect(try await Self.exercise(client) == [oldVersion]) }

    // A request still in flight holds what it took from the store.
    var inFlight: SnapshotStore.Entry? = store.currentEntry
    let new = try ServiceCatalog.snapshot(builtAt: ServiceCatalog.builtAt + 86_400)
    store.replace(with: new, path: "")
    for client in clients { #expect(try await Self.exercise(client) == [new.version]) }
    #expect(old != nil, "alive while a request holds it")
    #expect(inFlight?.snapshot.version == oldVersion)

    inFlight = nil
    let released = try await Self.poll(clients) { old == nil }
    #expect(released, "the old snapshot is still referenced after its last request")
    #expect(store.current === new)
    try await running.stop()
  }

  @Test("a snapshot the reloader swapped out is freed too")
  func releasedAfterReload() async throws {
    let directory = try ServiceSnapshotDirectory()
    let first = try ServiceCatalog.snapshot()
    let second = try ServiceCatalog.snapshot(builtAt: ServiceCatalog.builtAt + 86_400)
    try directory.write(first, as: "first.shoprec", modified: 1_000)
    let store = SnapshotStore()
    let reloader = SnapshotReloader(
      store: store,
      source: .directory(directory.path),
      pollInterval: .seconds(3600),
      logger: ServiceLogCapture().logger
    )
    #expect(await reloader.loadInitial())
    weak var loaded: Snapshot? = store.current
    #expect(loaded != nil)
    let running = try await ServiceTestServer.start(store: store, reloader: reloader, eventLoops: 2)
    let clients = try (0 ..< 2).map { _ in try running.client() }
    for client in clients { #expect(try await Self.exercise(client) == [first.version]) }

    try directory.write(second, as: "second.shoprec", modified: 2_000)
    let reload = try await clients[0].unary(
      ServicePath.reload,
      Shoprec_V1_ReloadRequest(),
      as: Shoprec_V1_ReloadResponse.self
    )
    #expect(reload.response?.snapshotVersion == second.version)
    for client in clients { #expect(try await Self.exercise(client) == [second.version]) }
    let released = try await Self.poll(clients) { loaded == nil }
    #expect(released, "the reloaded-away snapshot is still referenced")
    try await running.stop()
  }
}
