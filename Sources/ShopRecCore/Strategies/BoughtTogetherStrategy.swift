/// Bought together: complements of a whole basket, aggregated over its items, excluding the
/// basket.
///
/// Each basket item's co-purchase neighbours (same order) and follow-up purchases (same customer,
/// later; half weight) are summed per candidate, each row normalised by its best score so every
/// basket item counts alike; the best sums come first. Then the items' accessory lists, the
/// follow-up categories of their categories, and the shop's popular products.
public enum BoughtTogetherStrategy {
  /// Weight of "bought later" neighbours relative to same-order ones.
  public static let laterWeight: Float = 0.5

  /// Fills `collector` with complements of `basket`.
  public static func recommend(
    for basket: [ProductIndex],
    into collector: inout RecommendationCollector
  ) {
    let snapshot = collector.snapshot
    for product in basket { collector.excludeWithVariants(product) }
    let scratch = collector.scratch
    for product in basket {
      accumulate(row: Int(product), of: snapshot.coPurchase.together, weight: 1, into: scratch)
      accumulate(
        row: Int(product),
        of: snapshot.coPurchase.later,
        weight: laterWeight,
        into: scratch
      )
    }
    offerAggregated(into: &collector)
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

  private static func accumulate(
    row: Int,
    of rows: ScoredRows,
    weight: Float,
    into scratch: RecommendationScratch
  ) {
    let range = rows.range(ofRow: row)
    guard !range.isEmpty else { return }
    let scale = weight / max(rows.scores[range.lowerBound], .leastNormalMagnitude)
    for position in range {
      let target = Int(rows.targets.values[position])
      if scratch.aggregate[target] == 0 { scratch.touched.append(Int32(target)) }
      scratch.aggregate[target] += rows.scores[position] * scale
    }
  }

  /// Offers touched candidates by descending aggregated score, then clears the aggregation.
  private static func offerAggregated(into collector: inout RecommendationCollector) {
    let scratch = collector.scratch
    defer {
      for target in scratch.touched { scratch.aggregate[Int(target)] = 0 }
      scratch.touched.removeAll(keepingCapacity: true)
    }
    guard !scratch.touched.isEmpty else { return }
    let capacity = min(scratch.touched.count, collector.limit * 4 + 16)
    TopK.select(
      scratch.touched,
      score: { scratch.aggregate[Int($0)] },
      capacity: capacity,
      scores: &scratch.heapScores,
      products: &scratch.heapProducts
    )
    guard let best = scratch.heapScores.first else { return }
    collector.beginTier(maximum: best)
    for position in scratch.heapProducts.indices {
      let product = scratch.heapProducts[position]
      if collector.offer(product, raw: scratch.heapScores[position], reason: .coPurchased) {
        return
      }
    }
  }
}
