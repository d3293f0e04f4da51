import GRPCTestClient
import GRPCNGHTTP2
import ShopRecAPI
import ShopRecService
import SwiftProtobuf
import Testing

/// Error statuses of the Recommendations methods, as the API promises them
/// (recommendations.proto): bad arguments INVALID_ARGUMENT, unknown ids NOT_FOUND, nothing
/// loaded UNAVAILABLE, and always a message saying what is wrong.
@Suite("Recommendations errors over gRPC")
struct ServiceErrorTests {
  enum Method: String, CaseIterable {
    case similar, onSale, accessories, replacements, boughtTogether

    var path: String {
      switch self {
      case .similar: ServicePath.similar
      case .onSale: ServicePath.onSale
      case .accessories: ServicePath.accessories
      case .replacements: ServicePath.replacements
      case .boughtTogether: ServicePath.boughtTogether
      }
    }

    /// The serialized request for one product id (a one-item basket for BoughtTogether).
    func request(_ productID: String, limit: Int32 = 0) throws -> [UInt8] {
      switch self {
      case .similar:
        try Shoprec_V1_SimilarRequest.with {
          $0.productID = productID
          $0.limit = limit
        }.serializedBytes()
      case .onSale:
        try Shoprec_V1_OnSaleRequest.with {
          $0.productID = productID
          $0.limit = limit
        }.serializedBytes()
      case .accessories:
        try Shoprec_V1_AccessoriesRequest.with {
          $0.productID = productID
          $0.limit = limit
        }.serializedBytes()
      case .replacements:
        try Shoprec_V1_ReplacementsRequest.with {
          $0.productID = productID
          $0.limit = limit
        }.serializedBytes()
      case .boughtTogether:
        try Shoprec_V1_BoughtTogetherRequest.with {
          $0.productIds = [productID]
          $0.limit = limit
        }.serializedBytes()
      }
    }
  }

  static func call(
    _ client: TestHTTP2Client,
    _ method: Method,
    _ productID: String,
    limit: Int32 = 0
  ) async throws -> ServiceCallResult<Shoprec_V1_RecommendResponse> {
    let response = try await client.call(
      path: method.path,
      body: GRPCFraming.frame(try method.request(productID, limit: limit))
    )
    return try ServiceCallResult(response)
  }

  @Test("unknown product: NOT_FOUND naming the id", arguments: Method.allCases)
  func unknownProduct(_ method: Method) async throws {
    let running = try await ServiceTestServer.start(serving: try ServiceCatalog.snapshot())
    let result = try await Self.call(try running.client(), method, "no-such-product")
    #expect(result.code == .notFound)
    #expect(result.message.contains("no-such-product"))
    #expect(result.responses.isEmpty)
    try await running.stop()
  }

  @Test("empty product id: INVALID_ARGUMENT", arguments: Method.allCases)
  func emptyProduct(_ method: Method) async throws {
    let running = try await ServiceTestServer.start(serving: try ServiceCatalog.snapshot())
    let result = try await Self.call(try running.client(), method, "")
    #expect(result.code == .invalidArgument)
    #expect(result.message.contains("product_id"))
    try await running.stop()
  }

  @Test(
    "limit below 0 or above 100: INVALID_ARGUMENT; 1 and 100 are fine",
    arguments: Method.allCases
  )
  func badLimit(_ method: Method) async throws {
    let running = try await ServiceTestServer.start(serving: try ServiceCatalog.snapshot())
    let client = try running.client()
    for limit: Int32 in [-1, 101, .min, .max] {
      let result = try await Self.call(client, method, "L1", limit: limit)
      #expect(result.code == .invalidArgument, "limit \(limit)")
      #expect(result.message.contains("limit"))
    }
    for limit: Int32 in [1, 100] {
      let result = try await Self.call(client, method, "L1", limit: limit)
      #expect(result.isOK, "limit \(limit): \(result.message)")
      #expect((result.response?.items.count ?? 0) <= Int(limit))
    }
    try await running.stop()
  }

  @Test("before the first snapshot: UNAVAILABLE", arguments: Method.allCases)
  func unavailable(_ method: Method) async throws {
    let running = try await ServiceTestServer.start(store: SnapshotStore())
    let result = try await Self.call(try running.client(), method, "L1")
    #expect(result.code == .unavailable)
    #expect(!result.message.isEmpty)
    try await running.stop()
  }

  @Test("OnSale: unknown category NOT_FOUND; neither product nor category INVALID_ARGUMENT")
  func onSaleArguments() async throws {
    let running = try await ServiceTestServer.start(serving: try ServiceCatalog.snapshot())
    let client = try running.client()
    let unknown = try await client.unary(
      ServicePath.onSale,
      Shoprec_V1_OnSaleRequest.with { $0.categoryID = "garden" },
      as: Shoprec_V1_RecommendResponse.self
    )
    #expect(unknown.code == .notFound)
    #expect(unknown.message.contains("garden"))
    let neither = try await client.unary(
      ServicePath.onSale,
      Shoprec_V1_OnSaleRequest(),
      as: Shoprec_V1_RecommendResponse.self
    )
    #expect(neither.code == .invalidArgument)
    try await running.stop()
  }

  @Test("BoughtTogether: an empty basket, more than 100 ids or an unknown id in it")
  func basketArguments() async throws {
    let running = try await ServiceTestServer.start(serving: try ServiceCatalog.snapshot())
    let client = try running.client()
    func basket(_ ids: [String]) async throws -> ServiceCallResult<Shoprec_V1_RecommendResponse> {
      try await client.unary(
        ServicePath.boughtTogether,
        Shoprec_V1_BoughtTogetherRequest.with { $0.productIds = ids }
      )
    }
    #expect(try await basket([]).code == .invalidArgument)
    #expect(try await basket(Array(repeating: "L1", count: 101)).code == .invalidArgument)
    #expect(try await basket(Array(repeating: "L1", count: 100)).isOK)
    let unknown = try await basket(["L1", "ghost"])
    #expect(unknown.code == .notFound)
    #expect(unknown.message.contains("ghost"))
    #expect(try await basket(["L1", ""]).code == .invalidArgument)
    try await running.stop()
  }

  @Test("bad filters: INVALID_ARGUMENT for impossible prices, NOT_FOUND for unknown categories")
  func badFilters() async throws {
    let running = try await ServiceTestServer.start(serving: try ServiceCatalog.snapshot())
    let client = try running.client()
    func similar(
      _ configure: (inout Shoprec_V1_Filters) -> Void
    ) async throws -> ServiceCallResult<Shoprec_V1_RecommendResponse> {
      var filters = Shoprec_V1_Filters()
      configure(&filters)
      return try await client.unary(
        ServicePath.similar,
        Shoprec_V1_SimilarRequest.with {
          $0.productID = "L1"
          $0.filters = filters
        }
      )
    }
    let inverted = try await similar {
      $0.minPrice = 20
      $0.maxPrice = 10
    }
    #expect(inverted.code == .invalidArgument)
    #expect(try await similar { $0.minPrice = -1 }.code == .invalidArgument)
    #expect(try await similar { $0.maxPrice = .nan }.code == .invalidArgument)
    #expect(try await similar { $0.maxPrice = .infinity }.code == .invalidArgument)
    let category = try await similar { $0.includeCategories = ["garden"] }
    #expect(category.code == .notFound)
    #expect(category.message.contains("garden"))
    try await running.stop()
  }

  @Test("a malformed request message is INVALID_ARGUMENT; an unknown method UNIMPLEMENTED")
  func malformedAndUnknown() async throws {
    let running = try await ServiceTestServer.start(serving: try ServiceCatalog.snapshot())
    let client = try running.client()
    // Field 1 (string) announcing 100 bytes but carrying 2.
    let malformed = try await client.call(
      path: ServicePath.similar,
      body: GRPCFraming.frame([0x0A, 100, 0x41, 0x42])
    )
    #expect(malformed.grpcStatus == GRPCStatusCode.invalidArgument.rawValue)
    let unknown = try await client.call(
      path: "/shoprec.v1.Recommendations/Nope",
      body: GRPCFraming.frame([])
    )
    #expect(unknown.grpcStatus == GRPCStatusCode.unimplemented.rawValue)
    // The connection keeps serving after both.
    let fine = try await Self.call(client, .similar, "L1")
    #expect(fine.isOK)
    try await running.stop()
  }
}
