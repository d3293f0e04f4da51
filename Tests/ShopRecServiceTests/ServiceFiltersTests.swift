import GRPCTestClient
import GRPCNGHTTP2
import ShopRecAPI
import Testing

/// Request filters and the customer exclusion, resolved by the service, on the lamp shop.
/// Unfiltered, Similar(L1) is L2, L3, B1, B2, S1, S2 (see ServiceRecommendationsTests).
@Suite("Filters over gRPC")
struct ServiceFiltersTests {
  static func similar(
    _ client: TestHTTP2Client,
    customer: String = "",
    _ configure: (inout Shoprec_V1_Filters) -> Void
  ) async throws -> ServiceCallResult<Shoprec_V1_RecommendResponse> {
    var filters = Shoprec_V1_Filters()
    configure(&filters)
    return try await client.unary(
      ServicePath.similar,
      Shoprec_V1_SimilarRequest.with {
        $0.productID = "L1"
        $0.filters = filters
        $0.customerID = customer
      }
    )
  }

  @Test("brands, categories, prices and excluded products narrow the list")
  func filters() async throws {
    let running = try await ServiceTestServer.start(serving: try ServiceCatalog.snapshot())
    let client = try running.client()
    func ids(_ result: ServiceCallResult<Shoprec_V1_RecommendResponse>) -> [String]? {
      result.response?.items.map(\.productID)
    }
    #expect(try await ids(Self.similar(client) { $0.includeBrands = ["Lumo"] }) == ["L2", "B1"])
    #expect(
      try await ids(Self.similar(client) { $0.excludeBrands = ["Lumo"] }) == [
        "L3", "B2", "S1", "S2",
      ]
    )
    #expect(
      try await ids(Self.similar(client) { $0.includeCategories = ["bulbs", "shades"] }) == [
        "B1", "B2", "S1", "S2",
      ]
    )
    #expect(
      try await ids(Self.similar(client) { $0.excludeCategories = ["shades", "unknown"] }) == [
        "L2", "L3", "B1", "B2",
      ]
    )
    // What the customer pays: B2 costs 3.00 on sale, S2 10.00 (its sale is over), S1 12.00.
    #expect(try await ids(Self.similar(client) { $0.maxPrice = 10 }) == ["B1", "B2", "S2"])
    #expect(try await ids(Self.similar(client) { $0.minPrice = 12 }) == ["L2", "L3", "S1"])
    #expect(
      try await ids(Self.similar(client) { $0.excludeProductIds = ["L3", "B2", "nope"] }) == [
        "L2", "B1", "S1", "S2",
      ]
    )
    // Unknown brands only: nothing can match, which is an empty list, not an error.
    let none = try await Self.similar(client) { $0.includeBrands = ["Nobody"] }
    #expect(none.isOK)
    #expect(none.response?.items.isEmpty == true)
    #expect(none.response?.snapshotVersion.isEmpty == false)
    try await running.stop()
  }

  @Test("in_stock_only false lets out-of-stock lamps in")
  func outOfStock() async throws {
    let running = try await ServiceTestServer.start(serving: try ServiceCatalog.snapshot())
    let client = try running.client()
    let result = try await Self.similar(client) { $0.inStockOnly = false }
    let items = result.response?.items ?? []
    #expect(Set(items.map(\.productID)) == ["L2", "L3", "L4", "Lold", "B1", "B2", "S1", "S2"])
    #expect(items.filter { !$0.inStock }.map(\.productID).sorted() == ["L4", "Lold"])
    try await running.stop()
  }

  @Test("a known customer's purchases are left out; an unknown customer changes nothing")
  func customer() async throws {
    let running = try await ServiceTestServer.start(serving: try ServiceCatalog.snapshot())
    let client = try running.client()
    // Customer C bought L2 and B2.
    let known = try await Self.similar(client, customer: "C") { _ in }
    #expect(known.response?.items.map(\.productID) == ["L3", "B1", "S1", "S2"])
    let unknown = try await Self.similar(client, customer: "nobody") { _ in }
    #expect(unknown.response?.items.map(\.productID) == ["L2", "L3", "B1", "B2", "S1", "S2"])
    try await running.stop()
  }
}
