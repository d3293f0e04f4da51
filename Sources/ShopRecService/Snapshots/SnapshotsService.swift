public import GRPCNGHTTP2
public import ShopRecAPI
public import ShopRecCore
import SwiftProtobuf

/// Loads and swaps in snapshots on request (implemented by the reload component).
public protocol SnapshotReloading: Sendable {
  /// Loads `path` (or the newest valid snapshot of the snapshot directory when empty), verifies
  /// it and swaps it in. Returns (changed, previous version, new version). Throws a
  /// ``ServiceError`` explaining why a file was rejected; the old snapshot keeps serving.
  func reload(path: String) async throws -> (changed: Bool, previous: String, current: String)
}

/// `shoprec.v1.Snapshots`: what is serving, and reloading it.
public struct SnapshotsService: Sendable {
  /// The service's full name.
  public static let name = "shoprec.v1.Snapshots"

  let store: SnapshotStore
  let reloader: (any SnapshotReloading)?

  /// A service describing `store`'s snapshot; `Reload` needs a `reloader`.
  public init(store: SnapshotStore, reloader: (any SnapshotReloading)?) {
    self.store = store
    self.reloader = reloader
  }

  /// The methods to register with the server.
  public var methods: [GRPCMethod] {
    [
      ProtobufMethods.unary(service: Self.name, method: "Info") {
        (_: Shoprec_V1_InfoRequest) throws -> Shoprec_V1_SnapshotInfo in
        guard let entry = self.store.currentEntry else {
          throw ServiceError.unavailable("no snapshot loaded yet")
        }
        return SnapshotInfoEncoding.info(
          entry.snapshot,
          path: entry.path,
          now: RequestResolution.now()
        )
      },
      ProtobufMethods.asyncUnary(service: Self.name, method: "Reload") {
        (request: Shoprec_V1_ReloadRequest) async throws -> Shoprec_V1_ReloadResponse in
        guard let reloader = self.reloader else {
          throw ServiceError.failedPrecondition(
            "this server serves a built-in snapshot; start it with --snapshot-dir to reload"
          )
        }
        let outcome = try await reloader.reload(path: request.path)
        var response = Shoprec_V1_ReloadResponse()
        response.changed = outcome.changed
        response.previousVersion = outcome.previous
        response.snapshotVersion = outcome.current
        return response
      },
    ]
  }
}

/// Describes a snapshot for `Info` (and the CLI).
public enum SnapshotInfoEncoding {
  /// The API description of `snapshot`.
  public static func info(_ snapshot: Snapshot, path: String, now: Int64) -> Shoprec_V1_SnapshotInfo
  {
    let metadata = snapshot.metadata
    var info = Shoprec_V1_SnapshotInfo()
    info.version = metadata.version
    info.builtAt = Google_Protobuf_Timestamp(seconds: metadata.builtAt, nanos: 0)
    info.path = path
    info.sources = metadata.sources.map { source in
      var file = Shoprec_V1_SourceFile()
      file.path = source.path
      file.format = source.format
      file.bytes = source.bytes
      file.checksum = source.checksum
      file.records = Int64(source.records)
      file.rejected = Int64(source.rejected)
      return file
    }
    info.skipped = metadata.skipped.map { skipped in
      var entry = Shoprec_V1_SkippedRecords()
      entry.file = skipped.file
      entry.field = skipped.field
      entry.reason = skipped.reason
      entry.count = Int64(skipped.count)
      entry.examples = skipped.examples
      return entry
    }
    let catalog = snapshot.catalog
    var counts = Shoprec_V1_SnapshotCounts()
    counts.products = Int64(catalog.count)
    counts.inStock = Int64((0 ..< catalog.count).lazy.filter { catalog.isInStock($0) }.count)
    counts.onSale = Int64((0 ..< catalog.count).lazy.filter { catalog.isOnSale($0, at: now) }.count)
    counts.categories = Int64(snapshot.categories.count)
    counts.brands = Int64(catalog.brands.count)
    counts.itemGroups = Int64(catalog.groupIDs.count)
    counts.orders = Int64(snapshot.orders.orderCount)
    counts.orderLines = Int64(snapshot.orders.orderLines.values.count)
    counts.customers = Int64(snapshot.orders.customerIDs.count)
    counts.coPurchasePairs = Int64(snapshot.coPurchase.together.entryCount)
    info.counts = counts
    return info
  }
}
