import GRPCNGHTTP2
import ShopRecAPI
import ShopRecCore

/// One `ComposeStream` stream: one letter per request, in request order. A request that fails
/// gives a letter with `error` set (and no blocks) and the stream goes on. Flow control is the
/// transport's: it delivers requests only while the queued letters stay below the high-water
/// mark, and withholds HTTP/2 window credit meanwhile, so a fast sender is slowed down.
final class ComposeStreamCall: GRPCStreamingCall {
  let service: LettersService

  init(service: LettersService) {
    self.service = service
  }

  func receive(message: UnsafeRawBufferPointer, output: inout GRPCStreamOutput) {
    let letter: Shoprec_V1_Letter
    switch ProtobufMethods.decode(Shoprec_V1_ComposeRequest.self, from: message) {
    case .success(let request):
      let snapshot = self.service.store.current
      do throws(ServiceError) {
        guard let snapshot else { throw .unavailable("no snapshot loaded yet") }
        letter = try self.service.compose(request, on: snapshot)
      } catch {
        letter = LetterEncoding.failedLetter(
          request,
          error: error.grpcStatus.description,
          snapshot: snapshot
        )
      }
    case .failure(let status):
      letter = LetterEncoding.failedLetter(
        Shoprec_V1_ComposeRequest(),
        error: status.description,
        snapshot: self.service.store.current
      )
    }
    ProtobufMethods.send(letter, to: &output)
  }

  func receiveEnd(output: inout GRPCStreamOutput) {
    output.finish(.ok)
  }

  func resume(output: inout GRPCStreamOutput) {}

  func cancel() {}
}
