public import GRPCNGHTTP2
public import Logging
public import ServiceLifecycle
public import ShopRecCore

/// The shoprec gRPC server: every service on one ``GRPCServer``, run as a swift-service-lifecycle
/// service (graceful shutdown: health turns NOT_SERVING, in-flight RPCs finish, GOAWAY).
public final class ShopRecServer: Service, Sendable {
  /// The underlying transport.
  public let grpcServer: GRPCServer
  /// The health service (also told about shutdown).
  public let health: HealthService

  /// A server answering from `store`; `reloader` enables the `Reload` RPC; `letterRecipes`
  /// configures the Letters service.
  public init(
    configuration: GRPCServerConfiguration,
    store: SnapshotStore,
    reloader: (any SnapshotReloading)?,
    letterRecipes: LetterRecipes = .defaults,
    additionalMethods: [GRPCMethod] = [],
    logger: Logger
  ) {
    let recommendations = RecommendationsService(store: store)
    let snapshots = SnapshotsService(store: store, reloader: reloader)
    let letters = LettersService(store: store, recipes: letterRecipes)
    var methods = recommendations.methods + snapshots.methods + letters.methods + additionalMethods
    let serviceNames = Array(Set(methods.map(\.serviceName))).sorted()
    let health = HealthService(store: store, serviceNames: serviceNames)
    methods += health.methods
    methods += ReflectionService(serviceNames: serviceNames + [HealthService.name]).methods
    self.health = health
    self.grpcServer = GRPCServer(configuration: configuration, methods: methods, logger: logger)
  }

  /// Serves until graceful shutdown or cancellation.
  public func run() async throws {
    try await withGracefulShutdownHandler {
      try await self.grpcServer.serve()
    } onGracefulShutdown: {
      self.health.enterShutdown()
      self.grpcServer.beginGracefulShutdown()
    }
  }
}
