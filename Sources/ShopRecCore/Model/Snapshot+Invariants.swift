extension Snapshot {
  /// Checks every structural rule of the snapshot, in O(size) time: array counts, CSR offsets
  /// (start at 0, non-decreasing, end at the value count), index ranges, string indexes that find
  /// every id, parents before children, descending scores in every scored row, rankings that are
  /// permutations, and subtree lists that hold exactly their subtree's products, most popular
  /// first.
  ///
  /// The snapshot loader calls it to reject corrupt files; the builder tests call it on every
  /// snapshot they build.
  /// - Throws: ``InvariantViolation`` naming the first broken rule.
  public func checkInvariants() throws(InvariantViolation) {
    for part in 0 ..< Self.invariantPartCount { try self.checkInvariants(part: part) }
  }

  /// The number of independent parts ``checkInvariants(part:)`` splits the checks into.
  public static let invariantPartCount = 6

  /// One part of ``checkInvariants()``: the parts are independent (a loader checks them on all
  /// cores) and together check everything. They come largest first (on a large shop): the
  /// orders, the customers, the precomputed lists, the co-purchase matrix, the catalog, the
  /// category tree with links and popularity.
  public func checkInvariants(part: Int) throws(InvariantViolation) {
    let productCount = self.catalog.count
    let categoryCount = self.categories.count
    switch part {
    case 0:
      try self.orders.checkOrderInvariants(productCount: productCount)
    case 1:
      try self.orders.checkCustomerInvariants(productCount: productCount)
    case 2:
      try self.lists.checkInvariants(productCount: productCount)
    case 3:
      try self.coPurchase.checkInvariants(productCount: productCount, categoryCount: categoryCount)
    case 4:
      try require(!self.metadata.version.isEmpty, "metadata: empty version")
      try self.catalog.checkInvariants(categoryCount: categoryCount)
    default:
      try self.categories.checkInvariants(
        productCount: productCount,
        productCategory: self.catalog.category
      )
      try self.links.checkInvariants(productCount: productCount)
      try self.popularity.checkInvariants(productCount: productCount)
      try self.checkSubtreeProducts()
    }
  }

  /// Each `subtreeProducts[c]` holds every product of c's subtree once, by descending
  /// popularity, ties by index (membership is checked by the tree).
  private func checkSubtreeProducts() throws(InvariantViolation) {
    let tree = self.categories
    var expected = [Int](repeating: 0, count: tree.count)
    for product in 0 ..< self.catalog.count {
      var category = self.catalog.category[product]
      while category >= 0 {
        expected[Int(category)] += 1
        category = tree.parent[Int(category)]
      }
    }
    var lastRow = [Int32](repeating: -1, count: self.catalog.count)
    let score = self.popularity.score
    for category in 0 ..< tree.count {
      let row = tree.subtreeProducts[category]
      try require(
        row.count == expected[category],
        "categories.subtreeProducts[\(category)] holds \(row.count) products, its subtree has \(expected[category])"
      )
      var previous: ProductIndex = -1
      for product in row {
        try require(
          lastRow[Int(product)] != Int32(category),
          "categories.subtreeProducts[\(category)] lists product \(product) twice"
        )
        lastRow[Int(product)] = Int32(category)
        if previous >= 0 {
          let a = score[Int(previous)]
          let b = score[Int(product)]
          try require(
            a > b || (a == b && previous < product),
            "categories.subtreeProducts[\(category)] is not sorted by popularity at product \(product)"
          )
        }
        previous = product
      }
    }
  }
}
