/// Replacements for a discontinued or out-of-stock product.
///
/// The precomputed list (explicit successors, following chains past discontinued ones, then the
/// closest available products of the same category by price, brand and params, newer first),
/// then popular products of the category and its ancestors.
public enum ReplacementStrategy {
  /// Fills `collector` with replacements of `product`.
  public static func recommend(
    for product: ProductIndex,
    into collector: inout RecommendationCollector
  ) {
    let snapshot = collector.snapshot
    collector.excludeWithVariants(product)
    collector.offer(row: Int(product), of: snapshot.lists.replacements)
    collector.offerPopularUpTheTree(from: snapshot.catalog.category[Int(product)])
  }
}
