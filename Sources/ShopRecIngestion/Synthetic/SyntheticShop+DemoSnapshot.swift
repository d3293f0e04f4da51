public import ShopRecCore

extension SyntheticShop {
  /// The built-in demo shop as a snapshot, generated in memory: what `shoprec serve` serves
  /// without arguments, and what tests with an independent client query.
  ///
  /// Deterministic: it is built "at" the end of the demo's history, so the version is the same
  /// on every start.
  public static func demoSnapshot() throws(SnapshotBuildError) -> Snapshot {
    let shop = SyntheticShop.demo()
    var options = SnapshotBuildOptions()
    options.builtAt = shop.config.endTime
    return try SnapshotBuilder(options: options).build(
      catalogs: [shop.catalogInput()],
      orders: shop.orderLog(),
      sources: []
    ).snapshot
  }
}
