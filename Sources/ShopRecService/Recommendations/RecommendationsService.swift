public import GRPCNGHTTP2
import NIOPosix
public import ShopRecAPI
import ShopRecCore
import SwiftProtobuf

/// `shoprec.v1.Recommendations`: the five recommendation lists for shop pages.
///
/// Each call takes the serving snapshot once, resolves ids to indices, runs the strategy with
/// this thread's scratch memory and writes the response bytes straight from the snapshot
/// (``RecommendResponseWriter``). It runs on the connection's event loop.
public struct RecommendationsService: Sendable {
  /// The service's full name.
  public static let name = "shoprec.v1.Recommendations"

  let store: SnapshotStore
  /// One scratch per thread: each value is only ever touched by the thread that created it.
  private nonisolated(unsafe) static let scratch = ThreadSpecificVariable<RecommendationScratch>()

  /// A service answering from `store`.
  public init(store: SnapshotStore) {
    self.store = store
  }

  /// This thread's scratch memory.
  static var threadScratch: RecommendationScratch {
    if let scratch = Self.scratch.currentValue { return scratch }
    let scratch = RecommendationScratch()
    Self.scratch.currentValue = scratch
    return scratch
  }

  /// A query: fills the scratch with results for a request on a snapshot at a moment.
  typealias Query<Request> =
    @Sendable (Request, SnapshotStore.Entry, Int64, RecommendationScratch) throws(ServiceError) ->
    Void

  /// The methods to register with the server.
  public var methods: [GRPCMethod] {
    [
      self.method("Similar", Self.similar, prefetching: .similar),
      self.method("OnSale", Self.onSale, prefetching: .sales),
      self.method("Accessories", Self.accessories, prefetching: .accessories),
      self.method("Replacements", Self.replacements, prefetching: .replacements),
      self.method("BoughtTogether", Self.boughtTogether, prefetching: .together),
    ]
  }

  private func method<Request: Message>(
    _ name: String,
    _ query: @escaping Query<Request>,
    prefetching source: QueryPrefetch.Source
  ) -> GRPCMethod {
    let store = self.store
    return GRPCMethod(
      service: Self.name,
      method: name,
      handler: .unary { bytes, writer in
        let request: Request
        do {
          request = try Request(serializedBytes: RawSpan(_unsafeBytes: bytes))
        } catch {
          return GRPCStatus(
            code: .invalidArgument,
            message: "malformed \(Request.protoMessageName): \(error)"
          )
        }
        guard let entry = store.currentEntry else {
          return GRPCStatus(code: .unavailable, message: "no snapshot loaded yet")
        }
        let snapshot = entry.snapshot
        let now = RequestResolution.now()
        let scratch = Self.threadScratch
        (scratch.answerPrefetchTable, scratch.answerPrefetchStride) =
          entry.itemRecords.prefetchTable
        do throws(ServiceError) {
          try query(request, entry, now, scratch)
        } catch {
          return error.grpcStatus
        }
        RecommendResponseWriter(
          snapshot: snapshot,
          records: entry.itemRecords,
          scratch: scratch,
          now: now
        ).write(to: &writer)
        return .ok
      },
      prefetch: { bytes, pass, context in
        guard let entry = store.currentEntry else { return }
        Self.prefetch(source, request: bytes, pass: pass, context: &context, entry: entry)
      },
      prefetchPasses: 1 + QueryPrefetch.stageCount
    )
  }

  private func respond<Request>(
    _ request: Request,
    _ query: Query<Request>
  ) throws(ServiceError) -> Shoprec_V1_RecommendResponse {
    guard let entry = self.store.currentEntry else {
      throw .unavailable("no snapshot loaded yet")
    }
    let now = RequestResolution.now()
    let scratch = Self.threadScratch
    (scratch.answerPrefetchTable, scratch.answerPrefetchStride) = entry.itemRecords.prefetchTable
    try query(request, entry, now, scratch)
    return RecommendResponseEncoding.response(from: scratch, snapshot: entry.snapshot, now: now)
  }

  /// Substitutes, as a message (for in-process callers such as the CLI).
  public func similar(
    _ request: Shoprec_V1_SimilarRequest
  ) throws(ServiceError) -> Shoprec_V1_RecommendResponse {
    try self.respond(request, Self.similar)
  }

  /// Items on sale, as a message.
  public func onSale(
    _ request: Shoprec_V1_OnSaleRequest
  ) throws(ServiceError) -> Shoprec_V1_RecommendResponse {
    try self.respond(request, Self.onSale)
  }

  /// Accessories, as a message.
  public func accessories(
    _ request: Shoprec_V1_AccessoriesRequest
  ) throws(ServiceError) -> Shoprec_V1_RecommendResponse {
    try self.respond(request, Self.accessories)
  }

  /// Replacements, as a message.
  public func replacements(
    _ request: Shoprec_V1_ReplacementsRequest
  ) throws(ServiceError) -> Shoprec_V1_RecommendResponse {
    try self.respond(request, Self.replacements)
  }

  /// Complements of a basket, as a message.
  public func boughtTogether(
    _ request: Shoprec_V1_BoughtTogetherRequest
  ) throws(ServiceError) -> Shoprec_V1_RecommendResponse {
    try self.respond(request, Self.boughtTogether)
  }
}
