import Benchmark
import Foundation
import GRPCNGHTTP2
import ShopRecAPI
import ShopRecCore
import ShopRecService
import SwiftProtobuf

/// Tolerances against `Thresholds/` (static thresholds compare the p90): wall clock may be up
/// to twice the recorded value (this 2-core shared machine moves by ±60 % from one minute to the
/// next); allocation counts are deterministic, so they must not grow at all.
func tolerances() -> [BenchmarkMetric: BenchmarkThresholds] {
  [
    .wallClock: .init(relative: [.p90: 100]),
    .mallocCountTotal: .init(absolute: [.p90: 0]),
  ]
}

/// In-process query latency and allocations per query kind, on the benchmark shop (1,000 calls
/// per measured iteration).
let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .mallocCountTotal],
    timeUnits: .nanoseconds,
    warmupIterations: 1_000,
    scalingFactor: .kilo,
    maxDuration: .seconds(3),
    maxIterations: 10_000_000,
    thresholds: tolerances()
  )

  let snapshot = BenchmarkShop.snapshot
  let products = BenchmarkShop.sampleProducts
  let now = BenchmarkShop.now
  let recommender = Recommender(snapshot: snapshot)
  let scratch = RecommendationScratch()
  let filter = RecommendationFilter(now: now)

  func queryBenchmark(_ name: String, _ query: @escaping (ProductIndex, Int) -> Void) {
    Benchmark("Query.\(name)") { benchmark in
      var position = 0
      for _ in benchmark.scaledIterations {
        query(products[position & (BenchmarkShop.sampleCount - 1)], position)
        blackHole(scratch.count)
        position &+= 1
      }
    }
  }

  queryBenchmark("Similar") { product, _ in
    recommender.similar(to: product, limit: 10, filter: filter, scratch: scratch)
  }
  queryBenchmark("OnSale") { product, _ in
    recommender.onSale(near: product, category: nil, limit: 10, filter: filter, scratch: scratch)
  }
  queryBenchmark("Accessories") { product, _ in
    recommender.accessories(for: product, limit: 10, filter: filter, scratch: scratch)
  }
  queryBenchmark("Replacements") { product, _ in
    recommender.replacements(for: product, limit: 10, filter: filter, scratch: scratch)
  }
  var basket: [ProductIndex] = [0, 0, 0]
  queryBenchmark("BoughtTogether3") { product, position in
    basket[0] = product
    basket[1] = products[(position &+ 1) & (BenchmarkShop.sampleCount - 1)]
    basket[2] = products[(position &+ 2) & (BenchmarkShop.sampleCount - 1)]
    recommender.boughtTogether(with: basket, limit: 10, filter: filter, scratch: scratch)
  }

  // The whole unary handler: protobuf request decoding, id resolution, query, direct response
  // encoding (what the server runs per RPC, minus HTTP/2).
  let store = SnapshotStore(snapshot: snapshot)
  let caller = GRPCInProcessCaller(methods: RecommendationsService(store: store).methods)
  let similar = caller.methodIndex(path: "/shoprec.v1.Recommendations/Similar")!
  let requests: [[UInt8]] = products.map { product in
    var request = Shoprec_V1_SimilarRequest()
    request.productID = snapshot.catalog.productIDs[Int(product)]
    return try! request.serializedBytes()
  }
  Benchmark(
    "Handler.Similar",
    configuration: .init(thresholds: tolerances())
  ) { benchmark in
    var position = 0
    for _ in benchmark.scaledIterations {
      requests[position & (BenchmarkShop.sampleCount - 1)].withUnsafeBytes { request in
        caller.callUnary(method: similar, request: request) { status, response in
          blackHole(response.count)
          precondition(status.isOK)
        }
      }
      position &+= 1
    }
  }

  // swift-protobuf on a typical response (what the direct writer replaces).
  recommender.similar(to: products[0], limit: 10, filter: filter, scratch: scratch)
  var typical = Shoprec_V1_RecommendResponse()
  typical.snapshotVersion = snapshot.version
  for position in 0 ..< scratch.count {
    var item = Shoprec_V1_RecommendedItem()
    let product = Int(scratch.products[position])
    item.productID = snapshot.catalog.productIDs[product]
    item.title = snapshot.catalog.titles[product]
    item.score = Double(scratch.scores[position])
    item.reason = .sameCategory
    item.price = Double(snapshot.catalog.regularPrice[product]) / 100
    item.currency = "EUR"
    item.inStock = true
    typical.items.append(item)
  }
  let typicalBytes: [UInt8] = try! typical.serializedBytes()
  Benchmark(
    "Protobuf.EncodeRecommendResponse",
    configuration: .init(thresholds: tolerances())
  ) { benchmark in
    for _ in benchmark.scaledIterations {
      let bytes: [UInt8] = try! typical.serializedBytes()
      blackHole(bytes.count)
    }
  }
  Benchmark(
    "Protobuf.DecodeRecommendResponse",
    configuration: .init(thresholds: tolerances())
  ) { benchmark in
    for _ in benchmark.scaledIterations {
      let decoded = try! Shoprec_V1_RecommendResponse(serializedBytes: typicalBytes)
      blackHole(decoded.items.count)
    }
  }
}
