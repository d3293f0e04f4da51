/// Similar products: substitutes, not complements.
///
/// The precomputed list (same leaf category first, by attribute similarity, then related
/// categories), then the most popular products of the product's category and of each ancestor.
/// The product itself and its variants never appear; variants of other items are collapsed.
public enum SimilarStrategy {
  /// Fills `collector` with substitutes of `product`.
  public static func recommend(
    for product: ProductIndex,
    into collector: inout RecommendationCollector
  ) {
    let snapshot = collector.snapshot
    collector.excludeWithVariants(product)
    collector.offer(row: Int(product), of: snapshot.lists.similar)
    collector.offerPopularUpTheTree(from: snapshot.catalog.category[Int(product)])
  }
}
