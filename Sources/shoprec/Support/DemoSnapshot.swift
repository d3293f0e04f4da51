import ShopRecCore
import ShopRecIngestion

/// The built-in demo shop as a snapshot, generated in memory (deterministic).
enum DemoSnapshot {
  static func build() throws -> Snapshot {
    let shop = SyntheticShop.demo()
    // Built "at" the end of the demo's history, so the version is the same on every start.
    var options = SnapshotBuildOptions()
    options.builtAt = shop.config.endTime
    let result = try SnapshotBuilder(options: options).build(
      catalogs: [shop.catalogInput()],
      orders: shop.orderLog(),
      sources: []
    )
    return result.snapshot
  }
}
