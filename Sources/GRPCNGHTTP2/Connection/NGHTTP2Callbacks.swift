import CNGHTTP2

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// nghttp2's server callbacks. Each receives the connection's ``ConnectionState`` address as
/// `user_data` and only records facts in plain memory (see ConnectionState).
enum NGHTTP2Callbacks {
  /// The callback set, created once per process and copied by every session.
  nonisolated(unsafe) static let server: OpaquePointer = {
    var callbacks: OpaquePointer?
    precondition(nghttp2_session_callbacks_new(&callbacks) == 0, "nghttp2 out of memory")
    nghttp2_session_callbacks_set_on_begin_headers_callback(callbacks, onBeginHeaders)
    nghttp2_session_callbacks_set_on_header_callback(callbacks, onHeader)
    nghttp2_session_callbacks_set_on_frame_recv_callback(callbacks, onFrameReceived)
    nghttp2_session_callbacks_set_on_data_chunk_recv_callback(callbacks, onDataChunk)
    nghttp2_session_callbacks_set_on_stream_close_callback(callbacks, onStreamClose)
    nghttp2_session_callbacks_set_on_frame_send_callback(callbacks, onFrameSent)
    return callbacks!
  }()

  @inline(__always)
  static func state(_ userData: UnsafeMutableRawPointer?) -> UnsafeMutablePointer<ConnectionState> {
    userData.unsafelyUnwrapped.assumingMemoryBound(to: ConnectionState.self)
  }

  static let onBeginHeaders: nghttp2_on_begin_headers_callback = { session, frame, userData in
    let frame = frame.unsafelyUnwrapped
    guard frame.pointee.hd.type == UInt8(NGHTTP2_HEADERS.rawValue),
      frame.pointee.headers.cat == NGHTTP2_HCAT_REQUEST
    else { return 0 }
    let state = Self.state(userData)
    let streamID = frame.pointee.hd.stream_id
    let index = state.pointee.acquireSlot(streamID: streamID)
    nghttp2_session_set_stream_user_data(
      session,
      streamID,
      UnsafeMutableRawPointer(bitPattern: Int(index) + 1)
    )
    return 0
  }

  static let onHeader: nghttp2_on_header_callback = {
    _,
    frame,
    name,
    nameLength,
    value,
    valueLength,
    _,
    userData in
    let frame = frame.unsafelyUnwrapped
    guard frame.pointee.hd.type == UInt8(NGHTTP2_HEADERS.rawValue),
      frame.pointee.headers.cat == NGHTTP2_HCAT_REQUEST
    else { return 0 }
    let state = Self.state(userData)
    guard let index = state.pointee.slotIndex(of: frame.pointee.hd.stream_id) else { return 0 }
    let slot = state.pointee.slots + Int(index)
    let name = name.unsafelyUnwrapped
    let value = value.unsafelyUnwrapped
    RequestHeaders.apply(
      name: UnsafeBufferPointer(start: name, count: nameLength),
      value: UnsafeBufferPointer(start: value, count: valueLength),
      to: slot,
      state: state
    )
    return 0
  }

  static let onFrameReceived: nghttp2_on_frame_recv_callback = { _, frame, userData in
    let frame = frame.unsafelyUnwrapped
    let type = UInt32(frame.pointee.hd.type)
    guard type == NGHTTP2_HEADERS.rawValue || type == NGHTTP2_DATA.rawValue else { return 0 }
    let state = Self.state(userData)
    guard let index = state.pointee.slotIndex(of: frame.pointee.hd.stream_id) else { return 0 }
    let slot = state.pointee.slots + Int(index)
    let endStream = frame.pointee.hd.flags & UInt8(NGHTTP2_FLAG_END_STREAM.rawValue) != 0
    if type == NGHTTP2_HEADERS.rawValue {
      slot.pointee.flags.insert(.headersComplete)
      if endStream { slot.pointee.flags.insert(.endStreamReceived) }
      state.pointee.markDirty(index)
    } else if endStream {
      slot.pointee.flags.insert(.endStreamReceived)
      state.pointee.markDirty(index)
    }
    return 0
  }

  static let onDataChunk: nghttp2_on_data_chunk_recv_callback = {
    session,
    _,
    streamID,
    data,
    length,
    userData in
    let state = Self.state(userData)
    guard let index = state.pointee.slotIndex(of: streamID) else {
      nghttp2_session_consume(session, streamID, length)
      return 0
    }
    let slot = state.pointee.slots + Int(index)
    let methodIndex = Int(slot.pointee.methodIndex)
    let isStreaming =
      methodIndex >= 0 && state.pointee.methods.kinds[methodIndex] != GRPCMethodKind.unary.rawValue
    if slot.pointee.flags.contains(.messageTooLarge) || slot.pointee.phase == .closed
      || (!isStreaming && slot.pointee.phase != .receiving)
    {
      nghttp2_session_consume(session, streamID, length)
      return 0
    }
    slot.pointee.request.append(data.unsafelyUnwrapped, length)
    let request = slot.pointee.request
    let head = slot.pointee.requestOffset
    if request.count - head >= GRPCFraming.prefixLength,
      GRPCFraming.readLength(request.base! + head) > state.pointee.maxReceiveMessageSize
    {
      slot.pointee.flags.insert(.messageTooLarge)
      slot.pointee.request.reset()
      state.pointee.markDirty(index)
    }
    if isStreaming {
      state.pointee.markDirty(index)
    } else {
      nghttp2_session_consume(session, streamID, length)
    }
    return 0
  }

  /// Once the response's last frame is out while the client is still sending, resets the stream
  /// with NO_ERROR so both sides can free it (grpc/grpc PROTOCOL-HTTP2.md, Early Server Closure).
  static let onFrameSent: nghttp2_on_frame_send_callback = { session, frame, userData in
    let frame = frame.unsafelyUnwrapped
    let type = UInt32(frame.pointee.hd.type)
    guard type == NGHTTP2_HEADERS.rawValue || type == NGHTTP2_DATA.rawValue,
      frame.pointee.hd.flags & UInt8(NGHTTP2_FLAG_END_STREAM.rawValue) != 0
    else { return 0 }
    let state = Self.state(userData)
    let streamID = frame.pointee.hd.stream_id
    guard let index = state.pointee.slotIndex(of: streamID),
      !state.pointee.slots[Int(index)].flags.contains(.endStreamReceived)
    else { return 0 }
    nghttp2_submit_rst_stream(
      session,
      UInt8(NGHTTP2_FLAG_NONE.rawValue),
      streamID,
      NGHTTP2_NO_ERROR.rawValue
    )
    return 0
  }

  static let onStreamClose: nghttp2_on_stream_close_callback = { _, streamID, _, userData in
    let state = Self.state(userData)
    guard let index = state.pointee.slotIndex(of: streamID) else { return 0 }
    state.pointee.slots[Int(index)].phase = .closed
    state.pointee.markDirty(index)
    return 0
  }

  /// Feeds a stream's queued response bytes to nghttp2; submits the trailers once they are all
  /// taken and the final status is known (EOF without END_STREAM, then `nghttp2_submit_trailer`).
  static let readResponse: nghttp2_data_source_read_callback = {
    session,
    streamID,
    buffer,
    length,
    dataFlags,
    source,
    userData in
    let state = Self.state(userData)
    let index = Int32(truncatingIfNeeded: Int(bitPattern: source.unsafelyUnwrapped.pointee.ptr) - 1)
    let slot = state.pointee.slots + Int(index)
    let pending = slot.pointee.response.count - slot.pointee.responseSent
    var copied = 0
    if pending > 0 {
      copied = min(pending, length)
      memcpy(
        buffer.unsafelyUnwrapped,
        slot.pointee.response.base! + slot.pointee.responseSent,
        copied
      )
      slot.pointee.responseSent += copied
    }
    let remaining = pending - copied
    if remaining == 0 && slot.pointee.finalStatus >= 0 {
      dataFlags.unsafelyUnwrapped.pointee |=
        NGHTTP2_DATA_FLAG_EOF.rawValue | NGHTTP2_DATA_FLAG_NO_END_STREAM.rawValue
      slot.pointee.flags.insert(.trailersSubmitted)
      StaticHeaders.submitTrailers(session: session, streamID: streamID, slot: slot)
      return copied
    }
    if remaining < state.pointee.lowWaterMark {
      slot.pointee.flags.insert(.outputDrained)
      state.pointee.markDirty(index)
    }
    if copied == 0 {
      slot.pointee.flags.insert(.dataDeferred)
      return Int(NGHTTP2_ERR_DEFERRED.rawValue)
    }
    return copied
  }
}
