import CNGHTTP2
import NIOCore

extension GRPCConnectionHandler {
  /// Acts on every stream nghttp2's callbacks marked since the last call.
  func processDirtyStreams() {
    if self.router.maximumPrefetchPasses > 0 && self.state.pointee.dirtyCount > 1 {
      self.prefetchCompleteRequests()
    }
    var position = 0
    while position < self.state.pointee.dirtyCount {
      let index = self.state.pointee.dirty[position]
      position += 1
      self.state.pointee.slots[Int(index)].flags.remove(.inDirtyList)
      self.process(slot: index)
      if self.isTornDown { return }
    }
    self.state.pointee.dirtyCount = 0
  }

  /// Gives every complete, uncompressed unary request among the dirty streams to its method's
  /// cache hint, before any of them is handled (see ``GRPCRequestPrefetch``).
  private func prefetchCompleteRequests() {
    let dirtyCount = self.state.pointee.dirtyCount
    for pass in 0 ..< self.router.maximumPrefetchPasses {
      for position in 0 ..< dirtyCount {
        let slot = self.state.pointee.slots + Int(self.state.pointee.dirty[position])
        guard slot.pointee.phase == .receiving,
          slot.pointee.flags.contains(.endStreamReceived),
          slot.pointee.methodIndex >= 0,
          pass < self.router.prefetchPasses[Int(slot.pointee.methodIndex)],
          let prefetch = self.router.prefetchers[Int(slot.pointee.methodIndex)]
        else { continue }
        let request = slot.pointee.request
        guard request.count > GRPCFraming.prefixLength, request.base![0] == 0,
          GRPCFraming.readLength(request.base!) == request.count - GRPCFraming.prefixLength
        else { continue }
        if pass == 0 { slot.pointee.prefetchContext = 0 }
        prefetch(
          UnsafeRawBufferPointer(
            start: request.base! + GRPCFraming.prefixLength,
            count: request.count - GRPCFraming.prefixLength
          ),
          pass,
          &slot.pointee.prefetchContext
        )
      }
    }
  }

  private func process(slot index: Int32) {
    let slot = self.state.pointee.slots + Int(index)
    switch slot.pointee.phase {
    case .free, .awaitingHandler:
      return
    case .closed:
      if let call = self.calls.removeValue(forKey: index) { call.cancel() }
      self.state.pointee.releaseSlot(index)
    case .receiving:
      if let (status, httpStatus) = self.earlyRejection(slot) {
        self.respondWithTrailersOnly(slot: index, status: status, httpStatus: httpStatus)
        return
      }
      switch self.router.handlers[Int(slot.pointee.methodIndex)] {
      case .unary(let handler):
        if slot.pointee.flags.contains(.endStreamReceived) {
          self.dispatchUnary(slot: index, handler: handler)
        }
      case .asyncUnary(let handler):
        if slot.pointee.flags.contains(.endStreamReceived) {
          self.dispatchAsyncUnary(slot: index, handler: handler)
        }
      case .streaming(_, let factory):
        if slot.pointee.flags.contains(.headersComplete) {
          self.startStreamingCall(slot: index, factory: factory)
        }
      }
    case .responding:
      if self.calls[index] != nil { self.driveStreamingCall(slot: index) }
    }
  }

  /// The status to answer with before reading the request, if the headers already rule it out.
  private func earlyRejection(
    _ slot: UnsafeMutablePointer<StreamSlot>
  ) -> (GRPCStatus, StaticString)? {
    let flags = slot.pointee.flags
    if flags.contains(.methodNotPOST) {
      return (GRPCStatus(code: .unimplemented, message: "gRPC requires POST"), "405")
    }
    if flags.contains(.headersComplete) && !flags.contains(.contentTypeSeen)
      || flags.contains(.badContentType)
    {
      return (
        GRPCStatus(code: .internalError, message: "content-type must be application/grpc"), "415"
      )
    }
    if slot.pointee.methodIndex < 0 {
      let path = String(decoding: slot.pointee.finalMessage.bytes, as: UTF8.self)
      return (GRPCStatus(code: .unimplemented, message: "unknown method \(path)"), "200")
    }
    if flags.contains(.unsupportedEncoding) {
      let message = "grpc-encoding not supported (supported: identity, gzip)"
      return (GRPCStatus(code: .unimplemented, message: message), "200")
    }
    if flags.contains(.messageTooLarge) {
      let limit = self.state.pointee.maxReceiveMessageSize
      let message = "request message larger than the limit of \(limit) bytes"
      return (GRPCStatus(code: .resourceExhausted, message: message), "200")
    }
    let deadline = slot.pointee.deadline
    if deadline != 0 && RequestHeaders.uptimeNanoseconds() >= deadline {
      return (GRPCStatus(code: .deadlineExceeded, message: "deadline exceeded"), "200")
    }
    return nil
  }

  /// Answers with a Trailers-Only response (HEADERS with END_STREAM).
  func respondWithTrailersOnly(
    slot index: Int32,
    status: GRPCStatus,
    httpStatus: StaticString = "200"
  ) {
    let slot = self.state.pointee.slots + Int(index)
    slot.pointee.setFinalStatus(status)
    slot.pointee.phase = .responding
    slot.pointee.flags.insert(.trailersSubmitted)
    _ = StaticHeaders.submitTrailersOnly(
      session: self.session,
      streamID: slot.pointee.streamID,
      code: status.code.rawValue,
      message: slot.pointee.finalMessage,
      httpStatus: httpStatus
    )

  }

  /// Submits response headers with a data source reading the slot's response buffer.
  func submitResponse(slot index: Int32) {
    let slot = self.state.pointee.slots + Int(index)
    slot.pointee.phase = .responding
    var provider = nghttp2_data_provider(
      source: nghttp2_data_source(ptr: UnsafeMutableRawPointer(bitPattern: Int(index) + 1)),
      read_callback: NGHTTP2Callbacks.readResponse
    )
    nghttp2_submit_response(
      self.session,
      slot.pointee.streamID,
      StaticHeaders.okResponse,
      StaticHeaders.okResponseCount,
      &provider
    )
  }

  private func dispatchUnary(slot index: Int32, handler: GRPCUnaryHandler) {
    guard let message = self.unaryRequestMessage(slot: index) else { return }
    let slot = self.state.pointee.slots + Int(index)
    slot.pointee.response.truncate(to: 0)
    slot.pointee.responseSent = 0
    _ = slot.pointee.response.extend(by: GRPCFraming.prefixLength)
    let responseBuffer = Self.responseBuffer(of: slot)
    var writer = GRPCResponseWriter(buffer: responseBuffer)
    let status = handler(message, &writer)
    if status.isOK {
      let length = slot.pointee.response.count - GRPCFraming.prefixLength
      GRPCFraming.writePrefix(to: slot.pointee.response.base!, length: length, compressed: false)
      slot.pointee.finalStatus = 0
      slot.pointee.finalMessage.truncate(to: 0)
      self.submitResponse(slot: index)
    } else {
      slot.pointee.response.truncate(to: 0)
      self.respondWithTrailersOnly(slot: index, status: status)
    }
  }

  private func dispatchAsyncUnary(slot index: Int32, handler: @escaping GRPCAsyncUnaryHandler) {
    guard let message = self.unaryRequestMessage(slot: index),
      let eventLoop = self.context?.eventLoop
    else { return }
    let slot = self.state.pointee.slots + Int(index)
    let request = [UInt8](message)
    slot.pointee.phase = .awaitingHandler
    let generation = slot.pointee.generation
    let loopBound = NIOLoopBound(self, eventLoop: eventLoop)
    Task {
      let result = await handler(request)
      loopBound.eventLoop.execute {
        loopBound.value.completeAsyncUnary(slot: index, generation: generation, result: result)
      }
    }
  }

  private func completeAsyncUnary(
    slot index: Int32,
    generation: UInt32,
    result: Result<[UInt8], GRPCStatus>
  ) {
    guard !self.isTornDown else { return }
    let slot = self.state.pointee.slots + Int(index)
    guard slot.pointee.generation == generation, slot.pointee.phase == .awaitingHandler else {
      return
    }
    switch result {
    case .success(let bytes):
      slot.pointee.response.truncate(to: 0)
      slot.pointee.responseSent = 0
      bytes.withUnsafeBytes { slot.pointee.appendResponseMessage($0) }
      slot.pointee.finalStatus = 0
      slot.pointee.finalMessage.truncate(to: 0)
      self.submitResponse(slot: index)
    case .failure(let status):
      self.respondWithTrailersOnly(slot: index, status: status)
    }
    self.flushOutput()
  }

  /// The single request message of a unary call, decompressed; answers with an error and
  /// returns nil when the body is not exactly one well-formed message.
  private func unaryRequestMessage(slot index: Int32) -> UnsafeRawBufferPointer? {
    let slot = self.state.pointee.slots + Int(index)
    let request = slot.pointee.request
    guard request.count >= GRPCFraming.prefixLength else {
      let message =
        request.count == 0 ? "unary call without a request message" : "truncated message"
      self.respondWithTrailersOnly(
        slot: index,
        status: GRPCStatus(code: .internalError, message: message)
      )
      return nil
    }
    let length = GRPCFraming.readLength(request.base!)
    guard request.count == GRPCFraming.prefixLength + length else {
      let message =
        request.count < GRPCFraming.prefixLength + length
        ? "truncated message" : "unary call with more than one request message"
      self.respondWithTrailersOnly(
        slot: index,
        status: GRPCStatus(code: .internalError, message: message)
      )
      return nil
    }
    let payload = UnsafeRawBufferPointer(
      start: request.base! + GRPCFraming.prefixLength,
      count: length
    )
    return self.decodeMessage(payload, compressed: request.base![0] != 0, slot: index)
  }

  /// Decompresses a message when its compressed flag is set; answers with an error and returns
  /// nil when that is not possible.
  func decodeMessage(
    _ payload: UnsafeRawBufferPointer,
    compressed: Bool,
    slot index: Int32
  ) -> UnsafeRawBufferPointer? {
    guard compressed else { return payload }
    let slot = self.state.pointee.slots + Int(index)
    guard slot.pointee.flags.contains(.gzipEncoding) else {
      let status = GRPCStatus(
        code: .internalError,
        message: "compressed message without a grpc-encoding header"
      )
      self.failCall(slot: index, status: status)
      return nil
    }
    let limit = self.state.pointee.maxReceiveMessageSize
    guard GzipInflater.inflate(payload, into: &self.inflated, limit: limit) else {
      let status = GRPCStatus(
        code: .internalError,
        message: "could not decompress the gzip message (or it exceeds \(limit) bytes)"
      )
      self.failCall(slot: index, status: status)
      return nil
    }
    return self.inflated.bytes
  }

  /// Ends a call with an error, whether or not response headers went out already.
  func failCall(slot index: Int32, status: GRPCStatus) {
    let slot = self.state.pointee.slots + Int(index)
    if slot.pointee.phase == .receiving {
      self.respondWithTrailersOnly(slot: index, status: status)
    } else {
      slot.pointee.setFinalStatus(status)
      if let call = self.calls.removeValue(forKey: index) { call.cancel() }
      self.resumeData(slot: index)
    }
  }

  /// Tells nghttp2 a deferred stream has data (or its end) again.
  func resumeData(slot index: Int32) {
    let slot = self.state.pointee.slots + Int(index)
    if slot.pointee.flags.contains(.dataDeferred) {
      slot.pointee.flags.remove(.dataDeferred)
      nghttp2_session_resume_data(self.session, slot.pointee.streamID)
    }
  }

  static func responseBuffer(
    of slot: UnsafeMutablePointer<StreamSlot>
  ) -> UnsafeMutablePointer<RawBytes> {
    let offset = MemoryLayout<StreamSlot>.offset(of: \StreamSlot.response)!
    return (UnsafeMutableRawPointer(slot) + offset).assumingMemoryBound(to: RawBytes.self)
  }
}
