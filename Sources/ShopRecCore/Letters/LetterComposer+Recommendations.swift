extension LetterComposer {
  /// A recommendation block: the strategy on each context item (or on the basket), merged
  /// round-robin, then backfilled when the recipe says so.
  func fillRecommendations(
    _ block: BlockRecipe,
    limit: Int,
    request: LetterRequest,
    scratch: LetterScratch
  ) {
    let context = scratch.blockContext
    guard !context.isEmpty else { return }
    var filter = RecommendationFilter(now: request.now)
    filter.customer = request.customer
    let strategy = block.strategy
    if strategy == .boughtTogether || context.count == 1 {
      var collector = self.collector(filter: filter, limit: limit, scratch: scratch)
      if strategy == .boughtTogether {
        BoughtTogetherStrategy.recommend(for: context, into: &collector)
      } else {
        self.run(strategy, for: context[0], into: &collector)
      }
      if block.whenShort == .backfill {
        self.backfill(strategy, into: &collector, scratch: scratch)
      }
    } else {
      scratch.candidateProducts.removeAll(keepingCapacity: true)
      scratch.candidateScores.removeAll(keepingCapacity: true)
      scratch.candidateReasons.removeAll(keepingCapacity: true)
      scratch.candidateListEnd.removeAll(keepingCapacity: true)
      let results = scratch.recommendation
      for product in context.prefix(Self.maximumStrategyContext) {
        var collector = self.collector(filter: filter, limit: limit, scratch: scratch)
        self.run(strategy, for: product, into: &collector)
        scratch.candidateProducts.append(contentsOf: results.products)
        scratch.candidateScores.append(contentsOf: results.scores)
        scratch.candidateReasons.append(contentsOf: results.reasons)
        scratch.candidateListEnd.append(scratch.candidateProducts.count)
      }
      var collector = self.collector(filter: filter, limit: limit, scratch: scratch)
      Self.mergeRoundRobin(into: &collector, scratch: scratch)
      if block.whenShort == .backfill {
        self.backfill(strategy, into: &collector, scratch: scratch)
      }
    }
    let results = scratch.recommendation
    for position in 0 ..< results.count {
      scratch.append(
        results.products[position],
        score: results.scores[position],
        reason: results.reasons[position]
      )
    }
  }

  /// A collector that never offers the placed items, the context items, or their variants.
  private func collector(
    filter: RecommendationFilter,
    limit: Int,
    scratch: LetterScratch
  ) -> RecommendationCollector {
    let collector = RecommendationCollector(
      snapshot: self.snapshot,
      scratch: scratch.recommendation,
      filter: filter,
      limit: limit
    )
    for product in scratch.products { collector.excludeWithVariants(product) }
    for product in scratch.context { collector.excludeWithVariants(product) }
    return collector
  }

  /// Runs a per-item recommendation strategy for `product`.
  private func run(
    _ strategy: BlockStrategy,
    for product: ProductIndex,
    into collector: inout RecommendationCollector
  ) {
    switch strategy {
    case .similar:
      SimilarStrategy.recommend(for: product, into: &collector)
    case .onSale:
      let category = self.snapshot.catalog.category[Int(product)]
      OnSaleStrategy.recommend(for: product, category: category, into: &collector)
    case .accessories:
      AccessoriesStrategy.recommend(for: product, into: &collector)
    case .replacements:
      ReplacementStrategy.recommend(for: product, into: &collector)
    case .boughtTogether:
      BoughtTogetherStrategy.recommend(for: [product], into: &collector)
    case .reminder, .saleOnItems, .purchasedItems:
      break
    }
  }

  /// Offers the per-item lists round-robin: every list's first item (best first), then every
  /// list's second, and so on; each round is one tier, so scores never increase down the block.
  /// Entries of the strategies' last-resort tier (shop-wide popular items) come only after every
  /// list's other entries, so one item's weak fallback never pushes out another's real match.
  private static func mergeRoundRobin(
    into collector: inout RecommendationCollector,
    scratch: LetterScratch
  ) {
    for lastResort in [false, true] {
      scratch.cursors.removeAll(keepingCapacity: true)
      var start = 0
      for end in scratch.candidateListEnd {
        scratch.cursors.append(start)
        start = end
      }
      while !collector.isDone {
        scratch.round.removeAll(keepingCapacity: true)
        for list in scratch.cursors.indices {
          let end = scratch.candidateListEnd[list]
          var cursor = scratch.cursors[list]
          while cursor < end && (scratch.candidateReasons[cursor] == .popular) != lastResort {
            cursor += 1
          }
          if cursor < end {
            scratch.round.append(cursor)
            cursor += 1
          }
          scratch.cursors[list] = cursor
        }
        guard !scratch.round.isEmpty else { break }
        Self.sortRoundByScore(scratch)
        collector.beginTier(maximum: scratch.candidateScores[scratch.round[0]])
        for position in scratch.round {
          let done = collector.offer(
            scratch.candidateProducts[position],
            raw: scratch.candidateScores[position],
            reason: scratch.candidateReasons[position]
          )
          if done { return }
        }
      }
    }
  }

  /// Insertion sort of a round by descending score, stable (a round holds at most
  /// ``maximumStrategyContext`` candidates).
  private static func sortRoundByScore(_ scratch: LetterScratch) {
    for index in scratch.round.indices.dropFirst() {
      let position = scratch.round[index]
      let score = scratch.candidateScores[position]
      var slot = index
      while slot > 0 && scratch.candidateScores[scratch.round[slot - 1]] < score {
        scratch.round[slot] = scratch.round[slot - 1]
        slot -= 1
      }
      scratch.round[slot] = position
    }
  }

  /// Fills a short block from a wider source: for on-sale blocks, sales anywhere in the shop;
  /// for similar and replacement blocks, popular items of the context's categories and their
  /// ancestors; for accessories, the shop's popular items outside the context's categories; for
  /// bought-together, the shop's popular items.
  private func backfill(
    _ strategy: BlockStrategy,
    into collector: inout RecommendationCollector,
    scratch: LetterScratch
  ) {
    guard !collector.isDone else { return }
    let categories = self.snapshot.catalog.category
    let context = scratch.blockContext.prefix(Self.maximumStrategyContext)
    switch strategy {
    case .onSale:
      collector.offerSalesAnywhere()
    case .similar, .replacements:
      for product in context where !collector.isDone {
        collector.offerPopularUpTheTree(from: categories[Int(product)])
      }
    case .accessories:
      scratch.avoidCategories.removeAll(keepingCapacity: true)
      for product in context where categories[Int(product)] >= 0 {
        scratch.avoidCategories.append(categories[Int(product)])
      }
      collector.offerPopularInShop(avoidingAll: scratch.avoidCategories)
    case .boughtTogether:
      collector.offerPopularInShop()
    case .reminder, .saleOnItems, .purchasedItems:
      break
    }
  }
}
