import CNGHTTP2
import NIOCore

extension GRPCConnectionHandler {
  /// Creates the call object, sends the response headers and delivers what already arrived.
  func startStreamingCall(slot index: Int32, factory: GRPCStreamingCallFactory) {
    guard let eventLoop = self.context?.eventLoop else { return }
    let slot = self.state.pointee.slots + Int(index)
    slot.pointee.flags.insert(.callStarted)
    let generation = slot.pointee.generation
    let loopBound = NIOLoopBound(self, eventLoop: eventLoop)
    let waker = GRPCStreamWaker {
      loopBound.eventLoop.execute {
        loopBound.value.wake(slot: index, generation: generation)
      }
    }
    let deadline = slot.pointee.deadline
    let context = GRPCStreamContext(
      path: self.router.paths[Int(slot.pointee.methodIndex)],
      deadlineUptimeNanoseconds: deadline == 0 ? nil : deadline,
      waker: waker
    )
    self.calls[index] = factory(context)
    self.submitResponse(slot: index)
    self.driveStreamingCall(slot: index)
  }

  /// Wakes a streaming call (from its waker) if it still runs on this slot.
  func wake(slot index: Int32, generation: UInt32) {
    guard !self.isTornDown else { return }
    let slot = self.state.pointee.slots + Int(index)
    guard slot.pointee.generation == generation, self.calls[index] != nil else { return }
    slot.pointee.flags.insert(.outputDrained)
    self.driveStreamingCall(slot: index)
    self.flushOutput()
  }

  /// Delivers complete request messages while output has room, the end of the request once
  /// everything is delivered, and asks the call for more output when it drained.
  func driveStreamingCall(slot index: Int32) {
    guard let call = self.calls[index] else { return }
    let slot = self.state.pointee.slots + Int(index)
    var output = GRPCStreamOutput(
      slot: slot,
      highWaterMark: self.router.configuration.streamingHighWaterMark
    )
    let limit = self.state.pointee.maxReceiveMessageSize
    if slot.pointee.flags.contains(.messageTooLarge) {
      // Ended by the transport, not by the call: the call is cancelled (frees what it holds).
      self.failCall(slot: index, status: self.messageTooLargeStatus)
      return
    }
    let kind = self.state.pointee.methods.kinds[Int(slot.pointee.methodIndex)]
    while !output.isFinished && !output.isFull {
      let available = slot.pointee.request.count - slot.pointee.requestOffset
      guard available >= GRPCFraming.prefixLength else { break }
      let head = slot.pointee.request.base! + slot.pointee.requestOffset
      let length = GRPCFraming.readLength(head)
      if length > limit {
        // Decided from the prefix of a later message too, without waiting for its bytes.
        self.failCall(slot: index, status: self.messageTooLargeStatus)
        return
      }
      guard available >= GRPCFraming.prefixLength + length else { break }
      if kind == GRPCMethodKind.serverStreaming.rawValue
        && slot.pointee.flags.contains(.requestDelivered)
      {
        let message = "server-streaming call with more than one request message"
        self.failCall(slot: index, status: GRPCStatus(code: .internalError, message: message))
        return
      }
      slot.pointee.flags.insert(.requestDelivered)
      let frameLength = GRPCFraming.prefixLength + length
      let payload = UnsafeRawBufferPointer(start: head + GRPCFraming.prefixLength, count: length)
      slot.pointee.requestOffset += frameLength
      nghttp2_session_consume(self.session, slot.pointee.streamID, frameLength)
      guard let message = self.decodeMessage(payload, compressed: head[0] != 0, slot: index)
      else { return }
      call.receive(message: message, output: &output)
    }
    self.compactRequest(slot)
    let everythingDelivered = slot.pointee.request.count == slot.pointee.requestOffset
    if !output.isFinished && slot.pointee.flags.contains(.endStreamReceived)
      && everythingDelivered && !slot.pointee.flags.contains(.endDelivered)
    {
      slot.pointee.flags.insert(.endDelivered)
      call.receiveEnd(output: &output)
    }
    if slot.pointee.flags.contains(.outputDrained) && !output.isFinished && !output.isFull {
      slot.pointee.flags.remove(.outputDrained)
      call.resume(output: &output)
    }
    if output.isFinished {
      self.calls.removeValue(forKey: index)
    }
    if slot.pointee.pendingResponseBytes > 0 || output.isFinished {
      self.resumeData(slot: index)
    }
  }

  private var messageTooLargeStatus: GRPCStatus {
    let limit = self.state.pointee.maxReceiveMessageSize
    return GRPCStatus(
      code: .resourceExhausted,
      message: "request message larger than the limit of \(limit) bytes"
    )
  }

  private func compactRequest(_ slot: UnsafeMutablePointer<StreamSlot>) {
    let offset = slot.pointee.requestOffset
    if offset > 0 && offset >= slot.pointee.request.count / 2 {
      slot.pointee.request.removeFirst(offset)
      slot.pointee.requestOffset = 0
    }
  }
}
