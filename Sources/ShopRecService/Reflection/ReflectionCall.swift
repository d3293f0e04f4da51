import Foundation
import GRPCNGHTTP2
import ShopRecAPI

/// One reflection stream (v1 or v1alpha): answers each question in order.
final class ReflectionCall: GRPCStreamingCall {
  typealias Request = Grpc_Reflection_V1_ServerReflectionRequest
  typealias Response = Grpc_Reflection_V1_ServerReflectionResponse
  let service: ReflectionService

  init(service: ReflectionService) { self.service = service }

  func receive(message: UnsafeRawBufferPointer, output: inout GRPCStreamOutput) {
    switch ProtobufMethods.decode(Request.self, from: message) {
    case .failure(let status):
      output.finish(status)
    case .success(let request):
      var response = Response()
      response.validHost = request.host
      response.originalRequest = request
      let answer: ReflectionService.Answer
      switch request.messageRequest {
      case .fileByFilename(let name): answer = self.service.answerFileByName(name)
      case .fileContainingSymbol(let symbol):
        answer = self.service.answerFileContainingSymbol(symbol)
      case .fileContainingExtension(let ext):
        answer = .error(
          code: 5,
          message: "no extension \(ext.extensionNumber) of \(ext.containingType)"
        )
      case .allExtensionNumbersOfType(let type):
        answer = self.service.answerExtensionNumbers(of: type)
      case .listServices: answer = .services(self.service.serviceNames)
      case .none: answer = .error(code: 3, message: "empty reflection request")
      }
      switch answer {
      case .files(let files):
        var files_ = Grpc_Reflection_V1_FileDescriptorResponse()
        files_.fileDescriptorProto = files.map { Data($0) }
        response.fileDescriptorResponse = files_
      case .services(let names):
        var list = Grpc_Reflection_V1_ListServiceResponse()
        list.service = names.map { name in
          var entry = Grpc_Reflection_V1_ServiceResponse()
          entry.name = name
          return entry
        }
        response.listServicesResponse = list
      case .extensionNumbers(let type):
        var numbers = Grpc_Reflection_V1_ExtensionNumberResponse()
        numbers.baseTypeName = type
        response.allExtensionNumbersResponse = numbers
      case .error(let code, let message):
        var error = Grpc_Reflection_V1_ErrorResponse()
        error.errorCode = code
        error.errorMessage = message
        response.errorResponse = error
      }
      ProtobufMethods.send(response, to: &output)
    }
  }

  func receiveEnd(output: inout GRPCStreamOutput) { output.finish(.ok) }
  func resume(output: inout GRPCStreamOutput) {}
  func cancel() {}
}
