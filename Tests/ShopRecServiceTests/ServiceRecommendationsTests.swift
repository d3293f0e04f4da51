import GRPCTestClient
import GRPCNGHTTP2
import ShopRecAPI
import ShopRecCore
import Testing

/// Every Recommendations method over a real socket, on the hand-built lamp shop
/// (``ServiceCatalog``), with the lists worked out by hand from docs/recommendations.md.
@Suite("Recommendations over gRPC")
struct ServiceRecommendationsTests {
  /// (product id, reason) of each item.
  static func entries(_ response: Shoprec_V1_RecommendResponse?) -> [Entry] {
    (response?.items ?? []).map { Entry(id: $0.productID, reason: $0.reason) }
  }

  struct Entry: Equatable, CustomStringConvertible {
    var id: String
    var reason: Shoprec_V1_Reason
    init(id: String, reason: Shoprec_V1_Reason) {
      self.id = id
      self.reason = reason
    }
    init(_ id: String, _ reason: Shoprec_V1_Reason) { self.init(id: id, reason: reason) }
    var description: String { "\(self.id) \(self.reason)" }
  }

  /// Runs `body` against a server serving the lamp shop.
  static func withServer(
    _ body: (TestHTTP2Client, Snapshot) async throws -> Void
  ) async throws {
    let snapshot = try ServiceCatalog.snapshot()
    let running = try await ServiceTestServer.start(serving: snapshot)
    let client = try running.client()
    try await body(client, snapshot)
    try await running.stop()
  }

  @Test("Similar: same category by likeness, then brand-alike, then the rest of the parent")
  func similar() async throws {
    try await Self.withServer { client, snapshot in
      let result = try await client.unary(
        ServicePath.similar,
        Shoprec_V1_SimilarRequest.with { $0.productID = "L1" },
        as: Shoprec_V1_RecommendResponse.self
      )
      #expect(result.isOK)
      let response = try #require(result.response)
      // L1b (L1's variant), L4 (out of stock) and Lold (discontinued) never appear.
      #expect(
        Self.entries(response) == [
          Entry("L2", .sameCategory), Entry("L3", .sameCategory),
          Entry("B1", .similarAttributes), Entry("B2", .relatedCategory),
          Entry("S1", .relatedCategory), Entry("S2", .relatedCategory),
        ]
      )
      #expect(response.snapshotVersion == snapshot.version)
      let scores = response.items.map(\.score)
      #expect(scores == scores.sorted(by: >), "scores never increase down the list")
    }
  }

  @Test("items carry the catalog's prices, sale prices, titles, currency, stock and category")
  func itemFields() async throws {
    try await Self.withServer { client, _ in
      let result = try await client.unary(
        ServicePath.similar,
        Shoprec_V1_SimilarRequest.with { $0.productID = "L1" },
        as: Shoprec_V1_RecommendResponse.self
      )
      let items = Dictionary(
        uniqueKeysWithValues: (result.response?.items ?? []).map { ($0.productID, $0) }
      )
      let l3 = try #require(items["L3"])
      #expect(l3.title == "Desk Lamp")
      #expect(l3.price == 90)
      #expect(l3.salePrice == 72)
      #expect(l3.currency == "EUR")
      #expect(l3.inStock)
      #expect(l3.categoryID == "lamps")
      let b2 = try #require(items["B2"])
      #expect((b2.price, b2.salePrice, b2.categoryID) == (4, 3, "bulbs"))
      // S2's sale window ended in 2001: no sale price now.
      let s2 = try #require(items["S2"])
      #expect((s2.price, s2.salePrice, s2.title) == (10, 0, "Paper Shade"))
    }
  }

  @Test("limit: 0 means 10, a smaller limit cuts the list")
  func limits() async throws {
    try await Self.withServer { client, _ in
      let two = try await client.unary(
        ServicePath.similar,
        Shoprec_V1_SimilarRequest.with {
          $0.productID = "L1"
          $0.limit = 2
        },
        as: Shoprec_V1_RecommendResponse.self
      )
      #expect(
        Self.entries(two.response) == [Entry("L2", .sameCategory), Entry("L3", .sameCategory)]
      )
      let hundred = try await client.unary(
        ServicePath.similar,
        Shoprec_V1_SimilarRequest.with {
          $0.productID = "L1"
          $0.limit = 100
        },
        as: Shoprec_V1_RecommendResponse.self
      )
      #expect(hundred.response?.items.count == 6, "all six buyable items outside L1's group")
    }
  }

  @Test("OnSale near a product: its category first, then the parent's, brand-diverse")
  func onSale() async throws {
    try await Self.withServer { client, snapshot in
      let ten = try await client.unary(
        ServicePath.onSale,
        Shoprec_V1_OnSaleRequest.with { $0.productID = "L1" },
        as: Shoprec_V1_RecommendResponse.self
      )
      // lamps: L3; then home by sale score: B2 (25% off, popular), S1 (20% off, popular);
      // S2's sale is over.
      #expect(
        Self.entries(ten.response) == [
          Entry("L3", .onSale), Entry("B2", .onSale), Entry("S1", .onSale),
        ]
      )
      #expect(ten.response?.snapshotVersion == snapshot.version)
      // With limit 3 a brand may fill one place in the first pass: Brightly's B2 waits for the
      // second pass, after the unbranded S1.
      let three = try await client.unary(
        ServicePath.onSale,
        Shoprec_V1_OnSaleRequest.with {
          $0.productID = "L1"
          $0.limit = 3
        },
        as: Shoprec_V1_RecommendResponse.self
      )
      #expect(three.response?.items.map(\.productID) == ["L3", "S1", "B2"])
    }
  }

  @Test("OnSale in a category: only items on sale now, within the category's subtree")
  func onSaleInCategory() async throws {
    try await Self.withServer { client, _ in
      let shades = try await client.unary(
        ServicePath.onSale,
        Shoprec_V1_OnSaleRequest.with { $0.categoryID = "shades" },
        as: Shoprec_V1_RecommendResponse.self
      )
      #expect(Self.entries(shades.response) == [Entry("S1", .onSale)])
      #expect(shades.response?.items.first?.salePrice == 12)
      let bulbs = try await client.unary(
        ServicePath.onSale,
        Shoprec_V1_OnSaleRequest.with { $0.categoryID = "bulbs" },
        as: Shoprec_V1_RecommendResponse.self
      )
      #expect(bulbs.response?.items.map(\.productID) == ["B2"])
      // The root's subtree is the whole shop, by sale score: B2 (25% off), S1 (20% off, as
      // popular), L3 (20% off, less popular).
      let home = try await client.unary(
        ServicePath.onSale,
        Shoprec_V1_OnSaleRequest.with { $0.categoryID = "home" },
        as: Shoprec_V1_RecommendResponse.self
      )
      #expect(home.response?.items.map(\.productID) == ["B2", "S1", "L3"])
    }
  }

  @Test("Accessories: explicit link, co-purchase, follow-up category, then popular elsewhere")
  func accessories() async throws {
    try await Self.withServer { client, snapshot in
      let result = try await client.unary(
        ServicePath.accessories,
        Shoprec_V1_AccessoriesRequest.with { $0.productID = "L1" },
        as: Shoprec_V1_RecommendResponse.self
      )
      // Never a lamp (a substitute), only the four buyable items outside "lamps": the explicit
      // link first; two shared orders in a five-order history are no significant evidence
      // (lift lower bound ≤ 1), so S1 comes with S2 through the lamps → shades association
      // stored in the accessory list, and B2 last as a best seller outside lamps.
      #expect(
        Self.entries(result.response) == [
          Entry("B1", .accessoryLink), Entry("S2", .categoryAccessory),
          Entry("S1", .categoryAccessory), Entry("B2", .popular),
        ]
      )
      #expect(result.response?.snapshotVersion == snapshot.version)
    }
  }

  @Test("Replacements: the successor, then the closest lamps (variants collapsed), then nearby")
  func replacements() async throws {
    try await Self.withServer { client, snapshot in
      let result = try await client.unary(
        ServicePath.replacements,
        Shoprec_V1_ReplacementsRequest.with { $0.productID = "Lold" },
        as: Shoprec_V1_RecommendResponse.self
      )
      // L1 and L1b tie as closest (same price and brand): L1 comes first by catalog order and
      // its variant L1b is collapsed into it.
      #expect(
        Self.entries(result.response) == [
          Entry("L2", .successorLink), Entry("L1", .closestAlternative),
          Entry("L3", .closestAlternative), Entry("B2", .relatedCategory),
          Entry("S1", .relatedCategory), Entry("B1", .relatedCategory),
          Entry("S2", .relatedCategory),
        ]
      )
      #expect(result.response?.snapshotVersion == snapshot.version)
    }
  }

  @Test("BoughtTogether: co-purchases of the basket, its accessories, then the shop's popular")
  func boughtTogether() async throws {
    try await Self.withServer { client, snapshot in
      let one = try await client.unary(
        ServicePath.boughtTogether,
        Shoprec_V1_BoughtTogetherRequest.with { $0.productIds = ["L1"] },
        as: Shoprec_V1_RecommendResponse.self
      )
      // Ranked by ln popularity + evidence: S1 (bought with L1, popularity 2) before B2 (2, no
      // shared order), then the best sellers L2 and L3 (1); then L1's accessory list (B1) and
      // the shades association (S2). L1's variant L1b never shows.
      #expect(
        Self.entries(one.response) == [
          Entry("S1", .coPurchased), Entry("B2", .popular), Entry("L2", .popular),
          Entry("L3", .popular), Entry("B1", .accessoryLink), Entry("S2", .categoryAccessory),
        ]
      )
      #expect(one.response?.snapshotVersion == snapshot.version)
      let other = try await client.unary(
        ServicePath.boughtTogether,
        Shoprec_V1_BoughtTogetherRequest.with { $0.productIds = ["L2"] },
        as: Shoprec_V1_RecommendResponse.self
      )
      // B2 (bought with L2) first, then the best sellers L1, S1 (2), L3 (1); then the follow-up
      // category of lamps (S2) and the remaining shop (B1).
      #expect(
        Self.entries(other.response) == [
          Entry("B2", .coPurchased), Entry("L1", .popular), Entry("S1", .popular),
          Entry("L3", .popular), Entry("S2", .categoryAccessory), Entry("B1", .popular),
        ]
      )
      // The whole basket is excluded, with its variants.
      let basket = try await client.unary(
        ServicePath.boughtTogether,
        Shoprec_V1_BoughtTogetherRequest.with { $0.productIds = ["L1", "L2", "B2"] },
        as: Shoprec_V1_RecommendResponse.self
      )
      let ids = Set(basket.response?.items.map(\.productID) ?? [])
      #expect(ids == ["S1", "S2", "B1", "L3"])
      #expect(basket.response?.items.first?.productID == "S1")
    }
  }
}
