/// Explicit product links of the synthetic shop: accessories chosen from the accessory
/// categories of each product's family (same brand preferred), compatibility between families
/// the taxonomy pairs, and successors of discontinued products.
struct SyntheticLinks: Sendable {
  /// CSR offsets into `accessoryTargets`, one row per product.
  private(set) var accessoryOffsets: [Int32] = [0]
  /// Accessory products, row by row.
  private(set) var accessoryTargets: [Int32] = []
  /// Compatible pairs (from, to), each written once.
  private(set) var compatible: [(from: Int32, to: Int32)] = []
  /// Successor of each product, or -1.
  var successor: [Int32] = []

  /// The accessories of `product`.
  func accessories(of product: Int) -> ArraySlice<Int32> {
    self.accessoryTargets[
      Int(self.accessoryOffsets[product]) ..< Int(self.accessoryOffsets[product + 1])
    ]
  }

  /// Generates accessory and compatibility links for `catalog`.
  init(catalog: SyntheticCatalog, index: SyntheticProductIndex, random: inout Xoshiro256StarStar) {
    let families = catalog.tree.families
    self.accessoryOffsets.reserveCapacity(catalog.count + 1)
    var row: [Int32] = []
    for product in 0 ..< catalog.count {
      let family = families[Int(catalog.family[product])]
      let brand = catalog.brand[product]
      let sameItemAsPrevious =
        product > 0 && catalog.group[product] >= 0
        && catalog.group[product] == catalog.group[product - 1]
      if !sameItemAsPrevious {
        row.removeAll(keepingCapacity: true)
        if !family.accessoryFamilies.isEmpty, random.chance(0.7) {
          let wanted = [1, 1, 1, 1, 2, 2, 2, 3, 3, 4][random.below(10)]
          for _ in 0 ..< wanted {
            let target = family.accessoryFamilies[random.below(family.accessoryFamilies.count)]
            if let pick = index.pick(
              family: target,
              preferringBrand: brand,
              probability: 0.7,
              random: &random
            ),
              !row.contains(pick)
            {
              row.append(pick)
            }
          }
        }
      }
      self.accessoryTargets.append(contentsOf: row)
      self.accessoryOffsets.append(Int32(self.accessoryTargets.count))
      if !family.compatibleFamilies.isEmpty, !sameItemAsPrevious, random.chance(0.5) {
        var picked: [Int32] = []
        for _ in 0 ..< random.inRange(1 ... 3) {
          let target = family.compatibleFamilies[random.below(family.compatibleFamilies.count)]
          if let pick = index.pick(
            family: target,
            preferringBrand: brand,
            probability: 0.85,
            random: &random
          ),
            !picked.contains(pick)
          {
            picked.append(pick)
            self.compatible.append((Int32(product), pick))
          }
        }
      }
    }
  }
}
