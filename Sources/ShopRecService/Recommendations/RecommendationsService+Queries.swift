import ShopRecAPI
import ShopRecCore

extension RecommendationsService {
  static func similar(
    _ request: Shoprec_V1_SimilarRequest,
    _ entry: SnapshotStore.Entry,
    _ now: Int64,
    _ scratch: RecommendationScratch
  ) throws(ServiceError) {
    let snapshot = entry.snapshot
    let product = try RequestResolution.product(request.productID, in: entry)
    let (limit, filter) = try RequestResolution.options(of: request, in: snapshot, now: now)
    Recommender(snapshot: snapshot).similar(
      to: product,
      limit: limit,
      filter: filter,
      scratch: scratch
    )
  }

  static func onSale(
    _ request: Shoprec_V1_OnSaleRequest,
    _ entry: SnapshotStore.Entry,
    _ now: Int64,
    _ scratch: RecommendationScratch
  ) throws(ServiceError) {
    let snapshot = entry.snapshot
    var product: ProductIndex?
    var category: CategoryIndex?
    if !request.productID.isEmpty {
      product = try RequestResolution.product(request.productID, in: entry)
    } else if !request.categoryID.isEmpty {
      category = try RequestResolution.category(
        request.categoryID,
        field: "category_id",
        in: snapshot
      )
    } else {
      throw .invalidArgument("product_id or category_id is required")
    }
    let (limit, filter) = try RequestResolution.options(of: request, in: snapshot, now: now)
    Recommender(snapshot: snapshot).onSale(
      near: product,
      category: category,
      limit: limit,
      filter: filter,
      scratch: scratch
    )
  }

  static func accessories(
    _ request: Shoprec_V1_AccessoriesRequest,
    _ entry: SnapshotStore.Entry,
    _ now: Int64,
    _ scratch: RecommendationScratch
  ) throws(ServiceError) {
    let snapshot = entry.snapshot
    let product = try RequestResolution.product(request.productID, in: entry)
    let (limit, filter) = try RequestResolution.options(of: request, in: snapshot, now: now)
    Recommender(snapshot: snapshot).accessories(
      for: product,
      limit: limit,
      filter: filter,
      scratch: scratch
    )
  }

  static func replacements(
    _ request: Shoprec_V1_ReplacementsRequest,
    _ entry: SnapshotStore.Entry,
    _ now: Int64,
    _ scratch: RecommendationScratch
  ) throws(ServiceError) {
    let snapshot = entry.snapshot
    let product = try RequestResolution.product(request.productID, in: entry)
    let (limit, filter) = try RequestResolution.options(of: request, in: snapshot, now: now)
    Recommender(snapshot: snapshot).replacements(
      for: product,
      limit: limit,
      filter: filter,
      scratch: scratch
    )
  }

  static func boughtTogether(
    _ request: Shoprec_V1_BoughtTogetherRequest,
    _ entry: SnapshotStore.Entry,
    _ now: Int64,
    _ scratch: RecommendationScratch
  ) throws(ServiceError) {
    let snapshot = entry.snapshot
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
      basket.append(try RequestResolution.product(id, field: "product_ids", in: entry))
    }
    let (limit, filter) = try RequestResolution.options(of: request, in: snapshot, now: now)
    Recommender(snapshot: snapshot).boughtTogether(
      with: basket,
      limit: limit,
      filter: filter,
      scratch: scratch
    )
  }
}
