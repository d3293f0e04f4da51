import CNGHTTP2
import Logging
import NIOCore

/// One HTTP/2 connection: owns an nghttp2 server session and serves gRPC on it.
///
/// `channelRead` only feeds bytes to nghttp2 and then acts on the streams its callbacks marked;
/// `channelReadComplete` drains everything nghttp2 queued into one reused buffer and writes it
/// with one flush. The session's `user_data` is a pointer to plain ``ConnectionState``.
final class GRPCConnectionHandler: ChannelInboundHandler {
  typealias InboundIn = ByteBuffer
  typealias OutboundOut = ByteBuffer

  let router: GRPCRouter
  let registry: ConnectionRegistry
  let logger: Logger
  let state: UnsafeMutablePointer<ConnectionState>
  var context: ChannelHandlerContext?
  var output: ByteBuffer
  /// Decompressed request message (gzip), reused.
  var inflated = RawBytes()
  /// Streaming calls by slot index.
  var calls: [Int32: any GRPCStreamingCall] = [:]
  var deadlineTimer: Scheduled<Void>?
  var deadlineTimerAt: UInt64 = 0
  var isFlushing = false
  var isDraining = false
  var goAwaySent = false
  var isTornDown = false

  init(router: GRPCRouter, registry: ConnectionRegistry, logger: Logger) {
    self.router = router
    self.registry = registry
    self.logger = logger
    self.output = ByteBufferAllocator().buffer(capacity: 16 << 10)
    let configuration = router.configuration
    self.state = .allocate(capacity: 1)
    self.state.initialize(
      to: ConnectionState(
        methods: router.table.view,
        maxReceiveMessageSize: configuration.maxReceiveMessageSize,
        lowWaterMark: configuration.streamingLowWaterMark
      )
    )
  }

  var session: OpaquePointer? { self.state.pointee.session }

  func handlerAdded(context: ChannelHandlerContext) {
    self.context = context
    var option: OpaquePointer?
    nghttp2_option_new(&option)
    nghttp2_option_set_no_auto_window_update(option, 1)
    nghttp2_option_set_no_closed_streams(option, 1)
    var session: OpaquePointer?
    let result = nghttp2_session_server_new2(&session, NGHTTP2Callbacks.server, self.state, option)
    nghttp2_option_del(option)
    precondition(result == 0, "nghttp2_session_server_new2 failed: \(result)")
    self.state.pointee.session = session
    let configuration = self.router.configuration
    var settings = [
      nghttp2_settings_entry(
        settings_id: Int32(NGHTTP2_SETTINGS_MAX_CONCURRENT_STREAMS.rawValue),
        value: UInt32(configuration.maxConcurrentStreams)
      ),
      nghttp2_settings_entry(
        settings_id: Int32(NGHTTP2_SETTINGS_INITIAL_WINDOW_SIZE.rawValue),
        value: UInt32(configuration.initialStreamWindowSize)
      ),
      nghttp2_settings_entry(
        settings_id: Int32(NGHTTP2_SETTINGS_MAX_HEADER_LIST_SIZE.rawValue),
        value: 16 << 10
      ),
    ]
    nghttp2_submit_settings(session, UInt8(NGHTTP2_FLAG_NONE.rawValue), &settings, settings.count)
    nghttp2_session_set_local_window_size(
      session,
      UInt8(NGHTTP2_FLAG_NONE.rawValue),
      0,
      Int32(configuration.connectionWindowSize)
    )
    if context.channel.isActive { self.connectionBecameActive(context: context) }
  }

  func channelActive(context: ChannelHandlerContext) {
    self.connectionBecameActive(context: context)
    context.fireChannelActive()
  }

  private var registered = false

  private func connectionBecameActive(context: ChannelHandlerContext) {
    guard !self.registered else { return }
    self.registered = true
    let loopBound = NIOLoopBound(self, eventLoop: context.eventLoop)
    self.registry.add(context.channel) {
      loopBound.eventLoop.execute { loopBound.value.beginGracefulShutdown() }
    }
    self.flushOutput()
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    guard let session = self.session else { return }
    let buffer = self.unwrapInboundIn(data)
    let result = buffer.withUnsafeReadableBytes { bytes in
      nghttp2_session_mem_recv(
        session,
        bytes.baseAddress?.assumingMemoryBound(to: UInt8.self),
        bytes.count
      )
    }
    if result < 0 {
      self.logger.debug(
        "closing connection after an HTTP/2 protocol error",
        metadata: ["error": "\(String(cString: nghttp2_strerror(Int32(result))))"]
      )
      self.flushOutput()
      context.close(promise: nil)
      return
    }
    self.processDirtyStreams()
  }

  func channelReadComplete(context: ChannelHandlerContext) {
    self.flushOutput()
    context.fireChannelReadComplete()
  }

  func channelWritabilityChanged(context: ChannelHandlerContext) {
    if context.channel.isWritable { self.flushOutput() }
    context.fireChannelWritabilityChanged()
  }

  func channelInactive(context: ChannelHandlerContext) {
    self.tearDown()
    context.fireChannelInactive()
  }

  func handlerRemoved(context: ChannelHandlerContext) {
    self.tearDown()
    self.context = nil
  }

  func errorCaught(context: ChannelHandlerContext, error: any Error) {
    self.logger.debug("connection error", metadata: ["error": "\(error)"])
    context.close(promise: nil)
  }

  /// Runs nghttp2's output into the socket: acts on dirty streams, drains `mem_send` into the
  /// reused output buffer, writes it with one flush, and closes when the session is done.
  func flushOutput() {
    guard !self.isFlushing, let session = self.session, let context = self.context else { return }
    self.isFlushing = true
    defer { self.isFlushing = false }
    repeat {
      self.processDirtyStreams()
      while context.channel.isWritable {
        var pointer: UnsafePointer<UInt8>?
        let length = nghttp2_session_mem_send(session, &pointer)
        if length < 0 {
          context.close(promise: nil)
          return
        }
        if length == 0 { break }
        self.output.writeBytes(UnsafeRawBufferPointer(start: pointer, count: length))
      }
    } while self.state.pointee.dirtyCount > 0
    if self.output.readableBytes > 0 {
      context.writeAndFlush(self.wrapOutboundOut(self.output), promise: nil)
      self.output.clear()
    }
    self.armDeadlineTimerIfNeeded()
    self.finishDrainingIfIdle()
    if nghttp2_session_want_read(session) == 0 && nghttp2_session_want_write(session) == 0 {
      context.close(promise: nil)
    }
  }

  /// Frees the session, the plain state and every call; cancels calls still running.
  func tearDown() {
    guard !self.isTornDown else { return }
    self.isTornDown = true
    self.deadlineTimer?.cancel()
    self.deadlineTimer = nil
    let running = self.calls
    self.calls = [:]
    for call in running.values { call.cancel() }
    if let context = self.context { self.registry.remove(context.channel) }
    nghttp2_session_del(self.state.pointee.session)
    self.state.pointee.session = nil
    self.state.pointee.deallocate()
    self.inflated.deallocate()
  }

  deinit {
    if !self.isTornDown {
      nghttp2_session_del(self.state.pointee.session)
      self.state.pointee.deallocate()
      self.inflated.deallocate()
    }
    self.state.deinitialize(count: 1)
    self.state.deallocate()
  }
}
