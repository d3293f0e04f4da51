public import GRPCNGHTTP2
import ShopRecAPI
import Synchronization

/// `grpc.health.v1.Health`: SERVING once a snapshot is loaded (NOT_SERVING before, and again
/// while shutting down), for the server ("") and each registered service.
public final class HealthService: Sendable {
  /// The service's full name.
  public static let name = "grpc.health.v1.Health"

  private let store: SnapshotStore
  private let serviceNames: Set<String>
  private let state = Mutex<(shuttingDown: Bool, watchers: [Int: GRPCStreamWaker], next: Int)>(
    (false, [:], 0)
  )
  private let storeObserver = Mutex<Int?>(nil)

  /// A health service for `serviceNames`, serving once `store` holds a snapshot.
  public init(store: SnapshotStore, serviceNames: [String]) {
    self.store = store
    self.serviceNames = Set(serviceNames).union([Self.name])
    let token = store.addObserver { [weak self] _ in self?.notifyWatchers() }
    self.storeObserver.withLock { $0 = token }
  }

  deinit {
    if let token = self.storeObserver.withLock({ $0 }) { self.store.removeObserver(token) }
  }

  /// Marks everything NOT_SERVING (graceful shutdown: load balancers stop sending).
  public func enterShutdown() {
    self.state.withLock { $0.shuttingDown = true }
    self.notifyWatchers()
  }

  /// The status of `service`, or nil when the name is unknown.
  func status(of service: String) -> Grpc_Health_V1_HealthCheckResponse.ServingStatus? {
    guard service.isEmpty || self.serviceNames.contains(service) else { return nil }
    return !self.isShuttingDown && self.store.current != nil ? .serving : .notServing
  }

  /// The number of open Watch streams.
  var watcherCount: Int { self.state.withLock { $0.watchers.count } }

  /// Whether ``enterShutdown()`` was called.
  var isShuttingDown: Bool { self.state.withLock { $0.shuttingDown } }

  private func notifyWatchers() {
    let watchers = self.state.withLock { Array($0.watchers.values) }
    for watcher in watchers { watcher.wake() }
  }

  fileprivate func addWatcher(_ waker: GRPCStreamWaker) -> Int {
    self.state.withLock { state in
      let token = state.next
      state.next += 1
      state.watchers[token] = waker
      return token
    }
  }

  fileprivate func removeWatcher(_ token: Int) {
    _ = self.state.withLock { $0.watchers.removeValue(forKey: token) }
  }

  /// The methods to register with the server.
  public var methods: [GRPCMethod] {
    [
      ProtobufMethods.unary(service: Self.name, method: "Check") {
        (request: Grpc_Health_V1_HealthCheckRequest) throws -> Grpc_Health_V1_HealthCheckResponse in
        guard let status = self.status(of: request.service) else {
          throw ServiceError.notFound("unknown service '\(request.service)'")
        }
        var response = Grpc_Health_V1_HealthCheckResponse()
        response.status = status
        return response
      },
      GRPCMethod(
        service: Self.name,
        method: "Watch",
        handler: .streaming(.serverStreaming) { context in
          HealthWatchCall(health: self, waker: context.waker)
        }
      ),
    ]
  }

  /// One Watch stream: the status now, then each change, until the client cancels.
  final class HealthWatchCall: GRPCStreamingCall {
    let health: HealthService
    let waker: GRPCStreamWaker
    var service: String?
    var lastSent: Grpc_Health_V1_HealthCheckResponse.ServingStatus?
    var token: Int?

    init(health: HealthService, waker: GRPCStreamWaker) {
      self.health = health
      self.waker = waker
    }

    func receive(message: UnsafeRawBufferPointer, output: inout GRPCStreamOutput) {
      switch ProtobufMethods.decode(Grpc_Health_V1_HealthCheckRequest.self, from: message) {
      case .success(let request):
        self.service = request.service
        self.token = self.health.addWatcher(self.waker)
        self.sendIfChanged(output: &output)
      case .failure(let status):
        output.finish(status)
      }
    }

    func receiveEnd(output: inout GRPCStreamOutput) {
      if self.service == nil {
        output.finish(GRPCStatus(code: .invalidArgument, message: "Watch needs a request"))
      }
    }

    func resume(output: inout GRPCStreamOutput) { self.sendIfChanged(output: &output) }

    func cancel() {
      if let token = self.token { self.health.removeWatcher(token) }
    }

    private func sendIfChanged(output: inout GRPCStreamOutput) {
      guard let service = self.service else { return }
      let status = self.health.status(of: service) ?? .serviceUnknown
      if status != self.lastSent {
        self.lastSent = status
        var response = Grpc_Health_V1_HealthCheckResponse()
        response.status = status
        ProtobufMethods.send(response, to: &output)
      }
      if self.health.isShuttingDown {
        // The last word is NOT_SERVING; ending the stream lets the connection drain instead of
        // holding the graceful shutdown for its whole grace period.
        if let token = self.token { self.health.removeWatcher(token) }
        self.token = nil
        output.finish(GRPCStatus(code: .unavailable, message: "the server is shutting down"))
      }
    }
  }
}
