public import GRPCNGHTTP2
import NIOPosix
public import ShopRecAPI
import ShopRecCore

/// `shoprec.v1.Recommendations`: the five recommendation lists for shop pages.
///
/// Each call takes the serving snapshot once, resolves ids to indices, runs the strategy with
/// this thread's scratch memory and encodes the result. It runs on the connection's event loop.
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

  func servingSnapshot() throws(ServiceError) -> Snapshot {
    guard let snapshot = self.store.current else {
      throw .unavailable("no snapshot loaded yet")
    }
    return snapshot
  }

  /// The methods to register with the server.
  public var methods: [GRPCMethod] {
    [
      ProtobufMethods.unary(service: Self.name, method: "Similar") {
        (request: Shoprec_V1_SimilarRequest) throws -> Shoprec_V1_RecommendResponse in
        try self.similar(request)
      },
      ProtobufMethods.unary(service: Self.name, method: "OnSale") {
        (request: Shoprec_V1_OnSaleRequest) throws -> Shoprec_V1_RecommendResponse in
        try self.onSale(request)
      },
      ProtobufMethods.unary(service: Self.name, method: "Accessories") {
        (request: Shoprec_V1_AccessoriesRequest) throws -> Shoprec_V1_RecommendResponse in
        try self.accessories(request)
      },
      ProtobufMethods.unary(service: Self.name, method: "Replacements") {
        (request: Shoprec_V1_ReplacementsRequest) throws -> Shoprec_V1_RecommendResponse in
        try self.replacements(request)
      },
      ProtobufMethods.unary(service: Self.name, method: "BoughtTogether") {
        (request: Shoprec_V1_BoughtTogetherRequest) throws -> Shoprec_V1_RecommendResponse in
        try self.boughtTogether(request)
      },
    ]
  }

  public func similar(
    _ request: Shoprec_V1_SimilarRequest
  ) throws(ServiceError) -> Shoprec_V1_RecommendResponse {
    let snapshot = try self.servingSnapshot()
    let now = RequestResolution.now()
    let product = try RequestResolution.product(request.productID, in: snapshot)
    let limit = try RequestResolution.limit(request.limit)
    let filter = try RequestResolution.filter(
      request.filters,
      customerID: request.customerID,
      in: snapshot,
      now: now
    )
    let scratch = Self.threadScratch
    Recommender(snapshot: snapshot).similar(
      to: product,
      limit: limit,
      filter: filter,
      scratch: scratch
    )
    return RecommendResponseEncoding.response(from: scratch, snapshot: snapshot, now: now)
  }

  public func onSale(
    _ request: Shoprec_V1_OnSaleRequest
  ) throws(ServiceError) -> Shoprec_V1_RecommendResponse {
    let snapshot = try self.servingSnapshot()
    let now = RequestResolution.now()
    var product: ProductIndex?
    var category: CategoryIndex?
    if !request.productID.isEmpty {
      product = try RequestResolution.product(request.productID, in: snapshot)
    } else if !request.categoryID.isEmpty {
      category = try RequestResolution.category(
        request.categoryID,
        field: "category_id",
        in: snapshot
      )
    } else {
      throw .invalidArgument("product_id or category_id is required")
    }
    let limit = try RequestResolution.limit(request.limit)
    let filter = try RequestResolution.filter(
      request.filters,
      customerID: request.customerID,
      in: snapshot,
      now: now
    )
    let scratch = Self.threadScratch
    Recommender(snapshot: snapshot).onSale(
      near: product,
      category: category,
      limit: limit,
      filter: filter,
      scratch: scratch
    )
    return RecommendResponseEncoding.response(from: scratch, snapshot: snapshot, now: now)
  }

  public func accessories(
    _ request: Shoprec_V1_AccessoriesRequest
  ) throws(ServiceError) -> Shoprec_V1_RecommendResponse {
    let snapshot = try self.servingSnapshot()
    let now = RequestResolution.now()
    let product = try RequestResolution.product(request.productID, in: snapshot)
    let limit = try RequestResolution.limit(request.limit)
    let filter = try RequestResolution.filter(
      request.filters,
      customerID: request.customerID,
      in: snapshot,
      now: now
    )
    let scratch = Self.threadScratch
    Recommender(snapshot: snapshot).accessories(
      for: product,
      limit: limit,
      filter: filter,
      scratch: scratch
    )
    return RecommendResponseEncoding.response(from: scratch, snapshot: snapshot, now: now)
  }

  public func replacements(
    _ request: Shoprec_V1_ReplacementsRequest
  ) throws(ServiceError) -> Shoprec_V1_RecommendResponse {
    let snapshot = try self.servingSnapshot()
    let now = RequestResolution.now()
    let product = try RequestResolution.product(request.productID, in: snapshot)
    let limit = try RequestResolution.limit(request.limit)
    let filter = try RequestResolution.filter(
      request.filters,
      customerID: request.customerID,
      in: snapshot,
      now: now
    )
    let scratch = Self.threadScratch
    Recommender(snapshot: snapshot).replacements(
      for: product,
      limit: limit,
      filter: filter,
      scratch: scratch
    )
    return RecommendResponseEncoding.response(from: scratch, snapshot: snapshot, now: now)
  }

  public func boughtTogether(
    _ request: Shoprec_V1_BoughtTogetherRequest
  ) throws(ServiceError) -> Shoprec_V1_RecommendResponse {
    let snapshot = try self.servingSnapshot()
    let now = RequestResolution.now()
    guard !request.productIds.isEmpty else {
      throw .invalidArgument("product_ids must name at least one product")
    }
    guard request.productIds.count <= RequestResolution.maximumLimit else {
      throw .invalidArgument(
        "product_ids may name at most \(RequestResolution.maximumLimit) products"
      )
    }
    var basket: [ProductIndex] = []
    basket.reserveCapacity(request.productIds.count)
    for id in request.productIds {
      basket.append(try RequestResolution.product(id, field: "product_ids", in: snapshot))
    }
    let limit = try RequestResolution.limit(request.limit)
    let filter = try RequestResolution.filter(
      request.filters,
      customerID: request.customerID,
      in: snapshot,
      now: now
    )
    let scratch = Self.threadScratch
    Recommender(snapshot: snapshot).boughtTogether(
      with: basket,
      limit: limit,
      filter: filter,
      scratch: scratch
    )
    return RecommendResponseEncoding.response(from: scratch, snapshot: snapshot, now: now)
  }
}
