import ShopRecCore
import ShopRecIngestion

/// The built-in demo shop as a snapshot, generated in memory (deterministic).
enum DemoSnapshot {
  static func build() throws -> Snapshot {
    let shop = SyntheticShop.demo()
    let result = try SnapshotBuilder().build(
      catalogs: [shop.catalogInput()],
      orders: shop.orderLog(),
      sources: []
    )
    return result.snapshot
  }
}
