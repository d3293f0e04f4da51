import Foundation
import ShopRecAPI
import SwiftProtobuf

/// The API's file descriptors, indexed by file name and by fully-qualified symbol, for the
/// reflection service.
struct DescriptorIndex: Sendable {
  /// Serialized FileDescriptorProto per file name.
  let serializedFiles: [String: [UInt8]]
  /// Dependencies per file name.
  let dependencies: [String: [String]]
  /// The file declaring each symbol (package.Message, package.Message.Nested, package.Enum,
  /// package.Service, package.Service.Method).
  let fileOfSymbol: [String: String]
  /// Every message type name (for extension-number questions).
  let messageTypes: Set<String>

  /// Indexes the descriptor set generated from proto/.
  static let api: DescriptorIndex = {
    guard
      let data = Data(
        base64Encoded: APIDescriptors.fileDescriptorSetBase64,
        options: .ignoreUnknownCharacters
      ),
      let set = try? Google_Protobuf_FileDescriptorSet(serializedBytes: data)
    else {
      preconditionFailure(
        "the embedded descriptor set is corrupt: regenerate with scripts/generate-protos.sh"
      )
    }
    return DescriptorIndex(set: set)
  }()

  init(set: Google_Protobuf_FileDescriptorSet) {
    var serializedFiles: [String: [UInt8]] = [:]
    var dependencies: [String: [String]] = [:]
    var fileOfSymbol: [String: String] = [:]
    var messageTypes: Set<String> = []
    for file in set.file {
      serializedFiles[file.name] = (try? file.serializedBytes()) ?? []
      dependencies[file.name] = file.dependency
      let prefix = file.package.isEmpty ? "" : file.package + "."
      func addMessages(_ messages: [Google_Protobuf_DescriptorProto], scope: String) {
        for message in messages {
          let name = scope + message.name
          fileOfSymbol[name] = file.name
          messageTypes.insert(name)
          addMessages(message.nestedType, scope: name + ".")
          for nested in message.enumType { fileOfSymbol[name + "." + nested.name] = file.name }
        }
      }
      addMessages(file.messageType, scope: prefix)
      for enumType in file.enumType { fileOfSymbol[prefix + enumType.name] = file.name }
      for service in file.service {
        fileOfSymbol[prefix + service.name] = file.name
        for method in service.method {
          fileOfSymbol[prefix + service.name + "." + method.name] = file.name
        }
      }
    }
    self.serializedFiles = serializedFiles
    self.dependencies = dependencies
    self.fileOfSymbol = fileOfSymbol
    self.messageTypes = messageTypes
  }

  /// `file` and everything it imports, transitively, `file` first; nil for an unknown name.
  func fileWithDependencies(_ file: String) -> [[UInt8]]? {
    guard self.serializedFiles[file] != nil else { return nil }
    var ordered: [String] = []
    var seen: Set<String> = []
    var pending = [file]
    while let next = pending.popLast() {
      guard seen.insert(next).inserted else { continue }
      ordered.append(next)
      pending.append(contentsOf: (self.dependencies[next] ?? []).reversed())
    }
    return ordered.compactMap { self.serializedFiles[$0] }
  }
}
