/// The baselines of the offline evaluation, written as strategies on the shared
/// ``RecommendationCollector`` so exclusions, de-duplication, variant collapsing and the stock
/// filter are exactly shoprec's; only the ranking differs.
enum BaselineStrategies {
  /// The shop's most popular products.
  static func popularity(
    basket: [ProductIndex],
    into collector: inout RecommendationCollector
  ) {
    for product in basket { collector.excludeWithVariants(product) }
    collector.offerPopularInShop()
  }

  /// Popular products of `categories` (merged by popularity), then of their parents, then of
  /// the shop.
  static func categoryPopularity(
    basket: [ProductIndex],
    categories: [CategoryIndex],
    into collector: inout RecommendationCollector
  ) {
    for product in basket { collector.excludeWithVariants(product) }
    let parent = collector.snapshot.categories.parent
    var level = distinct(categories)
    var reason = ReasonCode.sameCategory
    while !level.isEmpty && !collector.isDone {
      offerMergedPopular(in: level, reason: reason, into: &collector)
      level = distinct(level.map { parent[Int($0)] })
      reason = .relatedCategory
    }
    collector.offerPopularInShop()
  }

  /// Products by the raw number of orders shared with the basket items (summed), then the
  /// shop's most popular products.
  static func cooccurrence(
    basket: [ProductIndex],
    counts: CooccurrenceCounts,
    into collector: inout RecommendationCollector
  ) {
    for product in basket { collector.excludeWithVariants(product) }
    let scratch = collector.scratch
    for product in basket {
      let range = counts.rows.range(ofRow: Int(product))
      for position in range {
        let target = Int(counts.rows.targets.values[position])
        if scratch.aggregate[target] == 0 { scratch.touched.append(Int32(target)) }
        scratch.aggregate[target] += counts.rows.scores[position]
      }
    }
    offerAggregated(into: &collector)
    collector.offerPopularInShop()
  }

  /// Offers the touched candidates by descending aggregate (one tier), then clears the
  /// aggregation.
  static func offerAggregated(into collector: inout RecommendationCollector) {
    let scratch = collector.scratch
    defer {
      for target in scratch.touched { scratch.aggregate[Int(target)] = 0 }
      scratch.touched.removeAll(keepingCapacity: true)
    }
    guard !scratch.touched.isEmpty else { return }
    TopK.select(
      scratch.touched,
      score: { scratch.aggregate[Int($0)] },
      capacity: min(scratch.touched.count, collector.limit * 4 + 16),
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

  /// The non-negative, distinct entries of `categories`, in first-seen order.
  static func distinct(_ categories: [CategoryIndex]) -> [CategoryIndex] {
    var result: [CategoryIndex] = []
    for category in categories where category >= 0 && !result.contains(category) {
      result.append(category)
    }
    return result
  }

  /// Offers the products of the subtrees of `categories` as one tier, most popular first (a
  /// k-way merge of the popularity-ordered subtree rows; ties by lower index).
  static func offerMergedPopular(
    in categories: [CategoryIndex],
    reason: ReasonCode,
    into collector: inout RecommendationCollector
  ) {
    let members = collector.snapshot.categories.subtreeProducts
    let popularity = collector.snapshot.popularity.score
    var cursors = categories.map { members.range(ofRow: Int($0)) }
    var first = true
    while !collector.isDone {
      var best = -1
      for slot in cursors.indices where !cursors[slot].isEmpty {
        guard best >= 0 else {
          best = slot
          continue
        }
        let candidate = members.values[cursors[slot].lowerBound]
        let leader = members.values[cursors[best].lowerBound]
        let a = popularity[Int(candidate)]
        let b = popularity[Int(leader)]
        if a > b || (a == b && candidate < leader) { best = slot }
      }
      guard best >= 0 else { return }
      let product = members.values[cursors[best].lowerBound]
      cursors[best] = cursors[best].dropFirst()
      if first {
        collector.beginTier(maximum: popularity[Int(product)])
        first = false
      }
      collector.offer(product, raw: popularity[Int(product)], reason: reason)
    }
  }
}
