/// Accessories: complements of a product.
///
/// The precomputed list (explicit accessory and compatibility links, then products bought later
/// or together in other categories, then products of the categories buyers go on to buy), then
/// popular products of those follow-up categories, then the shop's popular products outside the
/// product's own category (never substitutes).
public enum AccessoriesStrategy {
  /// Fills `collector` with accessories of `product`.
  public static func recommend(
    for product: ProductIndex,
    into collector: inout RecommendationCollector
  ) {
    let snapshot = collector.snapshot
    collector.excludeWithVariants(product)
    collector.offer(row: Int(product), of: snapshot.lists.accessories)
    let category = snapshot.catalog.category[Int(product)]
    offerFollowUpCategories(of: category, into: &collector)
    collector.offerPopularInShop(avoiding: category)
  }

  /// Offers popular products of the categories that buyers of `category` go on to buy.
  static func offerFollowUpCategories(
    of category: CategoryIndex,
    into collector: inout RecommendationCollector
  ) {
    guard category >= 0 else { return }
    let followUps = collector.snapshot.coPurchase.categoryFollowUps
    for position in followUps.range(ofRow: Int(category)) where !collector.isDone {
      collector.offerPopular(in: followUps.targets.values[position], reason: .categoryAccessory)
    }
  }
}
