import Benchmark
import Foundation
import ShopRecCore
import ShopRecIngestion

/// Snapshot load and build, on synthetic shops.
///
/// - `SHOPREC_BENCH_LOAD_SNAPSHOT`: a snapshot file to load (default: a synthetic 100k-product
///   shop written to the temporary directory on first use).
/// - `SHOPREC_BENCH_BUILD_LINES` (default 1,000,000): order lines of the build benchmark.
let benchmarks: @Sendable () -> Void = {
  let environment = ProcessInfo.processInfo.environment
  let loadPath: String = {
    if let given = environment["SHOPREC_BENCH_LOAD_SNAPSHOT"] { return given }
    let path = NSTemporaryDirectory() + "/shoprec-bench-load-100000.shoprec"
    if (try? SnapshotFileReader.readMetadata(path: path)) == nil {
      let shop = SyntheticShop(
        config: SyntheticShopConfig(productCount: 100_000, orderLineCount: 1_000_000, seed: 5)
      )
      let snapshot = try! SnapshotBuilder().build(
        catalogs: [shop.catalogInput()],
        orders: shop.orderLog()
      ).snapshot
      try! SnapshotFileWriter.write(snapshot, to: path)
    }
    return path
  }()

  Benchmark(
    "Snapshot.Load",
    configuration: .init(
      metrics: [.wallClock, .cpuTotal, .peakMemoryResident],
      timeUnits: .milliseconds,
      maxDuration: .seconds(10),
      maxIterations: 5,
      thresholds: [
        .wallClock: .init(relative: [.p90: 100]),
        .cpuTotal: .init(relative: [.p90: 100]),
        .peakMemoryResident: .init(relative: [.p90: 25]),
      ]
    )
  ) { benchmark in
    let snapshot = try! SnapshotFileReader.load(path: loadPath)
    blackHole(snapshot.catalog.count)
  }

  let lines = Int(environment["SHOPREC_BENCH_BUILD_LINES"] ?? "") ?? 1_000_000
  let shop = SyntheticShop(
    config: SyntheticShopConfig(
      productCount: max(1_000, lines / 20),
      orderLineCount: lines,
      seed: 3
    )
  )
  let catalog = shop.catalogInput()
  let orders = shop.orderLog()
  Benchmark(
    "Snapshot.Build",
    configuration: .init(
      metrics: [.wallClock, .cpuTotal, .peakMemoryResident],
      timeUnits: .milliseconds,
      maxDuration: .seconds(60),
      maxIterations: 3,
      thresholds: [
        .wallClock: .init(relative: [.p90: 100]),
        .cpuTotal: .init(relative: [.p90: 100]),
        .peakMemoryResident: .init(relative: [.p90: 25]),
      ]
    )
  ) { benchmark in
    let result = try! SnapshotBuilder().build(catalogs: [catalog], orders: orders)
    blackHole(result.snapshot.catalog.count)
  }
}
