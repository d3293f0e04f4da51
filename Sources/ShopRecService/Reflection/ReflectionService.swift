public import GRPCNGHTTP2
import ShopRecAPI
import SwiftProtobuf

/// `grpc.reflection.v1.ServerReflection` and the older `grpc.reflection.v1alpha`, so grpcurl and
/// other tools can list and call shoprec's services without its .proto files.
public struct ReflectionService: Sendable {
  /// Full names of the two reflection services.
  public static let names = [
    "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection",
  ]

  /// What a question resolved to, independent of the protocol version.
  enum Answer {
    case files([[UInt8]])
    case services([String])
    case extensionNumbers(type: String)
    case error(code: Int32, message: String)
  }

  let serviceNames: [String]
  let index: DescriptorIndex

  /// Reflection over the API protos, listing `serviceNames` (the reflection services are added).
  public init(serviceNames: [String]) {
    self.serviceNames = (serviceNames + Self.names).sorted()
    self.index = .api
  }

  func answerFileByName(_ name: String) -> Answer {
    guard let files = self.index.fileWithDependencies(name) else {
      return .error(code: 5, message: "file not found: \(name)")
    }
    return .files(files)
  }

  func answerFileContainingSymbol(_ symbol: String) -> Answer {
    guard let file = self.index.fileOfSymbol[symbol],
      let files = self.index.fileWithDependencies(file)
    else {
      return .error(code: 5, message: "symbol not found: \(symbol)")
    }
    return .files(files)
  }

  func answerExtensionNumbers(of type: String) -> Answer {
    guard self.index.messageTypes.contains(type) else {
      return .error(code: 5, message: "type not found: \(type)")
    }
    return .extensionNumbers(type: type)
  }

  /// The methods to register with the server (both versions).
  public var methods: [GRPCMethod] {
    [
      GRPCMethod(
        service: Self.names[0],
        method: "ServerReflectionInfo",
        handler: .streaming(.bidirectionalStreaming) { _ in ReflectionCall(service: self) }
      ),
      GRPCMethod(
        service: Self.names[1],
        method: "ServerReflectionInfo",
        // v1alpha's messages are wire-identical to v1's (same fields, same numbers), so one
        // implementation answers both.
        handler: .streaming(.bidirectionalStreaming) { _ in ReflectionCall(service: self) }
      ),
    ]
  }
}
