import Foundation
import ShopRecCore
import ShopRecIngestion

/// The snapshot the benchmarks query: a synthetic shop whose size comes from the environment,
/// cached as a snapshot file in the system's temporary directory so later runs only load it.
///
/// - `SHOPREC_BENCH_PRODUCTS` (default 100,000) and `SHOPREC_BENCH_ORDER_LINES` (default 1,000,000)
/// - `SHOPREC_BENCH_SNAPSHOT`: load this snapshot file instead (e.g. the 1M-product shop)
enum BenchmarkShop {
  static let productCount =
    Int(ProcessInfo.processInfo.environment["SHOPREC_BENCH_PRODUCTS"] ?? "") ?? 100_000
  static let orderLineCount =
    Int(ProcessInfo.processInfo.environment["SHOPREC_BENCH_ORDER_LINES"] ?? "") ?? 1_000_000

  /// The snapshot file: given, or the cached synthetic one (built on first use).
  static let path: String = {
    if let given = ProcessInfo.processInfo.environment["SHOPREC_BENCH_SNAPSHOT"] { return given }
    let path = NSTemporaryDirectory() + "/shoprec-bench-\(productCount)-\(orderLineCount).shoprec"
    if (try? SnapshotFileReader.readMetadata(path: path)) != nil { return path }
    let shop = SyntheticShop(
      config: SyntheticShopConfig(
        productCount: productCount,
        orderLineCount: orderLineCount,
        seed: 11
      )
    )
    var options = SnapshotBuildOptions()
    options.builtAt = shop.config.endTime
    let result = try! SnapshotBuilder(options: options).build(
      catalogs: [shop.catalogInput()],
      orders: shop.orderLog()
    )
    try! SnapshotFileWriter.write(result.snapshot, to: path)
    return path
  }()

  static let snapshot: Snapshot = try! SnapshotFileReader.load(path: path)

  /// How many sampled products the queries cycle through (a power of two).
  static let sampleCount = 1 << 18

  /// ``sampleCount`` product positions drawn evenly at random. So many that the memory the
  /// queries touch (lists, candidates' facts, answers' records) is far larger than the caches,
  /// as on a server whose requests ask about any of a million products: each query pays its
  /// cache misses, as it does in production.
  static let sampleProducts: [ProductIndex] = {
    var generator = SplitMix64(seed: 99)
    let count = snapshot.catalog.count
    return (0 ..< sampleCount).map { _ in ProductIndex(Int(generator.next() % UInt64(count))) }
  }()

  /// A moment inside the shop's history (so sales are current).
  static var now: Int64 { snapshot.metadata.builtAt - 86_400 * 30 }
}
