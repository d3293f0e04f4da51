/// On sale in the category: in-stock items of the product's category (then its parent, up to the
/// root), or of a given category's subtree only, whose sale price is below the regular price at
/// the query's moment.
///
/// Ranked by the build's sale score (a blend of discount and popularity; see
/// docs/recommendations.md), with brand diversity: a first pass takes at most a third of the
/// list from any one brand, a second pass fills the rest. Never backfilled with items that are
/// not on sale.
public enum OnSaleStrategy {
  /// Fills `collector` with sale items near `product` (or in `category` when `product` is nil).
  public static func recommend(
    for product: ProductIndex?,
    category: CategoryIndex,
    into collector: inout RecommendationCollector
  ) {
    if let product { collector.excludeWithVariants(product) }
    // A product's neighbourhood widens to its ancestors; a category asked for is a boundary.
    let climbing = product != nil
    collector.maxPerBrand = max(1, collector.limit / 3)
    offerSalesUpTheTree(from: category, climbing: climbing, into: &collector)
    if !collector.isDone {
      collector.relaxBrandCap()
      offerSalesUpTheTree(from: category, climbing: climbing, into: &collector)
    }
  }

  private static func offerSalesUpTheTree(
    from category: CategoryIndex,
    climbing: Bool,
    into collector: inout RecommendationCollector
  ) {
    let snapshot = collector.snapshot
    let sales = snapshot.categories.subtreeSales
    let now = collector.filter.now
    var current = category
    while current >= 0 && !collector.isDone {
      let range = sales.range(ofRow: Int(current))
      if !range.isEmpty {
        collector.beginTier(maximum: sales.scores[range.lowerBound])
        let targets = sales.targets.values
        for position in range.prefix(RecommendationCollector.prefetchDistance) {
          collector.prefetchSaleCandidate(targets[position])
        }
        for position in range {
          let ahead = position + RecommendationCollector.prefetchDistance
          if ahead < range.upperBound { collector.prefetchSaleCandidate(targets[ahead]) }
          let candidate = targets[position]
          guard snapshot.columns.isOnSale(Int(candidate), at: now) else { continue }
          if collector.offer(candidate, raw: sales.scores[position], reason: .onSale) { return }
        }
      }
      current = climbing ? snapshot.categories.parent[Int(current)] : -1
    }
  }
}
