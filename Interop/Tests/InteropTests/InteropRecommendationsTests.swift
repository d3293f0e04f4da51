import GRPCCore
import GRPCNIOTransportHTTP2Posix
import GRPCProtobuf
import ShopRecAPI
import ShopRecService
import Testing

/// The five Recommendations methods through grpc-swift-2's generated client: what arrives is
/// exactly what the service computes in-process for the same request.
@Suite("grpc-swift-2 client: Recommendations")
struct InteropRecommendationsTests {
  @Test("all five methods answer over the wire exactly as in-process, naming the version")
  func fiveMethods() async throws {
    try await InteropServer.withClient { client, running in
      let recommendations = Shoprec_V1_Recommendations.Client(wrapping: client)
      let service = running.service
      let version = running.snapshot.version
      func nonEmpty(_ response: Shoprec_V1_RecommendResponse?) -> Bool {
        !(response?.items.isEmpty ?? true)
      }

      let similarID = try #require(
        running.firstProductID { id in nonEmpty(try? service.similar(.with { $0.productID = id })) }
      )
      let similar = Shoprec_V1_SimilarRequest.with {
        $0.productID = similarID
        $0.limit = 20
      }
      let similarResponse = try await recommendations.similar(similar)
      #expect(similarResponse == (try service.similar(similar)))
      #expect(similarResponse.items.count == 20)
      #expect(similarResponse.snapshotVersion == version)

      let saleID = try #require(
        running.firstProductID { id in nonEmpty(try? service.onSale(.with { $0.productID = id })) }
      )
      let onSale = Shoprec_V1_OnSaleRequest.with { $0.productID = saleID }
      let onSaleResponse = try await recommendations.onSale(onSale)
      #expect(onSaleResponse == (try service.onSale(onSale)))
      #expect(onSaleResponse.items.allSatisfy { $0.salePrice > 0 && $0.salePrice < $0.price })
      #expect(onSaleResponse.snapshotVersion == version)

      let accessoryID = try #require(
        running.firstProductID { id in
          (try? service.accessories(.with { $0.productID = id }))?.items.first?.reason
            == .accessoryLink
        }
      )
      let accessories = Shoprec_V1_AccessoriesRequest.with { $0.productID = accessoryID }
      let accessoriesResponse = try await recommendations.accessories(accessories)
      #expect(accessoriesResponse == (try service.accessories(accessories)))
      #expect(accessoriesResponse.items.first?.reason == .accessoryLink)
      #expect(accessoriesResponse.snapshotVersion == version)

      let replacedID = try #require(
        running.firstProductID { id in
          (try? service.replacements(.with { $0.productID = id }))?.items.first?.reason
            == .successorLink
        }
      )
      let replacements = Shoprec_V1_ReplacementsRequest.with { $0.productID = replacedID }
      let replacementsResponse = try await recommendations.replacements(replacements)
      #expect(replacementsResponse == (try service.replacements(replacements)))
      #expect(replacementsResponse.items.first?.reason == .successorLink)
      #expect(replacementsResponse.snapshotVersion == version)

      let basket = Shoprec_V1_BoughtTogetherRequest.with {
        $0.productIds = [similarID, accessoryID]
        $0.limit = 100
      }
      let togetherResponse = try await recommendations.boughtTogether(basket)
      #expect(togetherResponse == (try service.boughtTogether(basket)))
      #expect(!togetherResponse.items.isEmpty)
      #expect(Set(togetherResponse.items.map(\.productID)).isDisjoint(with: basket.productIds))
      #expect(togetherResponse.snapshotVersion == version)
    }
  }

  @Test("error statuses arrive as RPCError codes with their messages")
  func errors() async throws {
    try await InteropServer.withClient { client, running in
      let recommendations = Shoprec_V1_Recommendations.Client(wrapping: client)
      let notFound = await #expect(throws: RPCError.self) {
        try await recommendations.similar(.with { $0.productID = "no-such-product" })
      }
      #expect(notFound?.code == .notFound)
      #expect(notFound?.message.contains("no-such-product") == true)

      let anyID = running.snapshot.catalog.productIDs[0]
      let badLimit = await #expect(throws: RPCError.self) {
        try await recommendations.accessories(
          .with {
            $0.productID = anyID
            $0.limit = 101
          }
        )
      }
      #expect(badLimit?.code == .invalidArgument)
      #expect(badLimit?.message.contains("limit") == true)

      let empty = await #expect(throws: RPCError.self) {
        try await recommendations.boughtTogether(Shoprec_V1_BoughtTogetherRequest())
      }
      #expect(empty?.code == .invalidArgument)

      let unknownMethod = await #expect(throws: RPCError.self) {
        try await client.unary(
          request: ClientRequest(message: Shoprec_V1_SimilarRequest.with { $0.productID = anyID }),
          descriptor: MethodDescriptor(
            fullyQualifiedService: "shoprec.v1.Recommendations",
            method: "Dissimilar"
          ),
          serializer: ProtobufSerializer<Shoprec_V1_SimilarRequest>(),
          deserializer: ProtobufDeserializer<Shoprec_V1_RecommendResponse>(),
          options: .defaults
        ) { try $0.message }
      }
      #expect(unknownMethod?.code == .unimplemented)
      #expect(unknownMethod?.message.contains("Dissimilar") == true)
    }
  }

  @Test("many concurrent RPCs on one client each get their own answer")
  func concurrentCalls() async throws {
    try await InteropServer.withClient { client, running in
      let recommendations = Shoprec_V1_Recommendations.Client(wrapping: client)
      let service = running.service
      let ids = (0 ..< 50).map { running.snapshot.catalog.productIDs[$0 * 37] }
      let requests = (0 ..< 400).map { index in
        Shoprec_V1_SimilarRequest.with {
          $0.productID = ids[index % ids.count]
          $0.limit = Int32(1 + index % 30)
        }
      }
      let expected = try requests.map { try service.similar($0) }
      let answers = try await withThrowingTaskGroup(
        of: (Int, Shoprec_V1_RecommendResponse).self
      ) { group in
        for (index, request) in requests.enumerated() {
          group.addTask { (index, try await recommendations.similar(request)) }
        }
        var answers: [Int: Shoprec_V1_RecommendResponse] = [:]
        for try await (index, response) in group { answers[index] = response }
        return answers
      }
      #expect(answers.count == requests.count)
      for index in requests.indices {
        #expect(answers[index] == expected[index], "request \(index)")
      }
    }
  }

  @Test("gzip-compressed requests are answered like plain ones")
  func gzipRequests() async throws {
    try await InteropServer.withClient(compression: .gzip) { client, running in
      let recommendations = Shoprec_V1_Recommendations.Client(wrapping: client)
      // A basket of 100 ids: a request large enough to be worth compressing.
      let basket = Shoprec_V1_BoughtTogetherRequest.with {
        $0.productIds = (0 ..< 100).map { running.snapshot.catalog.productIDs[$0 * 11] }
        $0.limit = 30
      }
      let response = try await recommendations.boughtTogether(basket)
      #expect(response == (try running.service.boughtTogether(basket)))
      #expect(response.items.count == 30)
    }
  }
}
