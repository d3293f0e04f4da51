extension ProductLinks {
  /// Checks that each kind has one row per product, targets are in range and no product links
  /// to itself.
  public func checkInvariants(productCount: Int) throws(InvariantViolation) {
    for (name, rows) in [
      ("accessories", self.accessories), ("compatible", self.compatible),
      ("successors", self.successors),
    ] {
      try rows.checkInvariants(
        rowCount: productCount,
        valueCount: productCount,
        name: "links.\(name)"
      )
      for product in 0 ..< productCount {
        for target in rows[product] {
          try require(Int(target) != product, "links.\(name)[\(product)] links to itself")
        }
      }
    }
  }
}
