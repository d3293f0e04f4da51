import CPrefetch

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Bought together: complements of a whole basket, aggregated over its items, excluding the
/// basket.
///
/// A naive-Bayes ranking: a candidate `b` scores `ln popularity(b) + Σ_a together(a, b)` over
/// the basket items `a`, where `together(a, b)` is the logarithm of the lowest lift of the pair
/// that its co-occurrence count supports at the build's significance level (0 for pairs the
/// likelihood-ratio test does not find significant; see docs/recommendations.md). So a product
/// significantly bought with the basket rises above equally popular ones by the evidence, and
/// without evidence the list is the shop's best sellers, which is the best guess then. The
/// candidates are the basket's co-purchase neighbours and the most popular products; then, when
/// filters leave room, the items' accessory lists, the follow-up categories of their categories
/// and the shop's popular products.
public enum BoughtTogetherStrategy {
  /// Added per co-purchase row a candidate appears in, so that among equally popular products
  /// those bought with the basket come first (far below any real evidence).
  static let touchBonus: Float = 1e-4

  /// Fills `collector` with complements of `basket`.
  public static func recommend(
    for basket: [ProductIndex],
    into collector: inout RecommendationCollector
  ) {
    let snapshot = collector.snapshot
    for product in basket { collector.excludeWithVariants(product) }
    let scratch = collector.scratch
    let together = snapshot.coPurchase.together
    let targets = together.targets.values
    let popularity = snapshot.columns.popularity.baseAddress
    for product in basket {
      let range = together.range(ofRow: Int(product))
      for position in range {
        // The candidates' sums and popularity are read at random; ask for them ahead.
        let ahead = position + RecommendationCollector.prefetchDistance
        if ahead < range.upperBound {
          let next = Int(targets[ahead])
          shoprec_prefetch(scratch.aggregate.baseAddress.map { $0 + next })
          shoprec_prefetch(popularity.map { $0 + next })
        }
        let target = Int(targets[position])
        if scratch.aggregate[target] == 0 { scratch.touched.append(Int32(target)) }
        scratch.aggregate[target] += together.scores[position] + touchBonus
      }
    }
    offerPopularWithEvidence(extra: basket.count, into: &collector)
    for product in basket where !collector.isDone {
      collector.offer(row: Int(product), of: snapshot.lists.accessories)
    }
    for product in basket where !collector.isDone {
      AccessoriesStrategy.offerFollowUpCategories(
        of: snapshot.catalog.category[Int(product)],
        into: &collector
      )
    }
    collector.offerPopularInShop()
  }

  /// Offers, as one tier, the touched candidates and the shop's most popular products ranked by
  /// `ln popularity + aggregate`; clears the aggregation. `extra` widens the popular pool (by the
  /// basket's size, which the collector excludes).
  static func offerPopularWithEvidence(
    extra: Int,
    into collector: inout RecommendationCollector
  ) {
    let scratch = collector.scratch
    let popularity = collector.snapshot.popularity
    for product in popularity.ranking.prefix(collector.limit * 4 + extra + 16) {
      guard popularity.score[Int(product)] > 0 else { break }
      if scratch.aggregate[Int(product)] == 0 { scratch.touched.append(product) }
    }
    offerRanked(extra: extra, into: &collector) {
      scratch.aggregate[Int($0)] > 0 ? .coPurchased : .popular
    }
  }

  /// Offers the touched candidates as one tier by descending `ln popularity + aggregate` (the
  /// best `limit · 4 + 16 + extra`), each with `reason(product)`; clears the aggregation.
  static func offerRanked(
    extra: Int = 0,
    into collector: inout RecommendationCollector,
    reason: (ProductIndex) -> ReasonCode
  ) {
    let scratch = collector.scratch
    let popularity = collector.snapshot.popularity.score
    defer {
      for target in scratch.touched { scratch.aggregate[Int(target)] = 0 }
      scratch.touched.removeAll(keepingCapacity: true)
    }
    guard !scratch.touched.isEmpty else { return }
    TopK.select(
      scratch.touched,
      score: { log(max(popularity[Int($0)], .leastNormalMagnitude)) + scratch.aggregate[Int($0)] },
      capacity: min(scratch.touched.count, collector.limit * 4 + 16 + extra),
      scores: &scratch.heapScores,
      products: &scratch.heapProducts
    )
    guard let best = scratch.heapScores.first else { return }
    collector.beginTier(maximum: 1)
    for position in scratch.heapProducts.indices {
      let product = scratch.heapProducts[position]
      let raw = exp(scratch.heapScores[position] - best)
      if collector.offer(product, raw: raw, reason: reason(product)) { return }
    }
  }
}
