import GRPCNGHTTP2
import ShopRecAPI
import ShopRecService
import Testing

/// `shoprec.v1.Snapshots/Info` and the Reload RPC's refusals.
@Suite("Snapshots over gRPC")
struct ServiceSnapshotsTests {
  @Test("Info describes the serving snapshot: version, build time, path and counts")
  func info() async throws {
    let snapshot = try ServiceCatalog.snapshot()
    let store = SnapshotStore(snapshot: snapshot, path: "/srv/shop.shoprec")
    let running = try await ServiceTestServer.start(store: store)
    let result = try await running.client().unary(
      ServicePath.info,
      Shoprec_V1_InfoRequest(),
      as: Shoprec_V1_SnapshotInfo.self
    )
    let info = try #require(result.response)
    #expect(info.version == snapshot.version)
    #expect(info.builtAt.seconds == ServiceCatalog.builtAt)
    #expect(info.path == "/srv/shop.shoprec")
    let counts = info.counts
    #expect(counts.products == 10)
    #expect(counts.inStock == 8, "all but L4 and the discontinued Lold")
    #expect(counts.onSale == 3, "L3, B2 and S1; S2's sale is over")
    #expect(counts.categories == 4)
    #expect(counts.brands == 2)
    #expect(counts.itemGroups == 1)
    #expect(counts.orders == 5)
    #expect(counts.orderLines == 8)
    #expect(counts.customers == 5)
    #expect(counts.coPurchasePairs == 4, "L1–S1 and L2–B2, each stored both ways")
    try await running.stop()
  }

  @Test("Info follows a swap; the version it names is the one recommendations name")
  func infoAfterSwap() async throws {
    let first = try ServiceCatalog.snapshot()
    let second = try ServiceCatalog.snapshot(builtAt: ServiceCatalog.builtAt + 86_400)
    #expect(first.version != second.version)
    let store = SnapshotStore(snapshot: first)
    let running = try await ServiceTestServer.start(store: store)
    let client = try running.client()
    func version() async throws -> (info: String?, similar: String?) {
      let info = try await client.unary(
        ServicePath.info,
        Shoprec_V1_InfoRequest(),
        as: Shoprec_V1_SnapshotInfo.self
      )
      let similar = try await client.unary(
        ServicePath.similar,
        Shoprec_V1_SimilarRequest.with { $0.productID = "L1" },
        as: Shoprec_V1_RecommendResponse.self
      )
      return (info.response?.version, similar.response?.snapshotVersion)
    }
    #expect(try await version() == (first.version, first.version))
    store.replace(with: second, path: "")
    #expect(try await version() == (second.version, second.version))
    try await running.stop()
  }

  @Test("Info before any snapshot is UNAVAILABLE; Reload without a reloader FAILED_PRECONDITION")
  func refusals() async throws {
    let running = try await ServiceTestServer.start(store: SnapshotStore())
    let client = try running.client()
    let info = try await client.unary(
      ServicePath.info,
      Shoprec_V1_InfoRequest(),
      as: Shoprec_V1_SnapshotInfo.self
    )
    #expect(info.code == .unavailable)
    let reload = try await client.unary(
      ServicePath.reload,
      Shoprec_V1_ReloadRequest(),
      as: Shoprec_V1_ReloadResponse.self
    )
    #expect(reload.code == .failedPrecondition)
    #expect(reload.message.contains("--snapshot-dir"))
    try await running.stop()
  }
}
