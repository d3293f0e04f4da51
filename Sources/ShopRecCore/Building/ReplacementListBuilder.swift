/// `replacements[p]`: what to offer instead of `p` (discontinued or out of stock).
///
/// Tier 1 (`.successorLink`): explicit successors, breadth-first along chains A → B → C: a
/// successor that can be bought is listed and its chain stops there; one that cannot (out of
/// stock or discontinued) is passed through, so C replaces A when B is discontinued.
/// Tier 2 (`.closestAlternative`): buyable products of p's category, scored
/// `0.5·priceCloseness + 0.2·sameBrand + 0.2·paramsJaccard + 0.1·newer` where `newer` is 1 when
/// the candidate was introduced no earlier than p. Never p or its item-group variants.
enum ReplacementListBuilder {
  static let priceWindow = 32
  static let popularCandidates = 16

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
      addSuccessors(context: context, product: product, scratch: &scratch)
      let category = context.catalog.category[product]
      if category >= 0 && !scratch.isFull {
        scratch.beginTier()
        SimilarListBuilder.forEachCategoryCandidate(
          context: context,
          product: product,
          category: Int(category),
          window: priceWindow,
          popular: popularCandidates
        ) { candidate in
          guard scratch.claim(candidate),
            SimilarListBuilder.eligible(context, product, candidate)
          else { return }
          scratch.add(Int32(candidate), closeness(context, product, candidate))
        }
        scratch.finishTier(tier: 1, tierCount: 2, reason: .closestAlternative)
      }
      scratch.emit(into: &chunk)
    }
    return (result.rows, result.reasons)
  }

  /// The closest-alternative score of `candidate` for `product`.
  static func closeness(_ context: ListContext, _ product: Int, _ candidate: Int) -> Double {
    var score = 0.5 * context.priceCloseness(product, candidate)
    if context.sameBrand(product, candidate) { score += 0.2 }
    score += 0.2 * context.sharedParams(product, candidate)
    if context.columns.introducedDay[candidate] >= context.columns.introducedDay[product] {
      score += 0.1
    }
    return score
  }

  /// Tier 1: breadth-first over successor links, passing through products that cannot be
  /// bought, listing those that can in the order reached.
  static func addSuccessors(
    context: ListContext,
    product: Int,
    scratch: inout TieredListScratch
  ) {
    let successors = context.links.successors
    guard successors.count(ofRow: product) > 0 else { return }
    scratch.beginTier()
    var queue: [Int32] = [Int32(product)]
    var visited: Set<Int32> = [Int32(product)]
    var head = 0
    while head < queue.count {
      let current = Int(queue[head])
      head += 1
      for next in successors[current] where !visited.contains(next) {
        visited.insert(next)
        let n = Int(next)
        if context.buyable(n) {
          if !context.sameGroup(product, n) && scratch.claim(n) {
            scratch.add(next, 0)
          }
        } else {
          queue.append(next)
        }
      }
    }
    scratch.finishTier(tier: 0, tierCount: 2, reason: .successorLink, keepOrder: true)
  }
}
