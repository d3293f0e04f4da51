extension Catalog {
  /// Checks that every column has one entry per product, indices lie in range (categories in
  /// `-1 ..< categoryCount` when given), item groups agree with `groupMembers`, prices are not
  /// negative, and every product id is found by the id index. O(size).
  public func checkInvariants(categoryCount: Int? = nil) throws(InvariantViolation) {
    let count = self.count
    try self.productIDs.checkInvariants(name: "catalog.productIDs")
    try require(
      self.productIDs.count == count,
      "catalog: \(self.productIDs.count) ids for \(count) products"
    )
    for (name, table) in [
      ("titles", self.titles), ("urls", self.urls), ("pictures", self.pictures),
    ] {
      try table.checkInvariants(name: "catalog.\(name)")
      try require(
        table.count == count,
        "catalog.\(name): \(table.count) entries for \(count) products"
      )
    }
    let columns: [(String, Int)] = [
      ("brand", self.brand.count), ("group", self.group.count),
      ("regularPrice", self.regularPrice.count), ("salePrice", self.salePrice.count),
      ("saleStart", self.saleStart.count), ("saleEnd", self.saleEnd.count),
      ("currency", self.currency.count), ("flags", self.flags.count),
      ("introducedDay", self.introducedDay.count),
    ]
    for (name, columnCount) in columns {
      try require(
        columnCount == count,
        "catalog.\(name): \(columnCount) entries for \(count) products"
      )
    }
    try self.brands.checkInvariants(name: "catalog.brands")
    try self.groupIDs.checkInvariants(name: "catalog.groupIDs")
    try self.currencies.checkInvariants(name: "catalog.currencies")
    try self.paramNames.checkInvariants(name: "catalog.paramNames")
    try self.paramValues.checkInvariants(name: "catalog.paramValues")
    let known = ProductFlags([.inStock, .discontinued, .fromOrdersOnly]).rawValue
    for product in 0 ..< count {
      let category = self.category[product]
      try require(
        category >= -1 && (categoryCount.map { Int(category) < $0 } ?? true),
        "catalog.category[\(product)] = \(category) is out of range"
      )
      try require(
        self.brand[product] >= -1 && Int(self.brand[product]) < self.brands.count,
        "catalog.brand[\(product)] = \(self.brand[product]) is out of range -1..<\(self.brands.count)"
      )
      try require(
        self.group[product] >= -1 && Int(self.group[product]) < self.groupIDs.count,
        "catalog.group[\(product)] = \(self.group[product]) is out of range -1..<\(self.groupIDs.count)"
      )
      try require(
        self.regularPrice[product] >= 0 && self.salePrice[product] >= 0,
        "catalog: product \(product) has a negative price"
      )
      try require(
        self.saleStart[product] <= self.saleEnd[product],
        "catalog: product \(product) has a sale window ending before it starts"
      )
      try require(
        Int(self.currency[product]) < max(1, self.currencies.count),
        "catalog.currency[\(product)] = \(self.currency[product]) is out of range"
      )
      try require(
        self.flags[product] & ~known == 0,
        "catalog.flags[\(product)] = \(self.flags[product]) has unknown bits"
      )
    }
    try self.params.checkInvariants(rowCount: count, name: "catalog.params")
    for (i, param) in self.params.values.enumerated() {
      try require(
        Int(param >> 32) < self.paramNames.count
          && Int(param & 0xFFFF_FFFF) < self.paramValues.count,
        "catalog.params value \(i) names an unknown attribute name or value"
      )
    }
    try self.groupMembers.checkInvariants(
      rowCount: self.groupIDs.count,
      valueCount: count,
      name: "catalog.groupMembers"
    )
    var grouped = 0
    for group in 0 ..< self.groupIDs.count {
      for member in self.groupMembers[group] {
        try require(
          Int(self.group[Int(member)]) == group,
          "catalog.groupMembers[\(group)] lists product \(member) of group \(self.group[Int(member)])"
        )
        grouped += 1
      }
    }
    let inGroups = self.group.reduce(0) { $0 + ($1 >= 0 ? 1 : 0) }
    try require(
      grouped == inGroups,
      "catalog.groupMembers holds \(grouped) products, but \(inGroups) products have a group"
    )
  }
}
