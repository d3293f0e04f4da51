extension RecommendationCollector {
  /// Offers items on sale at the filter's moment anywhere in the shop, root category by root
  /// category, each by the build's sale score (one tier per root).
  public mutating func offerSalesAnywhere() {
    let categories = self.snapshot.categories
    let sales = categories.subtreeSales
    let now = self.filter.now
    for root in 0 ..< categories.count where categories.parent[root] < 0 && !self.isDone {
      let range = sales.range(ofRow: root)
      guard !range.isEmpty else { continue }
      self.beginTier(maximum: sales.scores[range.lowerBound])
      for position in range {
        let candidate = sales.targets.values[position]
        guard self.snapshot.catalog.isOnSale(Int(candidate), at: now) else { continue }
        if self.offer(candidate, raw: sales.scores[position], reason: .onSale) { return }
      }
    }
  }

  /// Offers the shop's most popular products (last-resort tier), skipping those within any of
  /// `categories`' subtrees.
  public mutating func offerPopularInShop(avoidingAll categories: [CategoryIndex]) {
    guard !self.isDone else { return }
    let ranking = self.snapshot.popularity.ranking
    guard let first = ranking.first else { return }
    let popularity = self.snapshot.popularity.score
    self.beginTier(maximum: popularity[Int(first)])
    let tree = self.snapshot.categories
    let productCategory = self.snapshot.catalog.category
    for product in ranking {
      let own = productCategory[Int(product)]
      if own >= 0 && categories.contains(where: { tree.isWithin(own, $0) }) { continue }
      if self.offer(product, raw: popularity[Int(product)], reason: .popular) { return }
    }
  }
}
