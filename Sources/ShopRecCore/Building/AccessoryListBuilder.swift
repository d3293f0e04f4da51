/// `accessories[p]`: complements of `p`, in five tiers.
///
/// 1. `.accessoryLink`: explicit accessory links, in feed order.
/// 2. `.compatibleLink`: explicit compatibility links, in feed order.
/// 3. `.boughtLater`: `later[p]` neighbours in another category, by stored score (relative to the
///    row's best).
/// 4. `.coPurchased`: `together[p]` neighbours in another category, likewise.
/// 5. `.categoryAccessory`: fills what is left (so products without history get a list): the
///    most popular products of the `categoryFollowUps` of p's category, scored
///    `0.6·followUp + 0.25·popularity + 0.15·sameBrand` (follow-up LLR relative to the row's
///    best; popularity normalised in log scale).
///
/// "Another category" means a different leaf category, or either product has none. Never p,
/// its item-group variants, or products that cannot be bought.
enum AccessoryListBuilder {
  static let tierCount = 5
  static let productsPerFollowUpCategory = 20

  static func build(
    context: ListContext,
    progress: (Int, Int) -> Void
  ) -> PrecomputedListsBuilder.ScoredList {
    let count = context.catalog.count
    let candidates = SubtreeCandidates(
      subtreeProducts: context.subtreeProducts,
      columns: context.columns
    )
    let result = ParallelRows.build(
      rowCount: count,
      order: context.features.rowOrder,
      withReasons: true,
      makeScratch: { TieredListScratch(productCount: count) },
      progress: progress
    ) { product, scratch, chunk in
      scratch.begin(product: product, limit: context.listLength)
      addLinks(context.links.accessories[product], context, product, &scratch, 0, .accessoryLink)
      addLinks(context.links.compatible[product], context, product, &scratch, 1, .compatibleLink)
      addNeighbours(context.coPurchase.later, context, product, &scratch, 2, .boughtLater)
      addNeighbours(context.coPurchase.together, context, product, &scratch, 3, .coPurchased)
      addCategoryAccessories(context, candidates, product, &scratch)
      scratch.emit(into: &chunk)
    }
    return (result.rows, result.reasons)
  }

  static func addLinks(
    _ linked: Slice<FrozenArray<ProductIndex>>,
    _ context: ListContext,
    _ product: Int,
    _ scratch: inout TieredListScratch,
    _ tier: Int,
    _ reason: ReasonCode
  ) {
    guard !linked.isEmpty, !scratch.isFull else { return }
    scratch.beginTier()
    for target in linked {
      let t = Int(target)
      guard scratch.claim(t), SimilarListBuilder.eligible(context, product, t) else { continue }
      scratch.add(target, 1)
    }
    scratch.finishTier(tier: tier, tierCount: tierCount, reason: reason, keepOrder: true)
  }

  /// Whether `a` and `b` are in different categories (or either has none).
  @inline(__always)
  static func otherCategory(_ context: ListContext, _ a: Int, _ b: Int) -> Bool {
    let category = context.columns.category.base
    return category[a] < 0 || category[a] != category[b]
  }

  static func addNeighbours(
    _ rows: ScoredRows,
    _ context: ListContext,
    _ product: Int,
    _ scratch: inout TieredListScratch,
    _ tier: Int,
    _ reason: ReasonCode
  ) {
    let range = rows.range(ofRow: product)
    guard !range.isEmpty, !scratch.isFull else { return }
    let best = Double(rows.scores[range.lowerBound])
    scratch.beginTier()
    for slot in range {
      let target = rows.targets.values[slot]
      let t = Int(target)
      guard otherCategory(context, product, t), scratch.claim(t),
        SimilarListBuilder.eligible(context, product, t)
      else { continue }
      scratch.add(target, best > 0 ? Double(rows.scores[slot]) / best : 0)
    }
    scratch.finishTier(tier: tier, tierCount: tierCount, reason: reason)
  }

  static func addCategoryAccessories(
    _ context: ListContext,
    _ candidates: SubtreeCandidates,
    _ product: Int,
    _ scratch: inout TieredListScratch
  ) {
    let category = context.catalog.category[product]
    guard category >= 0, !scratch.isFull else { return }
    let followUps = context.coPurchase.categoryFollowUps
    let range = followUps.range(ofRow: Int(category))
    guard !range.isEmpty else { return }
    let best = Double(followUps.scores[range.lowerBound])
    let brand = context.columns.brand[product]
    let group = context.columns.group[product]
    scratch.beginTier()
    for slot in range {
      let followUp = Int(followUps.targets.values[slot])
      let relevance = best > 0 ? Double(followUps.scores[slot]) / best : 0
      var taken = 0
      // The same walk as over `subtreeProducts` (claim, then eligibility), over the buyable
      // prefix with the candidates' columns at hand.
      for entry in candidates.prefix(of: followUp) {
        guard taken < productsPerFollowUpCategory else { break }
        let t = Int(entry.target)
        guard scratch.claim(t), t != product, group < 0 || entry.group != group else { continue }
        taken += 1
        var strength = 0.6 * relevance + 0.25 * entry.popularity
        if brand >= 0 && entry.brand == brand { strength += 0.15 }
        scratch.add(entry.target, strength)
      }
      guard taken < productsPerFollowUpCategory else { continue }
      let subtree = context.subtreeProducts[followUp]
      for target in subtree.dropFirst(candidates.resumePosition(of: followUp)) {
        guard taken < productsPerFollowUpCategory else { break }
        let t = Int(target)
        guard scratch.claim(t), SimilarListBuilder.eligible(context, product, t) else { continue }
        taken += 1
        var strength = 0.6 * relevance + 0.25 * context.columns.normalisedPopularity[t]
        if context.sameBrand(product, t) { strength += 0.15 }
        scratch.add(target, strength)
      }
    }
    scratch.finishTier(tier: 4, tierCount: tierCount, reason: .categoryAccessory)
  }
}
