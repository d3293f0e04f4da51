#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Accessories: complements of a product.
///
/// 1. Explicit links of the precomputed list (accessory, then compatibility links, feed order).
/// 2. Products of other categories that order history significantly links to the product
///    (`later` or `together` lift lower bounds above 1), ranked like Bought together's evidence:
///    `ln popularity(b) + later(p, b) + together(p, b)`. Best sellers are not mixed in here: an
///    accessories block shows complements, and popularity only backfills (step 4).
/// 3. The rest of the precomputed list without its co-purchase entries (those were tier 2, or
///    are not significant): products of the categories that buyers of this category go on to
///    buy (phones → cases), matched by brand; this is what products without history get.
/// 4. Popular products of those follow-up categories, then the shop's popular products outside
///    the product's own category (never substitutes).
public enum AccessoriesStrategy {
  /// Fills `collector` with accessories of `product`.
  public static func recommend(
    for product: ProductIndex,
    into collector: inout RecommendationCollector
  ) {
    let snapshot = collector.snapshot
    collector.excludeWithVariants(product)
    let list = snapshot.lists.accessories
    let row = list.range(ofRow: Int(product))
    var explicitEnd = row.lowerBound
    while explicitEnd < row.upperBound && isExplicitLink(list.reason(at: explicitEnd)) {
      explicitEnd += 1
    }
    offer(row.lowerBound ..< explicitEnd, of: list, skippingCoPurchases: false, into: &collector)
    offerSignificantCoPurchases(of: product, into: &collector)
    offer(explicitEnd ..< row.upperBound, of: list, skippingCoPurchases: true, into: &collector)
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

  /// Tier 2: significant `later` and `together` neighbours in other categories, ranked by
  /// `ln popularity + evidence`.
  static func offerSignificantCoPurchases(
    of product: ProductIndex,
    into collector: inout RecommendationCollector
  ) {
    guard !collector.isDone else { return }
    let snapshot = collector.snapshot
    let scratch = collector.scratch
    let category = snapshot.catalog.category
    let own = category[Int(product)]
    let coPurchase = snapshot.coPurchase
    addEvidence(row: Int(product), of: coPurchase.later, outside: own, into: collector)
    addEvidence(row: Int(product), of: coPurchase.together, outside: own, into: collector)
    guard !scratch.touched.isEmpty else { return }
    BoughtTogetherStrategy.offerRanked(into: &collector) { candidate in
      if scratch.aggregate[Int(candidate)] == 0 { return .popular }
      let later = coPurchase.later
      for position in later.range(ofRow: Int(product))
      where later.targets.values[position] == candidate && later.scores[position] > 0 {
        return .boughtLater
      }
      return .coPurchased
    }
  }

  /// Adds the significant entries of `rows[row]` outside category `own` to the aggregation.
  static func addEvidence(
    row: Int,
    of rows: ScoredRows,
    outside own: CategoryIndex,
    into collector: borrowing RecommendationCollector
  ) {
    let scratch = collector.scratch
    let category = collector.snapshot.catalog.category
    for position in rows.range(ofRow: row) where rows.scores[position] > 0 {
      let target = Int(rows.targets.values[position])
      guard own < 0 || category[target] != own else { continue }
      if scratch.aggregate[target] == 0 { scratch.touched.append(Int32(target)) }
      scratch.aggregate[target] += rows.scores[position] + BoughtTogetherStrategy.touchBonus
    }
  }

  /// Offers the entries `positions` of the precomputed `list` as one tier with their stored
  /// reasons, optionally skipping co-purchase entries.
  static func offer(
    _ positions: Range<Int>,
    of list: RankedRows,
    skippingCoPurchases: Bool,
    into collector: inout RecommendationCollector
  ) {
    guard !collector.isDone else { return }
    var started = false
    for position in positions {
      let stored = list.reason(at: position)
      if skippingCoPurchases && isCoPurchase(stored) { continue }
      if !started {
        collector.beginTier(maximum: list.weight(at: position))
        started = true
      }
      let reason = ReasonCode(rawValue: stored) ?? .popular
      let target = list.targets.values[position]
      if collector.offer(target, raw: list.weight(at: position), reason: reason) { return }
    }
  }

  @inline(__always)
  static func isExplicitLink(_ reason: UInt8) -> Bool {
    reason == ReasonCode.accessoryLink.rawValue || reason == ReasonCode.compatibleLink.rawValue
  }

  @inline(__always)
  static func isCoPurchase(_ reason: UInt8) -> Bool {
    reason == ReasonCode.boughtLater.rawValue || reason == ReasonCode.coPurchased.rawValue
  }
}
