public import Logging
import NIOCore
import NIOPosix
import Synchronization

/// A gRPC server over HTTP/2 (cleartext, prior knowledge), built on libnghttp2 and SwiftNIO.
///
/// One SwiftNIO event loop per CPU accepts connections; each connection gets its own nghttp2
/// session (see GRPCConnectionHandler). The server knows nothing of what it serves: it routes
/// `/package.Service/Method` paths to ``GRPCMethod`` handlers.
///
/// ```swift
/// let server = GRPCServer(configuration: configuration, methods: methods, logger: logger)
/// try await server.serve()  // until beginGracefulShutdown() or task cancellation
/// ```
public final class GRPCServer: Sendable {
  private enum State {
    case idle
    case starting
    case listening(any Channel)
    case stopping
    case stopped
  }

  private let router: GRPCRouter
  private let registry = ConnectionRegistry()
  private let logger: Logger
  private let state = Mutex<State>(.idle)
  private let listeningAddressBox = Mutex<SocketAddress?>(nil)
  private let listeningWaiters = Mutex<[CheckedContinuation<Int, any Error>]>([])

  /// Creates a server; nothing happens until ``serve()``.
  public init(configuration: GRPCServerConfiguration, methods: [GRPCMethod], logger: Logger) {
    self.router = GRPCRouter(methods: methods, configuration: configuration)
    self.logger = logger
  }

  /// The configuration.
  public var configuration: GRPCServerConfiguration { self.router.configuration }

  /// The method paths served.
  public var methodPaths: [String] { self.router.paths }

  /// Binds, serves until ``beginGracefulShutdown()`` is called or the task is cancelled, then
  /// lets in-flight RPCs finish (up to the grace period) and returns.
  public func serve() async throws {
    let proceed = self.state.withLock { state -> Bool in
      guard case .idle = state else { return false }
      state = .starting
      return true
    }
    guard proceed else { throw GRPCServerError.alreadyStarted }
    let configuration = self.router.configuration
    let group = MultiThreadedEventLoopGroup(numberOfThreads: max(1, configuration.eventLoopCount))
    do {
      let channel = try await self.bind(group: group)
      let shouldStop = self.state.withLock { state -> Bool in
        if case .stopping = state { return true }
        state = .listening(channel)
        return false
      }
      if shouldStop { try? await channel.close() }
      let port = channel.localAddress?.port ?? 0
      self.listeningAddressBox.withLock { $0 = channel.localAddress }
      self.resumeListeningWaiters(with: .success(port))
      self.logger.info(
        "gRPC server listening",
        metadata: [
          "address": "\(configuration.host):\(port)",
          "event-loops": "\(configuration.eventLoopCount)",
          "methods": "\(self.router.paths.count)",
        ]
      )
      try await withTaskCancellationHandler {
        try await channel.closeFuture.get()
      } onCancel: {
        self.beginGracefulShutdown()
      }
      await self.drainConnections(group: group)
    } catch {
      self.resumeListeningWaiters(with: .failure(error))
      self.state.withLock { $0 = .stopped }
      try? await group.shutdownGracefully()
      throw error
    }
    self.state.withLock { $0 = .stopped }
    try await group.shutdownGracefully()
  }

  private func bind(group: MultiThreadedEventLoopGroup) async throws -> any Channel {
    let router = self.router
    let registry = self.registry
    let logger = self.logger
    let bootstrap = ServerBootstrap(group: group)
      .serverChannelOption(.backlog, value: 1024)
      .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
      .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
      .childChannelOption(.maxMessagesPerRead, value: 4)
      .childChannelInitializer { channel in
        channel.eventLoop.makeCompletedFuture {
          let handler = GRPCConnectionHandler(router: router, registry: registry, logger: logger)
          try channel.pipeline.syncOperations.addHandler(handler)
        }
      }
    let configuration = self.router.configuration
    return try await bootstrap.bind(host: configuration.host, port: configuration.port).get()
  }

  private func drainConnections(group: MultiThreadedEventLoopGroup) async {
    let closeFutures = self.registry.beginGracefulShutdown()
    guard !closeFutures.isEmpty else { return }
    let eventLoop = group.next()
    let allClosed = EventLoopFuture.andAllComplete(closeFutures, on: eventLoop)
    let grace = self.router.configuration.shutdownGracePeriod
    let timeout = eventLoop.scheduleTask(in: .nanoseconds(Int64(grace.nanoseconds))) {
      self.registry.closeAll()
    }
    try? await allClosed.get()
    timeout.cancel()
  }

  /// Stops accepting connections and asks every connection to finish its RPCs and close;
  /// ``serve()`` returns once they did. Safe to call more than once, from any thread.
  public func beginGracefulShutdown() {
    let channel = self.state.withLock { state -> (any Channel)? in
      switch state {
      case .listening(let channel):
        state = .stopping
        return channel
      case .idle, .starting:
        state = .stopping
        return nil
      case .stopping, .stopped:
        return nil
      }
    }
    channel?.close(promise: nil)
  }

  /// The port the server listens on, once it does (useful with port 0).
  public func listeningPort() async throws -> Int {
    if let address = self.listeningAddressBox.withLock({ $0 }) { return address.port ?? 0 }
    return try await withCheckedThrowingContinuation { continuation in
      let address = self.listeningAddressBox.withLock { address -> SocketAddress? in
        if address == nil { self.listeningWaiters.withLock { $0.append(continuation) } }
        return address
      }
      if let address { continuation.resume(returning: address.port ?? 0) }
    }
  }

  private func resumeListeningWaiters(with result: Result<Int, any Error>) {
    let waiters = self.listeningWaiters.withLock { waiters in
      defer { waiters = [] }
      return waiters
    }
    for waiter in waiters { waiter.resume(with: result) }
  }

  /// The number of open client connections.
  public var connectionCount: Int { self.registry.count }
}

/// Errors of ``GRPCServer``.
public enum GRPCServerError: Error, Sendable {
  /// `serve()` was called twice.
  case alreadyStarted
}

extension Duration {
  var nanoseconds: Int64 {
    let (seconds, attoseconds) = self.components
    return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
  }
}
