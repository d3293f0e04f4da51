/// Answers the five recommendation queries on one snapshot.
///
/// Results land in the caller's ``RecommendationScratch`` (`products`, `scores`, `reasons`, best
/// first); nothing is allocated per query once the scratch has grown. Ids are resolved by the
/// caller: the recommender works on indices.
public struct Recommender {
  /// The snapshot answering.
  public let snapshot: Snapshot

  /// Creates a recommender over `snapshot`.
  public init(snapshot: Snapshot) {
    self.snapshot = snapshot
  }

  /// Substitutes of `product`.
  public func similar(
    to product: ProductIndex,
    limit: Int,
    filter: RecommendationFilter,
    scratch: RecommendationScratch
  ) {
    var collector = RecommendationCollector(
      snapshot: self.snapshot,
      scratch: scratch,
      filter: filter,
      limit: limit
    )
    SimilarStrategy.recommend(for: product, into: &collector)
  }

  /// Items on sale in `product`'s category (then its parents), or in `category` when `product`
  /// is nil.
  public func onSale(
    near product: ProductIndex?,
    category: CategoryIndex?,
    limit: Int,
    filter: RecommendationFilter,
    scratch: RecommendationScratch
  ) {
    var collector = RecommendationCollector(
      snapshot: self.snapshot,
      scratch: scratch,
      filter: filter,
      limit: limit
    )
    let resolved = category ?? product.map { self.snapshot.catalog.category[Int($0)] } ?? -1
    OnSaleStrategy.recommend(for: product, category: resolved, into: &collector)
  }

  /// Accessories of `product`.
  public func accessories(
    for product: ProductIndex,
    limit: Int,
    filter: RecommendationFilter,
    scratch: RecommendationScratch
  ) {
    var collector = RecommendationCollector(
      snapshot: self.snapshot,
      scratch: scratch,
      filter: filter,
      limit: limit
    )
    AccessoriesStrategy.recommend(for: product, into: &collector)
  }

  /// Replacements of `product`.
  public func replacements(
    for product: ProductIndex,
    limit: Int,
    filter: RecommendationFilter,
    scratch: RecommendationScratch
  ) {
    var collector = RecommendationCollector(
      snapshot: self.snapshot,
      scratch: scratch,
      filter: filter,
      limit: limit
    )
    ReplacementStrategy.recommend(for: product, into: &collector)
  }

  /// Complements of `basket`.
  public func boughtTogether(
    with basket: [ProductIndex],
    limit: Int,
    filter: RecommendationFilter,
    scratch: RecommendationScratch
  ) {
    var collector = RecommendationCollector(
      snapshot: self.snapshot,
      scratch: scratch,
      filter: filter,
      limit: limit
    )
    BoughtTogetherStrategy.recommend(for: basket, into: &collector)
  }
}
