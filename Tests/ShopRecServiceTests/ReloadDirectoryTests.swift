import Foundation
import GRPCNGHTTP2
import Logging
import ShopRecAPI
import ShopRecCore
import ShopRecIngestion
import Testing

@testable import ShopRecService

/// ``SnapshotReloader`` over a snapshot directory: the newest valid file serves, newer files are
/// picked up, damaged ones are rejected with a logged reason while the old snapshot keeps
/// serving.
@Suite("Snapshot reload from a directory")
struct ReloadDirectoryTests {
  /// The lamp shop built on day `day` after the default build time: another version each day.
  static func snapshot(day: Int64) throws -> Snapshot {
    try ServiceCatalog.snapshot(builtAt: ServiceCatalog.builtAt + day * 86_400)
  }

  static func reloader(
    _ directory: ServiceSnapshotDirectory,
    store: SnapshotStore,
    logs: ServiceLogCapture = ServiceLogCapture()
  ) -> SnapshotReloader {
    SnapshotReloader(
      store: store,
      source: .directory(directory.path),
      pollInterval: .seconds(3600),
      logger: logs.logger
    )
  }

  /// The kinds of damage a snapshot file is rejected for.
  enum Damage: String, CaseIterable, CustomTestStringConvertible {
    case flippedByte, truncated, newerFormatVersion

    var testDescription: String { self.rawValue }

    func apply(to bytes: [UInt8]) -> [UInt8] {
      switch self {
      case .flippedByte: ServiceSnapshotDirectory.flippingAByte(bytes).bytes
      case .truncated: ServiceSnapshotDirectory.truncated(bytes)
      case .newerFormatVersion:
        ServiceSnapshotDirectory.withFormatVersion(SnapshotFileFormat.version + 1, bytes)
      }
    }

    /// A word the rejection reason must contain.
    var keyword: String {
      switch self {
      case .flippedByte: "checksum"
      case .truncated: "truncated"
      case .newerFormatVersion: "version"
      }
    }
  }

  @Test("the newest valid file serves; a newer damaged one is skipped and logged")
  func newestValid() async throws {
    let directory = try ServiceSnapshotDirectory()
    let old = try Self.snapshot(day: 1)
    let newest = try Self.snapshot(day: 2)
    try directory.write(old, as: "a-old.shoprec", modified: 1_000)
    let newestPath = try directory.write(newest, as: "b-newest.shoprec", modified: 2_000)
    let broken = Damage.flippedByte.apply(to: try ServiceSnapshotDirectory.bytes(of: old))
    try directory.write(bytes: broken, as: "c-broken.shoprec", modified: 3_000)
    try directory.write(bytes: [1, 2, 3], as: "ignored.txt", modified: 4_000)
    let store = SnapshotStore()
    let logs = ServiceLogCapture()
    #expect(await Self.reloader(directory, store: store, logs: logs).loadInitial())
    #expect(store.current?.version == newest.version)
    #expect(store.currentEntry?.path == newestPath)
    let rejections = logs.records(.error, "snapshot rejected; the current one keeps serving")
    #expect(rejections.count == 1)
    #expect(rejections.first?.metadata["path"]?.hasSuffix("c-broken.shoprec") == true)
    #expect(rejections.first?.metadata["reason"]?.contains("checksum") == true)
  }

  @Test("a newer file is picked up by reload(path: \"\"); reloading again changes nothing")
  func newerFile() async throws {
    let directory = try ServiceSnapshotDirectory()
    let first = try Self.snapshot(day: 1)
    let second = try Self.snapshot(day: 2)
    try directory.write(first, as: "first.shoprec", modified: 1_000)
    let store = SnapshotStore()
    let reloader = Self.reloader(directory, store: store)
    #expect(await reloader.loadInitial())
    #expect(store.current?.version == first.version)
    let unchanged = try await reloader.reload(path: "")
    #expect(unchanged == (false, first.version, first.version))
    try directory.write(second, as: "second.shoprec", modified: 2_000)
    let outcome = try await reloader.reload(path: "")
    #expect(outcome == (true, first.version, second.version))
    #expect(store.current?.version == second.version)
    let again = try await reloader.reload(path: "")
    #expect(again == (false, second.version, second.version))
    // A file named explicitly is loaded even when it is older.
    let back = try await reloader.reload(path: directory.file("first.shoprec"))
    #expect(back == (true, second.version, first.version))
  }

  @Test(
    "damaged files are rejected with a logged reason; the old snapshot keeps serving",
    arguments: Damage.allCases
  )
  func damaged(_ damage: Damage) async throws {
    let directory = try ServiceSnapshotDirectory()
    let good = try Self.snapshot(day: 1)
    try directory.write(good, as: "good.shoprec", modified: 1_000)
    let store = SnapshotStore()
    let logs = ServiceLogCapture()
    let reloader = Self.reloader(directory, store: store, logs: logs)
    #expect(await reloader.loadInitial())
    let running = try await ServiceTestServer.start(store: store, reloader: reloader)
    let client = try running.client()

    let bytes = damage.apply(to: try ServiceSnapshotDirectory.bytes(of: try Self.snapshot(day: 2)))
    let damagedPath = try directory.write(bytes: bytes, as: "newer.shoprec", modified: 2_000)
    // Asked to reload the directory: the newer file is rejected, with its reason.
    for _ in 0 ..< 2 {
      let error = await #expect(throws: ServiceError.self) { try await reloader.reload(path: "") }
      #expect(error?.grpcStatus.code == .failedPrecondition)
      #expect(error?.grpcStatus.message.contains(damage.keyword) == true)
      #expect(error?.grpcStatus.message.contains(good.version) == true, "names what keeps serving")
    }
    let rejections = logs.records(.error, "snapshot rejected; the current one keeps serving")
    #expect(rejections.count == 1, "logged once per file version")
    #expect(rejections.first?.metadata["path"] == damagedPath)
    #expect(rejections.first?.metadata["reason"]?.contains(damage.keyword) == true)
    #expect(rejections.first?.metadata["serving"] == good.version)

    // The same through the Reload RPC, for the directory and for the file by name.
    for path in ["", damagedPath] {
      let reload = try await client.unary(
        ServicePath.reload,
        Shoprec_V1_ReloadRequest.with { $0.path = path },
        as: Shoprec_V1_ReloadResponse.self
      )
      #expect(reload.code == .failedPrecondition, "path '\(path)'")
      #expect(reload.message.contains(damage.keyword))
    }
    // Still answering from the good snapshot.
    #expect(store.current?.version == good.version)
    let similar = try await client.unary(
      ServicePath.similar,
      Shoprec_V1_SimilarRequest.with { $0.productID = "L1" },
      as: Shoprec_V1_RecommendResponse.self
    )
    #expect(similar.isOK)
    #expect(similar.response?.snapshotVersion == good.version)
    let health = try await client.unary(
      ServicePath.healthCheck,
      Grpc_Health_V1_HealthCheckRequest(),
      as: Grpc_Health_V1_HealthCheckResponse.self
    )
    #expect(health.response?.status == .serving)
    try await running.stop()
  }

  @Test("a rejected file is not read again until it changes")
  func rejectedNotReread() async throws {
    let directory = try ServiceSnapshotDirectory()
    try directory.write(try Self.snapshot(day: 1), as: "good.shoprec", modified: 1_000)
    let store = SnapshotStore()
    let reloader = Self.reloader(directory, store: store)
    #expect(await reloader.loadInitial())
    #expect(reloader.filesRead == 1)
    let newer = try Self.snapshot(day: 2)
    let bytes = try ServiceSnapshotDirectory.bytes(of: newer)
    try directory.write(
      bytes: ServiceSnapshotDirectory.truncated(bytes),
      as: "new.shoprec",
      modified: 2_000
    )
    for _ in 0 ..< 3 { _ = try? await reloader.reload(path: "") }
    #expect(reloader.filesRead == 2, "read once, then remembered as rejected")
    #expect(store.current?.version != newer.version)
    // The writer finishes the file: it changed on disk, so it is read and swapped in.
    try directory.write(bytes: bytes, as: "new.shoprec", modified: 3_000)
    let outcome = try await reloader.reload(path: "")
    #expect(outcome.changed)
    #expect(store.current?.version == newer.version)
    #expect(reloader.filesRead == 3)
  }

  @Test("an empty directory leaves the server NOT_SERVING until a snapshot appears")
  func emptyDirectory() async throws {
    let directory = try ServiceSnapshotDirectory()
    let store = SnapshotStore()
    let reloader = Self.reloader(directory, store: store)
    #expect(await reloader.loadInitial() == false)
    #expect(store.current == nil)
    let running = try await ServiceTestServer.start(store: store, reloader: reloader)
    let client = try running.client()
    let check = try await client.unary(
      ServicePath.healthCheck,
      Grpc_Health_V1_HealthCheckRequest(),
      as: Grpc_Health_V1_HealthCheckResponse.self
    )
    #expect(check.response?.status == .notServing)
    let similar = try await client.unary(
      ServicePath.similar,
      Shoprec_V1_SimilarRequest.with { $0.productID = "L1" },
      as: Shoprec_V1_RecommendResponse.self
    )
    #expect(similar.code == .unavailable)
    let nothing = try await client.unary(
      ServicePath.reload,
      Shoprec_V1_ReloadRequest(),
      as: Shoprec_V1_ReloadResponse.self
    )
    #expect(nothing.code == .failedPrecondition)

    let snapshot = try Self.snapshot(day: 1)
    try directory.write(snapshot, as: "first.shoprec", modified: 1_000)
    let reload = try await client.unary(
      ServicePath.reload,
      Shoprec_V1_ReloadRequest(),
      as: Shoprec_V1_ReloadResponse.self
    )
    #expect(reload.response?.changed == true)
    #expect(reload.response?.previousVersion == "")
    #expect(reload.response?.snapshotVersion == snapshot.version)
    let after = try await client.unary(
      ServicePath.healthCheck,
      Grpc_Health_V1_HealthCheckRequest(),
      as: Grpc_Health_V1_HealthCheckResponse.self
    )
    #expect(after.response?.status == .serving)
    try await running.stop()
  }

  @Test("the Reload RPC swaps in a newer file, or a file named by path")
  func reloadRPC() async throws {
    let directory = try ServiceSnapshotDirectory()
    let first = try Self.snapshot(day: 1)
    let second = try Self.snapshot(day: 2)
    let firstPath = try directory.write(first, as: "first.shoprec", modified: 1_000)
    let store = SnapshotStore()
    let reloader = Self.reloader(directory, store: store)
    #expect(await reloader.loadInitial())
    let running = try await ServiceTestServer.start(store: store, reloader: reloader)
    let client = try running.client()
    func reload(_ path: String) async throws -> ServiceCallResult<Shoprec_V1_ReloadResponse> {
      try await client.unary(ServicePath.reload, Shoprec_V1_ReloadRequest.with { $0.path = path })
    }
    func response(_ result: ServiceCallResult<Shoprec_V1_ReloadResponse>) -> [String]? {
      result.response.map { ["\($0.changed)", $0.previousVersion, $0.snapshotVersion] }
    }
    #expect(try await response(reload("")) == ["false", first.version, first.version])
    try directory.write(second, as: "second.shoprec", modified: 2_000)
    #expect(try await response(reload("")) == ["true", first.version, second.version])
    let info = try await client.unary(
      ServicePath.info,
      Shoprec_V1_InfoRequest(),
      as: Shoprec_V1_SnapshotInfo.self
    )
    #expect(info.response?.version == second.version)
    #expect(info.response?.path == directory.file("second.shoprec"))
    #expect(try await response(reload(firstPath)) == ["true", second.version, first.version])
    let missing = try await reload(directory.file("missing.shoprec"))
    #expect(missing.code == .failedPrecondition)
    #expect(missing.message.contains("missing.shoprec"))
    #expect(store.current?.version == first.version)
    try await running.stop()
  }

  @Test("a single-file source: a rewritten file is picked up, a damaged rewrite refused")
  func singleFile() async throws {
    let directory = try ServiceSnapshotDirectory()
    let first = try Self.snapshot(day: 1)
    let second = try Self.snapshot(day: 2)
    let path = try directory.write(first, as: "shop.shoprec", modified: 1_000)
    let store = SnapshotStore()
    let reloader = SnapshotReloader(
      store: store,
      source: .file(path),
      pollInterval: .seconds(3600),
      logger: ServiceLogCapture().logger
    )
    #expect(await reloader.loadInitial())
    #expect(try await reloader.reload(path: "") == (false, first.version, first.version))
    try directory.write(second, as: "shop.shoprec", modified: 2_000)
    #expect(try await reloader.reload(path: "") == (true, first.version, second.version))
    let damaged = ServiceSnapshotDirectory.truncated(try ServiceSnapshotDirectory.bytes(of: first))
    try directory.write(bytes: damaged, as: "shop.shoprec", modified: 3_000)
    let error = await #expect(throws: ServiceError.self) { try await reloader.reload(path: "") }
    #expect(error?.grpcStatus.message.contains("truncated") == true)
    #expect(store.current?.version == second.version)
  }
}
