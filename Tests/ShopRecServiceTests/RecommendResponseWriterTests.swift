import ShopRecAPI
import ShopRecCore
import ShopRecIngestion
import SwiftProtobuf
import Testing

@testable import ShopRecService

@Suite("Direct response encoding")
struct RecommendResponseWriterTests {
  static let snapshot: Snapshot = {
    let shop = SyntheticShop.demo()
    var options = SnapshotBuildOptions()
    options.builtAt = shop.config.endTime
    return try! SnapshotBuilder(options: options).build(
      catalogs: [shop.catalogInput()],
      orders: shop.orderLog()
    ).snapshot
  }()
  static let records = RecommendedItemRecords(snapshot: snapshot)

  @Test(
    "writes exactly the bytes swift-protobuf serializes, for every query kind and many products"
  )
  func identicalToSwiftProtobuf() throws {
    let snapshot = Self.snapshot
    let scratch = RecommendationScratch()
    let recommender = Recommender(snapshot: snapshot)
    // Evaluate sales at a moment inside the demo's history so some items carry a sale price.
    let now = snapshot.metadata.builtAt - 86_400 * 30
    var compared = 0
    var sawSalePrice = false
    for product in stride(from: 0, to: snapshot.catalog.count, by: 37) {
      for kind in 0 ..< 5 {
        var filter = RecommendationFilter(now: now)
        filter.inStockOnly = kind % 2 == 0
        let index = ProductIndex(product)
        switch kind {
        case 0: recommender.similar(to: index, limit: 10, filter: filter, scratch: scratch)
        case 1:
          recommender.onSale(
            near: index,
            category: nil,
            limit: 20,
            filter: filter,
            scratch: scratch
          )
        case 2: recommender.accessories(for: index, limit: 10, filter: filter, scratch: scratch)
        case 3: recommender.replacements(for: index, limit: 5, filter: filter, scratch: scratch)
        default:
          recommender.boughtTogether(
            with: [index, ProductIndex((product + 1) % snapshot.catalog.count)],
            limit: 10,
            filter: filter,
            scratch: scratch
          )
        }
        let message = RecommendResponseEncoding.response(
          from: scratch,
          snapshot: snapshot,
          now: now
        )
        let expected: [UInt8] = try message.serializedBytes()
        let direct = RecommendResponseWriter(
          snapshot: snapshot,
          records: Self.records,
          scratch: scratch,
          now: now
        )
          .serializedBytes()
        #expect(direct == expected, "product \(product), kind \(kind)")
        #expect(try Shoprec_V1_RecommendResponse(serializedBytes: direct) == message)
        sawSalePrice = sawSalePrice || message.items.contains { $0.salePrice > 0 }
        compared += 1
      }
    }
    #expect(compared > 300)
    #expect(sawSalePrice, "the comparison covered sale prices")
  }

  @Test("an empty list encodes as the version only")
  func emptyList() throws {
    let snapshot = Self.snapshot
    let scratch = RecommendationScratch()
    var filter = RecommendationFilter(now: 0)
    filter.includeBrands = []
    Recommender(snapshot: snapshot).similar(to: 0, limit: 10, filter: filter, scratch: scratch)
    #expect(scratch.count == 0)
    let bytes = RecommendResponseWriter(
      snapshot: snapshot,
      records: Self.records,
      scratch: scratch,
      now: 0
    )
      .serializedBytes()
    let decoded = try Shoprec_V1_RecommendResponse(serializedBytes: bytes)
    #expect(decoded.items.isEmpty)
    #expect(decoded.snapshotVersion == snapshot.version)
  }
}
