extension SyntheticShop {
  /// Whether the accessories of `product` are listed in its products.csv `accessories` column
  /// (even products) rather than as `accessory-of` rows of links.csv (odd products), so that
  /// both ways of declaring accessories are exercised.
  static func listsAccessoriesInline(_ product: Int) -> Bool {
    product % 2 == 0
  }

  /// Calls `body` for every row of links.csv, in file order: accessories of odd products,
  /// compatibility pairs, then successions alternating between `successor-of` and
  /// `replaced-by`.
  func forEachLinkRow(
    _ body: (_ product: Int, _ relation: SyntheticLinkRelation, _ related: Int) -> Void
  ) {
    for main in 0 ..< self.catalog.count where !Self.listsAccessoriesInline(main) {
      for accessory in self.links.accessories(of: main) {
        body(Int(accessory), .accessoryOf, main)
      }
    }
    for pair in self.links.compatible {
      body(Int(pair.from), .compatibleWith, Int(pair.to))
    }
    var succession = 0
    for old in 0 ..< self.catalog.count where self.links.successor[old] >= 0 {
      let new = Int(self.links.successor[old])
      if succession % 2 == 0 {
        body(new, .successorOf, old)
      } else {
        body(old, .replacedBy, new)
      }
      succession += 1
    }
  }
}
