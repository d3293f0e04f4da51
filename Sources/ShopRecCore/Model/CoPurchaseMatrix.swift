/// What order history says about products bought together, as top-K scored neighbours.
///
/// Pairs are selected by significance (log-likelihood ratio), not raw counts, and product pairs are
/// scored by the log of their lift lower bound (`coPurchaseLiftLevel`); see docs/recommendations.md.
public struct CoPurchaseMatrix: Sendable, Equatable {
  /// Same-order co-occurrence: `together[p]` are the products most significantly bought in the
  /// same orders as `p`.
  public let together: ScoredRows
  /// Directional: `later[p]` are the products the same customers bought after `p` within the
  /// build's window (the accessories signal).
  public let later: ScoredRows
  /// Category to category: `categoryFollowUps[c]` are the categories whose products buyers of
  /// category `c` go on to buy (phones → cases), used for products without history.
  public let categoryFollowUps: ScoredRows

  /// Creates the matrix from its parts.
  public init(together: ScoredRows, later: ScoredRows, categoryFollowUps: ScoredRows) {
    self.together = together
    self.later = later
    self.categoryFollowUps = categoryFollowUps
  }

  /// An empty matrix.
  public init(productCount: Int, categoryCount: Int) {
    self.together = ScoredRows(emptyRows: productCount)
    self.later = ScoredRows(emptyRows: productCount)
    self.categoryFollowUps = ScoredRows(emptyRows: categoryCount)
  }
}

/// Popularity of products from order history.
public struct Popularity: Sendable, Equatable {
  /// Time-decayed number of orders that contained each product.
  public let score: FrozenArray<Float>
  /// Number of distinct orders that contained each product (not decayed).
  public let orderCount: FrozenArray<Int32>
  /// All products, most popular first (the last-resort backfill).
  public let ranking: FrozenArray<ProductIndex>

  /// Creates popularity from its columns.
  public init(
    score: FrozenArray<Float>,
    orderCount: FrozenArray<Int32>,
    ranking: FrozenArray<ProductIndex>
  ) {
    self.score = score
    self.orderCount = orderCount
    self.ranking = ranking
  }

  /// Creates popularity from arrays.
  public init(score: [Float], orderCount: [Int32], ranking: [ProductIndex]) {
    self.init(
      score: FrozenArray(score),
      orderCount: FrozenArray(orderCount),
      ranking: FrozenArray(ranking)
    )
  }
}

/// Recommendation lists computed at build time, so a query only filters and backfills.
public struct PrecomputedLists: Sendable, Equatable {
  /// Substitutes per product (see the Similar strategy).
  public let similar: RankedRows
  /// Complements per product (see the Accessories strategy).
  public let accessories: RankedRows
  /// Replacements per product (see the Replacement strategy).
  public let replacements: RankedRows

  /// Creates the lists.
  public init(similar: RankedRows, accessories: RankedRows, replacements: RankedRows) {
    self.similar = similar
    self.accessories = accessories
    self.replacements = replacements
  }
}
