/// The methods a server serves, in the two forms the transport needs: Swift handlers by index
/// and the plain ``MethodTable`` that nghttp2's callbacks search.
final class GRPCRouter: Sendable {
  let handlers: [GRPCMethodHandler]
  /// The unary methods' cache hints, by method index.
  let prefetchers: [GRPCRequestPrefetch?]
  /// Whether any method has a cache hint.
  let hasPrefetchers: Bool
  let paths: [String]
  let table: MethodTable
  let configuration: GRPCServerConfiguration

  init(methods: [GRPCMethod], configuration: GRPCServerConfiguration) {
    self.handlers = methods.map(\.handler)
    self.prefetchers = methods.map(\.prefetch)
    self.hasPrefetchers = methods.contains { $0.prefetch != nil }
    self.paths = methods.map(\.path)
    self.table = MethodTable(methods: methods)
    self.configuration = configuration
  }
}
