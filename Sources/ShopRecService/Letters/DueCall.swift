import GRPCNGHTTP2
import ShopRecAPI
import ShopRecCore

/// One `Due` stream: produces due letters while the output has room, examining a bounded number
/// of orders per turn and waking itself to go on, so a shop with millions of orders streams with
/// flow control and never holds its event loop for long.
final class DueCall: GRPCStreamingCall {
  /// Orders examined per turn before yielding the event loop.
  static let ordersPerTurn = 1 << 16

  let service: LettersService
  let waker: GRPCStreamWaker
  var request: Shoprec_V1_DueRequest?
  var finder: DueLetterFinder?
  var products: [ProductIndex] = []

  init(service: LettersService, waker: GRPCStreamWaker) {
    self.service = service
    self.waker = waker
  }

  func receive(message: UnsafeRawBufferPointer, output: inout GRPCStreamOutput) {
    guard self.request == nil else {
      output.finish(GRPCStatus(code: .invalidArgument, message: "Due takes one request"))
      return
    }
    switch ProtobufMethods.decode(Shoprec_V1_DueRequest.self, from: message) {
    case .success(let request):
      self.request = request
    case .failure(let status):
      output.finish(status)
    }
  }

  func receiveEnd(output: inout GRPCStreamOutput) {
    guard let request = self.request else {
      output.finish(GRPCStatus(code: .invalidArgument, message: "Due needs a request"))
      return
    }
    do {
      self.finder = try self.service.dueFinder(request)
    } catch {
      output.finish(error.grpcStatus)
      return
    }
    self.produce(output: &output)
  }

  func resume(output: inout GRPCStreamOutput) {
    self.produce(output: &output)
  }

  func cancel() {
    self.finder = nil
  }

  private func produce(output: inout GRPCStreamOutput) {
    guard var finder = self.finder else { return }
    defer { self.finder = finder }
    var budget = Self.ordersPerTurn
    while !output.isFull && !output.isFinished {
      if let letter = finder.next(products: &self.products, budget: &budget) {
        let message = LetterEncoding.dueLetter(
          letter,
          products: self.products,
          snapshot: finder.snapshot
        )
        ProtobufMethods.send(message, to: &output)
      } else if finder.isFinished {
        output.finish(.ok)
      } else {
        // A turn's worth of orders examined: let other work run, then go on.
        self.waker.wake()
        return
      }
    }
    // Full: the transport calls `resume` once the output drains.
  }
}
