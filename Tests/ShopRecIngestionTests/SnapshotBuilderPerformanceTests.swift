import Foundation
import ShopRecCore
import ShopRecIngestion
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Build throughput on a synthetic history. Off by default: run in release with
/// `SHOPREC_BUILD_PERF_LINES=1000000 swift test -c release --filter SnapshotBuilderPerformance`.
/// Prints figures; asserts only correctness (no timing assertions).
@Suite struct SnapshotBuilderPerformanceTests {
  static let lines = Int(String(cString: getenv("SHOPREC_BUILD_PERF_LINES") ?? strdup("0")!)) ?? 0

  @Test(.enabled(if: lines > 0, "set SHOPREC_BUILD_PERF_LINES to run"))
  func syntheticBuild() throws {
    let lineCount = Self.lines
    let productCount = max(1000, lineCount / 20)
    var generator = SplitMix64(seed: 42)
    let catalog = SyntheticHistory.catalog(productCount: productCount, generator: &generator)
    let orders = SyntheticHistory.orders(
      lineCount: lineCount,
      productCount: productCount,
      generator: &generator
    )
    let clock = ContinuousClock()
    var options = SnapshotBuildOptions()
    options.builtAt = 0
    var result: SnapshotBuildResult?
    let elapsed = try clock.measure {
      result = try SnapshotBuilder(options: options).build(catalogs: [catalog], orders: orders)
    }
    let built = try #require(result)
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    print(
      "build: \(lineCount) lines, \(productCount) products, \(orders.orderCount) orders: \(seconds) s, \(Int(Double(lineCount) / seconds)) lines/s"
    )
    for phase in BuildProgress.Phase.allCases {
      if let d = built.summary.phaseDurations[phase] { print("  \(phase.rawValue): \(d)") }
    }
    print(
      "  together pairs \(built.summary.togetherPairs), later pairs \(built.summary.laterPairs)"
    )
    let checkTime = try clock.measure { try built.snapshot.checkInvariants() }
    print("  checkInvariants: \(checkTime)")
    #expect(built.snapshot.catalog.count == productCount)
  }

  static let inputDirectory = getenv("SHOPREC_BUILD_PERF_INPUT").map { String(cString: $0) }

  /// Process CPU time (all threads), in seconds.
  static func cpuSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }

  /// Reads and builds the files `shoprec generate` wrote (categories, products, links, orders
  /// CSV) like `shoprec build` does, without writing, printing wall and CPU time per step.
  /// Off by default: `SHOPREC_BUILD_PERF_INPUT=/tmp/big swift test -c release
  /// -Xswiftc -enable-testing --filter SnapshotBuilderPerformance`.
  @Test(.enabled(if: inputDirectory != nil, "set SHOPREC_BUILD_PERF_INPUT to run"))
  func buildGeneratedFiles() throws {
    let directory = try #require(Self.inputDirectory)
    let clock = ContinuousClock()
    var wallStart = clock.now
    var cpuStart = Self.cpuSeconds()
    func lap(_ what: String) {
      let wall = clock.now - wallStart
      let cpu = Self.cpuSeconds() - cpuStart
      print("  \(what): \(wall), cpu \((cpu * 100).rounded() / 100) s")
      wallStart = clock.now
      cpuStart = Self.cpuSeconds()
    }
    var catalog = CatalogInput()
    for name in ["categories", "products", "links"] {
      _ = try CatalogFeedReader.read(path: "\(directory)/\(name).csv", into: &catalog)
      lap("read \(name).csv")
    }
    var orders = OrderLog()
    try OrdersCSVReader.read(path: "\(directory)/orders.csv", into: &orders)
    lap("read orders.csv (\(orders.lineCount) lines)")
    if getenv("SHOPREC_BUILD_PERF_READ_ONLY") != nil { return }
    var options = SnapshotBuildOptions()
    options.builtAt = 0
    var current: BuildProgress.Phase?
    let result = try SnapshotBuilder(options: options).build(
      catalogs: [catalog],
      orders: orders
    ) { event in
      if event.phase != current {
        if let current { lap("\(current.rawValue)") }
        current = event.phase
      }
    }
    lap("finishing")
    print("  \(result.summary.orderLines) order lines, \(result.summary.products) products")
    #expect(result.summary.orderLines > 0)
  }

  static let snapshotPath = getenv("SHOPREC_BUILD_PERF_SNAPSHOT").map { String(cString: $0) }

  /// Re-derives the co-purchase matrix, category lists and precomputed lists of a stored
  /// snapshot (e.g. the 1M-product one `shoprec build` wrote), times each phase without
  /// parsing, and checks the results equal the stored ones. Off by default: run with
  /// `SHOPREC_BUILD_PERF_SNAPSHOT=/tmp/big/shop.shoprec swift test -c release
  /// -Xswiftc -enable-testing --filter SnapshotBuilderPerformance`.
  @Test(.enabled(if: snapshotPath != nil, "set SHOPREC_BUILD_PERF_SNAPSHOT to run"))
  func rederiveStoredSnapshot() throws {
    let path = try #require(Self.snapshotPath)
    let clock = ContinuousClock()
    var stored: Snapshot?
    let loadTime = try clock.measure { stored = try SnapshotFileReader.load(path: path) }
    let snapshot = try #require(stored)
    print("loaded \(path) in \(loadTime)")
    var options = SnapshotBuildOptions()
    options.builtAt = 0
    var phaseStart: [BuildProgress.Phase: (wall: ContinuousClock.Instant, cpu: Double)] = [:]
    let report: (BuildProgress) -> Void = { event in
      if phaseStart[event.phase] == nil { phaseStart[event.phase] = (clock.now, Self.cpuSeconds()) }
      if event.done >= event.total, let start = phaseStart[event.phase] {
        let cpu = ((Self.cpuSeconds() - start.cpu) * 100).rounded() / 100
        print("  \(event.phase.rawValue): \(clock.now - start.wall), cpu \(cpu) s")
      }
    }
    let catalog = snapshot.catalog
    var popularity: Popularity?
    let popularityTime = clock.measure {
      popularity = PopularityBuilder.build(
        orders: snapshot.orders,
        productCount: catalog.count,
        halfLifeDays: options.popularityHalfLifeDays
      )
    }
    print("  popularity: \(popularityTime)")
    #expect(popularity == snapshot.popularity)
    let coPurchase = CoPurchaseBuilder.build(
      orders: snapshot.orders,
      productCount: catalog.count,
      productCategory: catalog.category,
      categoryCount: snapshot.categories.count,
      options: options,
      progress: report
    )
    #expect(coPurchase.together == snapshot.coPurchase.together)
    #expect(coPurchase.later == snapshot.coPurchase.later)
    #expect(coPurchase.categoryFollowUps == snapshot.coPurchase.categoryFollowUps)
    var lists: (subtreeProducts: CompressedRows<ProductIndex>, subtreeSales: ScoredRows)?
    let listsTime = clock.measure {
      lists = CategoryListsBuilder.build(
        parent: snapshot.categories.parent,
        catalog: catalog,
        popularity: snapshot.popularity
      )
    }
    print("  category lists: \(listsTime)")
    #expect(lists?.subtreeProducts == snapshot.categories.subtreeProducts)
    #expect(lists?.subtreeSales == snapshot.categories.subtreeSales)
    let precomputed = PrecomputedListsBuilder.build(
      catalog: catalog,
      categories: snapshot.categories,
      links: snapshot.links,
      coPurchase: snapshot.coPurchase,
      popularity: snapshot.popularity,
      options: options,
      progress: report
    )
    #expect(precomputed.similar == snapshot.lists.similar)
    #expect(precomputed.accessories == snapshot.lists.accessories)
    #expect(precomputed.replacements == snapshot.lists.replacements)
  }
}

/// Synthetic catalogs and order logs: Zipf-like popularity, baskets of 1–10.
enum SyntheticHistory {
  static func catalog(productCount: Int, generator: inout SplitMix64) -> CatalogInput {
    var input = CatalogInput()
    let categoryCount = max(10, productCount / 500)
    for c in 0 ..< categoryCount {
      input.categories.append(
        CategoryRecord(
          id: "c\(c)",
          name: "Category \(c)",
          parentID: c < 10 ? nil : "c\(c % 10)",
          location: RecordLocation(file: "cat", line: c + 1)
        )
      )
    }
    input.products.reserveCapacity(productCount)
    for p in 0 ..< productCount {
      var record = ProductRecord(
        id: "p\(p)",
        location: RecordLocation(file: "products", line: p + 1)
      )
      record.title = "Product \(p % 997) model \(p)"
      record.categoryID = "c\(Int(generator.next() % UInt64(categoryCount)))"
      record.brand = "brand\(p % 50)"
      record.regularPrice = Int64(100 + generator.next() % 100_000)
      if p % 10 == 0 { record.salePrice = record.regularPrice * 8 / 10 }
      record.inStock = p % 7 != 0
      input.products.append(record)
    }
    return input
  }

  /// Zipf(1)-like product ranks by inverse-CDF sampling over a harmonic approximation.
  static func orders(lineCount: Int, productCount: Int, generator: inout SplitMix64) -> OrderLog {
    var log = OrderLog()
    log.productIDs = (0 ..< productCount).map { "p\($0)" }
    log.productNames = [String](repeating: "", count: productCount)
    log.productLastPrice = [Int64](repeating: 0, count: productCount)
    let customerCount = max(1, lineCount / 25)
    log.customerIDs = (0 ..< customerCount).map { "u\($0)" }
    let logN = Foundation.log(Double(productCount))
    var lines = 0
    while lines < lineCount {
      let order = Int32(log.orderIDs.count)
      log.orderIDs.append("o\(order)")
      log.orderCustomer.append(Int32(generator.next() % UInt64(customerCount)))
      log.orderTime.append(1_700_000_000 + Int64(generator.next() % (730 * 86_400)))
      let size = min(lineCount - lines, 1 + Int(generator.next() % 10))
      for _ in 0 ..< size {
        let rank = Int(exp(generator.unit() * logN)) - 1
        log.lineOrder.append(order)
        log.lineProduct.append(Int32(min(productCount - 1, max(0, rank))))
        log.lineQuantity.append(1)
        log.linePrice.append(1000)
      }
      lines += size
    }
    return log
  }
}
