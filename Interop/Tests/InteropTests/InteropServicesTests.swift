import GRPCCore
import GRPCNIOTransportHTTP2Posix
import GRPCProtobuf
import ShopRecAPI
import ShopRecService
import SwiftProtobuf
import Testing

/// Snapshots, Health and Reflection through grpc-swift-2's generated clients.
@Suite("grpc-swift-2 client: Snapshots, Health, Reflection")
struct InteropServicesTests {
  @Test("Snapshots.Info describes the demo snapshot")
  func info() async throws {
    try await InteropServer.withClient { client, running in
      let info = try await Shoprec_V1_Snapshots.Client(wrapping: client).info(
        Shoprec_V1_InfoRequest()
      )
      #expect(info.version == running.snapshot.version)
      #expect(info.builtAt.seconds == running.snapshot.metadata.builtAt)
      #expect(info.path == "")
      #expect(info.counts.products == Int64(running.snapshot.catalog.count))
      #expect(info.counts.orders == Int64(running.snapshot.orders.orderCount))
      #expect(info.counts.inStock > 0 && info.counts.inStock <= info.counts.products)
    }
  }

  @Test("Health.Check is SERVING for the server and its services; unknown is NOT_FOUND")
  func healthCheck() async throws {
    try await InteropServer.withClient { client, _ in
      let health = Grpc_Health_V1_Health.Client(wrapping: client)
      for service in ["", "shoprec.v1.Recommendations", "shoprec.v1.Snapshots"] {
        let reply = try await health.check(.with { $0.service = service })
        #expect(reply.status == .serving, "service '\(service)'")
      }
      let unknown = await #expect(throws: RPCError.self) {
        try await health.check(.with { $0.service = "nope.Nothing" })
      }
      #expect(unknown?.code == .notFound)
    }
  }

  @Test("Health.Watch streams SERVING first")
  func healthWatch() async throws {
    try await InteropServer.withClient { client, _ in
      let health = Grpc_Health_V1_Health.Client(wrapping: client)
      let first = try await health.watch(.with { $0.service = "shoprec.v1.Recommendations" }) {
        response in
        var iterator = response.messages.makeAsyncIterator()
        return try await iterator.next()
      }
      #expect(first?.status == .serving)
    }
  }

  @Test("reflection v1 lists the services and answers symbol questions")
  func reflection() async throws {
    try await InteropServer.withClient { client, _ in
      let reflection = Grpc_Reflection_V1_ServerReflection.Client(wrapping: client)
      let responses = try await reflection.serverReflectionInfo(
        requestProducer: { writer in
          try await writer.write(.with { $0.listServices = "" })
          try await writer.write(.with { $0.fileContainingSymbol = "shoprec.v1.SimilarRequest" })
          try await writer.write(.with { $0.fileContainingSymbol = "shoprec.v1.Missing" })
        },
        onResponse: { response in
          var all: [Grpc_Reflection_V1_ServerReflectionResponse] = []
          for try await message in response.messages { all.append(message) }
          return all
        }
      )
      try #require(responses.count == 3)
      let names = Set(responses[0].listServicesResponse.service.map(\.name))
      #expect(
        names.isSuperset(of: [
          "shoprec.v1.Recommendations", "shoprec.v1.Snapshots", "grpc.health.v1.Health",
          "grpc.reflection.v1.ServerReflection",
        ])
      )
      let files = try responses[1].fileDescriptorResponse.fileDescriptorProto.map {
        try Google_Protobuf_FileDescriptorProto(serializedBytes: $0)
      }
      #expect(files.first?.name == "shoprec/v1/recommendations.proto")
      #expect(files.first?.messageType.contains { $0.name == "SimilarRequest" } == true)
      #expect(responses[2].errorResponse.errorCode == 5)
    }
  }
}
