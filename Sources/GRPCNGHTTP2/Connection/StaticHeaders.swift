import CNGHTTP2

/// Header blocks the server sends, as nghttp2 name/value arrays over static strings, so a
/// response submits headers without building anything.
enum StaticHeaders {
  @inline(__always)
  static func pair(_ name: StaticString, _ value: StaticString) -> nghttp2_nv {
    nghttp2_nv(
      name: UnsafeMutablePointer(mutating: name.utf8Start),
      value: UnsafeMutablePointer(mutating: value.utf8Start),
      namelen: name.utf8CodeUnitCount,
      valuelen: value.utf8CodeUnitCount,
      flags: UInt8(NGHTTP2_NV_FLAG_NO_COPY_NAME.rawValue | NGHTTP2_NV_FLAG_NO_COPY_VALUE.rawValue)
    )
  }

  static func allocate(_ pairs: [nghttp2_nv]) -> UnsafeMutablePointer<nghttp2_nv> {
    let pointer = UnsafeMutablePointer<nghttp2_nv>.allocate(capacity: pairs.count)
    pointer.initialize(from: pairs, count: pairs.count)
    return pointer
  }

  /// `:status 200`, `content-type application/grpc`, `grpc-accept-encoding identity,gzip`.
  nonisolated(unsafe) static let okResponse = allocate([
    pair(":status", "200"),
    pair("content-type", "application/grpc"),
    pair("grpc-accept-encoding", "identity,gzip"),
  ])
  static let okResponseCount = 3

  /// `grpc-status 0`.
  nonisolated(unsafe) static let okTrailers = allocate([pair("grpc-status", "0")])

  /// The decimal strings of status codes 0...16.
  static let statusStrings: [StaticString] = [
    "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16",
  ]

  static func statusPair(_ code: Int) -> nghttp2_nv {
    let text = code >= 0 && code < statusStrings.count ? statusStrings[code] : "2"
    return pair("grpc-status", text)
  }

  /// Submits the trailers for a slot's final status (from inside the data read callback).
  static func submitTrailers(
    session: OpaquePointer?,
    streamID: Int32,
    slot: UnsafeMutablePointer<StreamSlot>
  ) {
    let code = Int(slot.pointee.finalStatus)
    if code == 0 && slot.pointee.finalMessage.count == 0 {
      nghttp2_submit_trailer(session, streamID, okTrailers, 1)
      return
    }
    var pairs = (statusPair(code), messagePair(slot.pointee.finalMessage))
    let count = slot.pointee.finalMessage.count > 0 ? 2 : 1
    withUnsafeMutableBytes(of: &pairs) { raw in
      let base = raw.baseAddress!.assumingMemoryBound(to: nghttp2_nv.self)
      _ = nghttp2_submit_trailer(session, streamID, base, count)
    }
  }

  /// `grpc-message` with a copied (not static) value.
  static func messagePair(_ message: RawBytes) -> nghttp2_nv {
    nghttp2_nv(
      name: UnsafeMutablePointer(mutating: StaticString("grpc-message").utf8Start),
      value: message.base ?? UnsafeMutablePointer(mutating: StaticString("").utf8Start),
      namelen: 12,
      valuelen: message.count,
      flags: UInt8(NGHTTP2_NV_FLAG_NO_COPY_NAME.rawValue)
    )
  }

  /// Submits a Trailers-Only response (headers with END_STREAM) for an error status.
  static func submitTrailersOnly(
    session: OpaquePointer?,
    streamID: Int32,
    code: Int,
    message: RawBytes,
    httpStatus: StaticString = "200"
  ) -> Int32 {
    var pairs = (
      pair(":status", httpStatus),
      pair("content-type", "application/grpc"),
      pair("grpc-accept-encoding", "identity,gzip"),
      statusPair(code),
      messagePair(message)
    )
    let count = message.count > 0 ? 5 : 4
    return withUnsafeMutableBytes(of: &pairs) { raw in
      let base = raw.baseAddress!.assumingMemoryBound(to: nghttp2_nv.self)
      return nghttp2_submit_response(session, streamID, base, count, nil)
    }
  }
}
