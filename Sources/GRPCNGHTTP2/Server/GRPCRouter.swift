/// The methods a server serves, in the two forms the transport needs: Swift handlers by index
/// and the plain ``MethodTable`` that nghttp2's callbacks search.
final class GRPCRouter: Sendable {
  let handlers: [GRPCMethodHandler]
  let paths: [String]
  let table: MethodTable
  let configuration: GRPCServerConfiguration

  init(methods: [GRPCMethod], configuration: GRPCServerConfiguration) {
    self.handlers = methods.map(\.handler)
    self.paths = methods.map(\.path)
    self.table = MethodTable(methods: methods)
    self.configuration = configuration
  }
}
