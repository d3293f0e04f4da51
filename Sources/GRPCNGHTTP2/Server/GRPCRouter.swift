/// The methods a server serves, in the two forms the transport needs: Swift handlers by index
/// and the plain ``MethodTable`` that nghttp2's callbacks search.
final class GRPCRouter: Sendable {
  let handlers: [GRPCMethodHandler]
  /// The unary methods' cache hints, by method index.
  let prefetchers: [GRPCRequestPrefetch?]
  /// The unary methods' cache hint passes, by method index.
  let prefetchPasses: [Int]
  /// The most passes any method's cache hint makes (0 when none has one).
  let maximumPrefetchPasses: Int
  let paths: [String]
  let table: MethodTable
  let configuration: GRPCServerConfiguration

  init(methods: [GRPCMethod], configuration: GRPCServerConfiguration) {
    self.handlers = methods.map(\.handler)
    self.prefetchers = methods.map(\.prefetch)
    self.prefetchPasses = methods.map(\.prefetchPasses)
    self.maximumPrefetchPasses =
      methods.filter { $0.prefetch != nil }.map(\.prefetchPasses).max() ?? 0
    self.paths = methods.map(\.path)
    self.table = MethodTable(methods: methods)
    self.configuration = configuration
  }
}
