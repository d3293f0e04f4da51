extension CategoryTree {
  /// Checks that parents come before children, depths and children agree with parents, and the
  /// subtree lists hold products (of `productCount`) that really lie in the subtree. O(size).
  /// Product categories are passed as `productCategory` when known, to check list membership.
  public func checkInvariants(
    productCount: Int,
    productCategory: FrozenArray<CategoryIndex>? = nil
  ) throws(InvariantViolation) {
    let count = self.count
    try self.ids.checkInvariants(name: "categories.ids")
    try self.names.checkInvariants(name: "categories.names")
    try require(
      self.ids.count == count,
      "categories: \(self.ids.count) ids for \(count) categories"
    )
    try require(
      self.names.count == count,
      "categories: \(self.names.count) names for \(count) categories"
    )
    try require(
      self.depth.count == count,
      "categories: \(self.depth.count) depths for \(count) categories"
    )
    var childCount = [Int](repeating: 0, count: count)
    for category in 0 ..< count {
      let parent = self.parent[category]
      try require(
        parent >= -1 && Int(parent) < category,
        "categories.parent[\(category)] = \(parent) does not come before it"
      )
      let expected = parent < 0 ? 0 : Int(self.depth[Int(parent)]) + 1
      try require(
        Int(self.depth[category]) == min(expected, Int(UInt8.max)),
        "categories.depth[\(category)] = \(self.depth[category]), expected \(expected)"
      )
      if parent >= 0 { childCount[Int(parent)] += 1 }
    }
    try self.children.checkInvariants(
      rowCount: count,
      valueCount: count,
      name: "categories.children"
    )
    for category in 0 ..< count {
      try require(
        self.children.count(ofRow: category) == childCount[category],
        "categories.children[\(category)] has \(self.children.count(ofRow: category)) entries, expected \(childCount[category])"
      )
      for child in self.children[category] {
        try require(
          Int(self.parent[Int(child)]) == category,
          "categories.children[\(category)] lists \(child), whose parent is \(self.parent[Int(child)])"
        )
      }
    }
    try self.subtreeProducts.checkInvariants(
      rowCount: count,
      valueCount: productCount,
      name: "categories.subtreeProducts"
    )
    try self.subtreeSales.checkInvariants(
      rowCount: count,
      targetCount: productCount,
      name: "categories.subtreeSales"
    )
    guard let productCategory else { return }
    for (name, rows) in [
      ("subtreeProducts", self.subtreeProducts), ("subtreeSales", self.subtreeSales.targets),
    ] {
      for category in 0 ..< count {
        for product in rows[category] {
          try require(
            self.isWithin(productCategory[Int(product)], CategoryIndex(category)),
            "categories.\(name)[\(category)] lists product \(product) from category \(productCategory[Int(product)])"
          )
        }
      }
    }
  }
}
