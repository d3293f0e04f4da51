extension CoPurchaseMatrix {
  /// Checks the shapes, ranges and descending scores of the three row sets; no row lists itself.
  public func checkInvariants(productCount: Int, categoryCount: Int) throws(InvariantViolation) {
    try self.together.checkInvariants(
      rowCount: productCount,
      targetCount: productCount,
      rowsAreTargets: true,
      name: "coPurchase.together"
    )
    try self.later.checkInvariants(
      rowCount: productCount,
      targetCount: productCount,
      rowsAreTargets: true,
      name: "coPurchase.later"
    )
    try self.categoryFollowUps.checkInvariants(
      rowCount: categoryCount,
      targetCount: categoryCount,
      rowsAreTargets: true,
      name: "coPurchase.categoryFollowUps"
    )
  }
}

extension Popularity {
  /// Checks one score and count per product, non-negative finite scores, and that the ranking
  /// is a permutation of all products by descending score, ties by index.
  public func checkInvariants(productCount: Int) throws(InvariantViolation) {
    try require(
      self.score.count == productCount,
      "popularity: \(self.score.count) scores for \(productCount) products"
    )
    try require(
      self.orderCount.count == productCount,
      "popularity: \(self.orderCount.count) counts for \(productCount) products"
    )
    try require(
      self.ranking.count == productCount,
      "popularity: ranking has \(self.ranking.count) of \(productCount) products"
    )
    for (product, score) in self.score.enumerated() {
      try require(score.isFinite && score >= 0, "popularity.score[\(product)] = \(score)")
      try require(self.orderCount[product] >= 0, "popularity.orderCount[\(product)] is negative")
    }
    var ranked = [Bool](repeating: false, count: productCount)
    var previous: ProductIndex = -1
    for (rank, product) in self.ranking.enumerated() {
      try require(
        product >= 0 && Int(product) < productCount,
        "popularity.ranking[\(rank)] = \(product) is out of range"
      )
      try require(!ranked[Int(product)], "popularity.ranking lists product \(product) twice")
      ranked[Int(product)] = true
      if previous >= 0 {
        let a = self.score[Int(previous)]
        let b = self.score[Int(product)]
        try require(
          a > b || (a == b && previous < product),
          "popularity.ranking: product \(product) at rank \(rank) is out of order"
        )
      }
      previous = product
    }
  }
}

extension PrecomputedLists {
  /// Checks the three ranked row sets.
  public func checkInvariants(productCount: Int) throws(InvariantViolation) {
    try self.similar.checkInvariants(
      rowCount: productCount,
      targetCount: productCount,
      name: "lists.similar"
    )
    try self.accessories.checkInvariants(
      rowCount: productCount,
      targetCount: productCount,
      name: "lists.accessories"
    )
    try self.replacements.checkInvariants(
      rowCount: productCount,
      targetCount: productCount,
      name: "lists.replacements"
    )
  }
}
