/// `similar[p]`: substitutes for `p`.
///
/// Tier 1 (`.sameCategory`): products of p's own category, ranked by attribute similarity
/// (``ListContext/attributeSimilarity(_:_:)``). Tier 2 (`.similarAttributes`): products of the
/// rest of the parent category's subtree (or of p's subtree for a root) with some similarity.
/// Never p, its item-group variants, or products that cannot be bought. Candidates are bounded
/// so big categories cost O(n): the `priceWindow` neighbours on each side by price plus the
/// `popularCandidates` most popular of the category (all of it when small), and the
/// `popularCandidates · 4` most popular of the parent's subtree for tier 2.
enum SimilarListBuilder {
  static let priceWindow = 24
  static let popularCandidates = 24

  static func build(
    context: ListContext,
    progress: (Int, Int) -> Void
  ) -> PrecomputedListsBuilder.ScoredList {
    let count = context.catalog.count
    let result = ParallelRows.build(
      rowCount: count,
      order: context.features.rowOrder,
      withReasons: true,
      makeScratch: { TieredListScratch(productCount: count) },
      progress: progress
    ) { product, scratch, chunk in
      scratch.begin(product: product, limit: context.listLength)
      let category = context.catalog.category[product]
      guard category >= 0 else { return }
      scratch.words.reset(context.titleWords(product))
      scratch.beginTier()
      forEachCategoryCandidate(context: context, product: product, category: Int(category)) {
        candidate in
        guard scratch.claim(candidate), eligible(context, product, candidate) else { return }
        scratch.add(
          Int32(candidate),
          context.attributeSimilarity(product, candidate, words: scratch.words)
        )
      }
      scratch.finishTier(tier: 0, tierCount: 2, reason: .sameCategory)
      if !scratch.isFull {
        let parent = context.parent[Int(category)]
        let pool = parent >= 0 ? Int(parent) : Int(category)
        scratch.beginTier()
        for candidate in context.subtreeProducts[pool].prefix(popularCandidates * 4) {
          let c = Int(candidate)
          guard scratch.claim(c), eligible(context, product, c) else { continue }
          let similarity = context.attributeSimilarity(product, c, words: scratch.words)
          if similarity > 0 { scratch.add(candidate, similarity) }
        }
        scratch.finishTier(tier: 1, tierCount: 2, reason: .similarAttributes)
      }
      scratch.emit(into: &chunk)
    }
    return (result.rows, result.reasons)
  }

  /// Whether `candidate` may be recommended for `product`.
  @inline(__always)
  static func eligible(_ context: ListContext, _ product: Int, _ candidate: Int) -> Bool {
    candidate != product && context.buyable(candidate) && !context.sameGroup(product, candidate)
  }

  /// Calls `body` with the bounded candidates of `category` around `product`: its price
  /// neighbours and the most popular of the category (duplicates possible).
  @inline(__always)
  static func forEachCategoryCandidate(
    context: ListContext,
    product: Int,
    category: Int,
    window: Int = priceWindow,
    popular: Int = popularCandidates,
    _ body: (Int) -> Void
  ) {
    let byPrice = context.features.categoryByPrice
    let range = byPrice.range(ofRow: category)
    if range.count <= 2 * window + popular {
      for slot in range { body(Int(byPrice.values[slot])) }
      return
    }
    let position = range.lowerBound + Int(context.features.pricePosition[product])
    let low = max(range.lowerBound, position - window)
    let high = min(range.upperBound, position + window + 1)
    for slot in low ..< high { body(Int(byPrice.values[slot])) }
    for candidate in context.features.categoryByPopularity[category].prefix(popular) {
      body(Int(candidate))
    }
  }
}
