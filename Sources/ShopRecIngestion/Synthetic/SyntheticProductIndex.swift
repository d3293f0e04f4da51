/// Products by family and by (family, brand), for picking link targets and successors.
struct SyntheticProductIndex: Sendable {
  /// Products of each family.
  let byFamily: [[Int32]]
  /// Products of each (family, brand), keyed `family << 32 | brand`.
  let byFamilyBrand: [UInt64: [Int32]]

  init(catalog: SyntheticCatalog) {
    var byFamily = [[Int32]](repeating: [], count: catalog.tree.families.count)
    var byFamilyBrand: [UInt64: [Int32]] = [:]
    for product in 0 ..< catalog.count {
      let family = Int(catalog.family[product])
      byFamily[family].append(Int32(product))
      byFamilyBrand[Self.key(family, catalog.brand[product]), default: []].append(Int32(product))
    }
    self.byFamily = byFamily
    self.byFamilyBrand = byFamilyBrand
  }

  private static func key(_ family: Int, _ brand: Int32) -> UInt64 {
    UInt64(family) << 32 | UInt64(UInt32(bitPattern: brand))
  }

  /// A random product of `family`, of `brand` with the given probability when there is one.
  func pick(
    family: Int,
    preferringBrand brand: Int32,
    probability: Double,
    random: inout Xoshiro256StarStar
  ) -> Int32? {
    if random.chance(probability), let same = self.byFamilyBrand[Self.key(family, brand)] {
      return same[random.below(same.count)]
    }
    let all = self.byFamily[family]
    return all.isEmpty ? nil : all[random.below(all.count)]
  }
}
