import GRPCNGHTTP2
import ShopRecAPI
import ShopRecCore

/// One `ComposeStream` stream: one letter per request, in request order. A request that fails
/// gives a letter with `error` set (and no blocks) and the stream goes on. Flow control is the
/// transport's: it delivers requests only while the queued letters stay below the high-water
/// mark, and withholds HTTP/2 window credit meanwhile, so a fast sender is slowed down.
final class ComposeStreamCall: GRPCStreamingCall {
  let service: LettersService
  /// This stream's wire encoder (its buffer is reused letter after letter).
  let encoder = LetterWireEncoder()

  init(service: LettersService) {
    self.service = service
  }

  func receive(message: UnsafeRawBufferPointer, output: inout GRPCStreamOutput) {
    let failure: String
    let request: Shoprec_V1_ComposeRequest
    switch ProtobufMethods.decode(Shoprec_V1_ComposeRequest.self, from: message) {
    case .success(let decoded):
      request = decoded
      do throws(ServiceError) {
        guard let snapshot = self.service.store.current else {
          throw .unavailable("no snapshot loaded yet")
        }
        try self.service.compose(request, on: snapshot, into: self.encoder)
        self.encoder.withUnsafeBytes { output.send($0) }
        return
      } catch {
        failure = error.grpcStatus.description
      }
    case .failure(let status):
      request = Shoprec_V1_ComposeRequest()
      failure = status.description
    }
    let letter = LetterEncoding.failedLetter(
      request,
      error: failure,
      snapshot: self.service.store.current
    )
    ProtobufMethods.send(letter, to: &output)
  }

  func receiveEnd(output: inout GRPCStreamOutput) {
    output.finish(.ok)
  }

  func resume(output: inout GRPCStreamOutput) {}

  func cancel() {}
}
