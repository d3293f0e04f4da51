import CNGHTTP2
import Foundation
import GRPCNGHTTP2

/// A blocking HTTP/2 client for the tests, on libnghttp2's client session and a plain loopback
/// socket. It sends raw gRPC requests (any headers, any bytes) and collects everything that
/// comes back, so tests see the wire, not a client library's reading of it. One client belongs to one task; tests that want concurrency open several.
public final class TestHTTP2Client {
  public struct Response {
    public var headers: [(String, String)] = []
    public var data: [UInt8] = []
    public var trailers: [(String, String)] = []
    public var resetCode: UInt32?
    public var closed = false

    public func header(_ name: String) -> String? { self.headers.first { $0.0 == name }?.1 }
    public func trailer(_ name: String) -> String? { self.trailers.first { $0.0 == name }?.1 }
    /// grpc-status from the trailers, or from the headers of a Trailers-Only response.
    public var grpcStatus: Int? {
      (self.trailer("grpc-status") ?? self.header("grpc-status")).flatMap { Int($0) }
    }
    public var grpcMessage: String? { self.trailer("grpc-message") ?? self.header("grpc-message") }
    /// The response messages, unframed.
    public var messages: [[UInt8]] {
      var result: [[UInt8]] = []
      var offset = 0
      while offset + 5 <= self.data.count {
        let length =
          Int(self.data[offset + 1]) << 24 | Int(self.data[offset + 2]) << 16
          | Int(self.data[offset + 3]) << 8 | Int(self.data[offset + 4])
        guard offset + 5 + length <= self.data.count else { break }
        result.append(Array(self.data[offset + 5 ..< offset + 5 + length]))
        offset += 5 + length
      }
      return result
    }
  }

  public final class Stream {
    public var body: [UInt8]
    public var sent = 0
    public var endStream: Bool
    public var response = Response()
    public init(body: [UInt8], endStream: Bool) {
      self.body = body
      self.endStream = endStream
    }
  }

  public enum ClientError: Error {
    case connect(Int32)
    case session(Int)
    case closed
    case timedOut
  }

  public let socket: Int32
  public var session: OpaquePointer?
  public var streams: [Int32: Stream] = [:]
  public var goAwayReceived = false
  public var connectionClosed = false

  public init(port: Int, initialWindowSize: Int? = nil) throws {
    self.socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let result = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(self.socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard result == 0 else { throw ClientError.connect(errno) }
    var noDelay: Int32 = 1
    setsockopt(
      self.socket,
      Int32(IPPROTO_TCP),
      TCP_NODELAY,
      &noDelay,
      socklen_t(MemoryLayout<Int32>.size)
    )
    var callbacks: OpaquePointer?
    nghttp2_session_callbacks_new(&callbacks)
    defer { nghttp2_session_callbacks_del(callbacks) }
    nghttp2_session_callbacks_set_on_header_callback(callbacks, Self.onHeader)
    nghttp2_session_callbacks_set_on_data_chunk_recv_callback(callbacks, Self.onData)
    nghttp2_session_callbacks_set_on_stream_close_callback(callbacks, Self.onClose)
    nghttp2_session_callbacks_set_on_frame_recv_callback(callbacks, Self.onFrame)
    nghttp2_session_client_new(&self.session, callbacks, Unmanaged.passUnretained(self).toOpaque())
    var settings: [nghttp2_settings_entry] = []
    if let initialWindowSize {
      settings.append(
        nghttp2_settings_entry(
          settings_id: Int32(NGHTTP2_SETTINGS_INITIAL_WINDOW_SIZE.rawValue),
          value: UInt32(initialWindowSize)
        )
      )
    }
    nghttp2_submit_settings(self.session, 0, settings, settings.count)
  }

  deinit {
    nghttp2_session_del(self.session)
    close(self.socket)
  }

  static func this(_ userData: UnsafeMutableRawPointer?) -> TestHTTP2Client {
    Unmanaged<TestHTTP2Client>.fromOpaque(userData!).takeUnretainedValue()
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
    let client = this(userData)
    guard let stream = client.streams[frame!.pointee.hd.stream_id] else { return 0 }
    let pair = (
      String(decoding: UnsafeBufferPointer(start: name, count: nameLength), as: UTF8.self),
      String(decoding: UnsafeBufferPointer(start: value, count: valueLength), as: UTF8.self)
    )
    if stream.response.headers.isEmpty || frame!.pointee.headers.cat == NGHTTP2_HCAT_RESPONSE {
      stream.response.headers.append(pair)
    } else {
      stream.response.trailers.append(pair)
    }
    return 0
  }

  static let onData: nghttp2_on_data_chunk_recv_callback = {
    _,
    _,
    streamID,
    data,
    length,
    userData in
    this(userData).streams[streamID]?.response.data.append(
      contentsOf: UnsafeBufferPointer(start: data, count: length)
    )
    return 0
  }

  static let onClose: nghttp2_on_stream_close_callback = { _, streamID, errorCode, userData in
    let stream = this(userData).streams[streamID]
    stream?.response.closed = true
    if errorCode != 0 { stream?.response.resetCode = errorCode }
    return 0
  }

  static let onFrame: nghttp2_on_frame_recv_callback = { _, frame, userData in
    if UInt32(frame!.pointee.hd.type) == NGHTTP2_GOAWAY.rawValue {
      this(userData).goAwayReceived = true
    }
    return 0
  }

  static let readBody: nghttp2_data_source_read_callback = {
    _,
    streamID,
    buffer,
    length,
    flags,
    _,
    userData in
    guard let stream = this(userData).streams[streamID] else { return 0 }
    let count = min(length, stream.body.count - stream.sent)
    stream.body.withUnsafeBytes { memcpy(buffer!, $0.baseAddress! + stream.sent, count) }
    stream.sent += count
    if stream.sent == stream.body.count {
      if stream.endStream {
        flags!.pointee |= NGHTTP2_DATA_FLAG_EOF.rawValue
      } else if count == 0 {
        return Int(NGHTTP2_ERR_DEFERRED.rawValue)
      }
    }
    return count
  }

  /// Starts a request; returns its stream id.
  @discardableResult
  public func start(
    path: String,
    body: [UInt8],
    headers: [(String, String)] = [],
    contentType: String? = "application/grpc",
    method: String = "POST",
    endStream: Bool = true
  ) -> Int32 {
    var pairs: [(String, String)] = [
      (":method", method), (":scheme", "http"), (":path", path), (":authority", "127.0.0.1"),
      ("te", "trailers"),
    ]
    if let contentType { pairs.append(("content-type", contentType)) }
    pairs += headers
    let stream = Stream(body: body, endStream: endStream)
    // nghttp2 copies header names and values at submit time (no NO_COPY flags).
    var storage: [UnsafeMutablePointer<UInt8>] = []
    defer { storage.forEach { $0.deallocate() } }
    func copy(_ text: String) -> (UnsafeMutablePointer<UInt8>, Int) {
      let bytes = Array(text.utf8)
      let pointer = UnsafeMutablePointer<UInt8>.allocate(capacity: Swift.max(bytes.count, 1))
      pointer.initialize(from: bytes, count: bytes.count)
      storage.append(pointer)
      return (pointer, bytes.count)
    }
    let nva = pairs.map { pair -> nghttp2_nv in
      let name = copy(pair.0)
      let value = copy(pair.1)
      return nghttp2_nv(name: name.0, value: value.0, namelen: name.1, valuelen: value.1, flags: 0)
    }
    var provider = nghttp2_data_provider(
      source: nghttp2_data_source(ptr: nil),
      read_callback: Self.readBody
    )
    let streamID = nghttp2_submit_request(self.session, nil, nva, nva.count, &provider, nil)
    self.streams[streamID] = stream
    return streamID
  }

  /// Appends more body to an open stream (for streaming calls).
  public func send(streamID: Int32, more: [UInt8], end: Bool) {
    guard let stream = self.streams[streamID] else { return }
    stream.body += more
    stream.endStream = end
    nghttp2_session_resume_data(self.session, streamID)
  }

  /// Sends raw bytes on the socket (to test garbage input).
  public func sendRaw(_ bytes: [UInt8]) {
    _ = bytes.withUnsafeBytes {
      Glibc.send(self.socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
    }
  }

  /// Exchanges frames until `done` is true, the connection closes, or `timeout` seconds pass.
  public func run(timeout: Double = 30, until done: () -> Bool) async throws {
    let deadline = Date().addingTimeInterval(timeout)
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while !done() {
      var pointer: UnsafePointer<UInt8>?
      while true {
        let length = nghttp2_session_mem_send(self.session, &pointer)
        if length <= 0 { break }
        var sent = 0
        while sent < length {
          let result = Glibc.send(self.socket, pointer! + sent, length - sent, Int32(MSG_NOSIGNAL))
          if result <= 0 {
            self.connectionClosed = true
            return
          }
          sent += result
        }
      }
      if done() { return }
      guard Date() < deadline else { throw ClientError.timedOut }
      var descriptor = pollfd(fd: self.socket, events: Int16(POLLIN), revents: 0)
      // Short waits, yielding in between: the tests share Swift's small cooperative pool with
      // the server's asynchronous handlers.
      let ready = poll(&descriptor, 1, 1)
      if ready <= 0 {
        await Task.yield()
        continue
      }
      let received = buffer.withUnsafeMutableBytes {
        recv(self.socket, $0.baseAddress, $0.count, 0)
      }
      if received <= 0 {
        self.connectionClosed = true
        return
      }
      let result = buffer.withUnsafeBytes {
        nghttp2_session_mem_recv(
          self.session,
          $0.baseAddress!.assumingMemoryBound(to: UInt8.self),
          received
        )
      }
      if result < 0 { throw ClientError.session(result) }
    }
  }

  /// Forgets a finished stream (long-running tests keep memory bounded).
  public func forget(_ streamID: Int32) {
    self.streams.removeValue(forKey: streamID)
  }

  /// Runs until every stream started so far has closed.
  public func waitForAll() async throws {
    try await self.run { self.streams.values.allSatisfy { $0.response.closed } }
  }

  /// One complete call: sends `body`, returns the whole response.
  public func call(
    path: String,
    body: [UInt8],
    headers: [(String, String)] = [],
    contentType: String? = "application/grpc"
  ) async throws -> Response {
    let id = self.start(path: path, body: body, headers: headers, contentType: contentType)
    try await self.run { self.streams[id]!.response.closed }
    return self.streams[id]!.response
  }
}
