import CNGHTTP2
import NIOCore

extension GRPCConnectionHandler {
  /// Schedules one timer at the earliest deadline of a call still in progress.
  func armDeadlineTimerIfNeeded() {
    guard self.state.pointee.deadlinesPending, let eventLoop = self.context?.eventLoop else {
      return
    }
    var earliest = UInt64.max
    for index in 0 ..< self.state.pointee.slotCapacity where self.isAwaitingDeadline(Int32(index)) {
      earliest = min(earliest, self.state.pointee.slots[index].deadline)
    }
    if earliest == UInt64.max {
      self.state.pointee.deadlinesPending = false
      return
    }
    if self.deadlineTimer != nil && self.deadlineTimerAt <= earliest { return }
    self.deadlineTimer?.cancel()
    self.deadlineTimerAt = earliest
    let loopBound = NIOLoopBound(self, eventLoop: eventLoop)
    let when = NIODeadline.uptimeNanoseconds(
      earliest > UInt64(Int64.max) ? UInt64(Int64.max) : earliest
    )
    self.deadlineTimer = eventLoop.scheduleTask(deadline: when) {
      loopBound.value.deadlineTimerFired()
    }
  }

  private func isAwaitingDeadline(_ index: Int32) -> Bool {
    let slot = self.state.pointee.slots[Int(index)]
    guard slot.deadline != 0 else { return false }
    switch slot.phase {
    case .receiving, .awaitingHandler: return true
    case .responding: return self.calls[index] != nil
    case .free, .closed: return false
    }
  }

  private func deadlineTimerFired() {
    self.deadlineTimer = nil
    guard !self.isTornDown else { return }
    let now = RequestHeaders.uptimeNanoseconds()
    for position in 0 ..< self.state.pointee.slotCapacity {
      let index = Int32(position)
      guard self.isAwaitingDeadline(index), self.state.pointee.slots[position].deadline <= now
      else { continue }
      let status = GRPCStatus(code: .deadlineExceeded, message: "deadline exceeded")
      if self.state.pointee.slots[position].phase == .responding {
        // Response headers went out: end the call with DEADLINE_EXCEEDED in the trailers (after
        // what is already queued), so every client sees that status, not a bare reset.
        if let call = self.calls.removeValue(forKey: index) { call.cancel() }
        self.state.pointee.slots[position].setFinalStatus(status)
        self.resumeData(slot: index)
      } else {
        self.respondWithTrailersOnly(slot: index, status: status)
      }
    }
    self.flushOutput()
  }

  /// Starts a graceful shutdown of this connection: GOAWAY with the last stream id (after a
  /// shutdown notice), in-flight RPCs finish, then the connection closes.
  func beginGracefulShutdown() {
    guard !self.isDraining, !self.isTornDown, let session = self.session else { return }
    self.isDraining = true
    nghttp2_submit_shutdown_notice(session)
    self.flushOutput()
  }

  /// Sends the final GOAWAY and closes once a draining connection has no open streams.
  func finishDrainingIfIdle() {
    guard self.isDraining, let session = self.session, let context = self.context else { return }
    if !self.goAwaySent && self.state.pointee.openStreams == 0 {
      self.goAwaySent = true
      nghttp2_submit_goaway(
        session,
        UInt8(NGHTTP2_FLAG_NONE.rawValue),
        nghttp2_session_get_last_proc_stream_id(session),
        NGHTTP2_NO_ERROR.rawValue,
        nil,
        0
      )
      self.flushOutput()
      context.close(promise: nil)
    }
  }
}
