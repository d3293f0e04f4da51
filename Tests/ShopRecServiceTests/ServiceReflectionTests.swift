import GRPCTestClient
import Foundation
import GRPCNGHTTP2
import ShopRecAPI
import SwiftProtobuf
import Testing

/// `grpc.reflection.v1.ServerReflection` (and v1alpha): what grpcurl asks.
@Suite("Reflection over gRPC")
struct ServiceReflectionTests {
  typealias Request = Grpc_Reflection_V1_ServerReflectionRequest
  typealias Response = Grpc_Reflection_V1_ServerReflectionResponse

  /// Sends `requests` on one stream, ends it, and returns the answers and the final status.
  static func ask(
    _ client: TestHTTP2Client,
    _ requests: [Request],
    path: String = ServicePath.reflection
  ) async throws -> (responses: [Response], status: Int?) {
    var body: [UInt8] = []
    for request in requests { body += GRPCFraming.frame(try request.serializedBytes()) }
    let raw = try await client.call(path: path, body: body)
    return (try raw.messages.map { try Response(serializedBytes: $0) }, raw.grpcStatus)
  }

  static func request(_ configure: (inout Request) -> Void) -> Request {
    var request = Request()
    request.host = "127.0.0.1"
    configure(&request)
    return request
  }

  @Test("lists every service, the reflection services included")
  func listServices() async throws {
    let running = try await ServiceTestServer.start(serving: try ServiceCatalog.snapshot())
    let (responses, status) = try await Self.ask(
      try running.client(),
      [Self.request { $0.listServices = "*" }]
    )
    #expect(status == 0)
    let names = Set(responses.first?.listServicesResponse.service.map(\.name) ?? [])
    #expect(
      names.isSuperset(of: [
        "shoprec.v1.Recommendations", "shoprec.v1.Snapshots", "grpc.health.v1.Health",
        "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection",
      ])
    )
    #expect(responses.first?.originalRequest.listServices == "*")
    try await running.stop()
  }

  @Test("file_containing_symbol returns descriptors that parse, with their imports")
  func fileContainingSymbol() async throws {
    let running = try await ServiceTestServer.start(serving: try ServiceCatalog.snapshot())
    let (responses, status) = try await Self.ask(
      try running.client(),
      [
        Self.request { $0.fileContainingSymbol = "shoprec.v1.SimilarRequest" },
        Self.request { $0.fileContainingSymbol = "shoprec.v1.Recommendations.Similar" },
        Self.request { $0.fileContainingSymbol = "shoprec.v1.Nothing" },
        Self.request { $0.fileByFilename = "shoprec/v1/snapshots.proto" },
      ]
    )
    #expect(status == 0)
    try #require(responses.count == 4)
    let files = try responses[0].fileDescriptorResponse.fileDescriptorProto.map {
      try Google_Protobuf_FileDescriptorProto(serializedBytes: $0)
    }
    #expect(files.first?.name == "shoprec/v1/recommendations.proto")
    #expect(
      Set(files.map(\.name)) == ["shoprec/v1/recommendations.proto", "shoprec/v1/common.proto"]
    )
    let similar = try #require(files.first?.messageType.first { $0.name == "SimilarRequest" })
    let productID = try #require(similar.field.first { $0.name == "product_id" })
    #expect(productID.number == 1)
    #expect(productID.type == .string)
    let service = try #require(files.first?.service.first { $0.name == "Recommendations" })
    #expect(service.method.map(\.name).contains("BoughtTogether"))
    // A method names its service's file too.
    #expect(
      responses[1].fileDescriptorResponse.fileDescriptorProto.first
        == responses[0].fileDescriptorResponse.fileDescriptorProto.first
    )
    // An unknown symbol is an error answer on a stream that goes on.
    #expect(responses[2].errorResponse.errorCode == Int32(GRPCStatusCode.notFound.rawValue))
    #expect(responses[2].errorResponse.errorMessage.contains("shoprec.v1.Nothing"))
    let snapshots = try responses[3].fileDescriptorResponse.fileDescriptorProto.map {
      try Google_Protobuf_FileDescriptorProto(serializedBytes: $0).name
    }
    #expect(snapshots == ["shoprec/v1/snapshots.proto", "google/protobuf/timestamp.proto"])
    try await running.stop()
  }

  @Test("v1alpha answers the same questions")
  func alpha() async throws {
    let running = try await ServiceTestServer.start(serving: try ServiceCatalog.snapshot())
    let client = try running.client()
    let question = [Self.request { $0.fileContainingSymbol = "shoprec.v1.SimilarRequest" }]
    let v1 = try await Self.ask(client, question)
    let alpha = try await Self.ask(client, question, path: ServicePath.reflectionAlpha)
    #expect(alpha.status == 0)
    #expect(alpha.responses.count == 1)
    #expect(
      alpha.responses.first?.fileDescriptorResponse == v1.responses.first?.fileDescriptorResponse
    )
    try await running.stop()
  }
}
