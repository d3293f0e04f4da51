/// The synthetic shop's categories: the taxonomy's three levels, plus a fourth level of
/// qualified sub-categories when the shop is big enough that leaves would hold hundreds of
/// products each.
struct SyntheticCategoryTree: Sendable {
  /// A leaf family of the taxonomy with resolved cross-references.
  struct Family: Sendable {
    /// The taxonomy leaf.
    var leaf: SyntheticTaxonomy.Leaf
    /// Index of its root in ``SyntheticTaxonomy/roots``.
    var root: Int
    /// Families whose products are accessories of this family's products.
    var accessoryFamilies: [Int]
    /// Families whose products are compatible with this family's products.
    var compatibleFamilies: [Int]
    /// The attributes of its products, each with its values.
    var attributes: [(name: String, values: [String])]
    /// Whether other families list this one as an accessory and it has none of its own.
    var isAccessoryOnly: Bool
    /// The categories products of this family are placed in (its level-3 category, or its
    /// level-4 sub-categories).
    var categories: [Int32]
  }

  /// Category names, parents first.
  private(set) var names: [String] = []
  /// Parent of each category, -1 for roots.
  private(set) var parents: [Int32] = []
  /// Depth of each category (roots 0).
  private(set) var depths: [UInt8] = []
  /// The families, in taxonomy order.
  private(set) var families: [Family] = []

  /// Qualifiers of fourth-level categories.
  static let qualifiers = [
    "Budget", "Premium", "Compact", "Professional", "Classic", "Travel", "Kids'", "Eco",
    "Outdoor", "Studio", "Everyday", "Heavy-Duty", "Mini", "Smart", "Vintage", "Sport",
    "Essential", "Deluxe", "Urban", "Family", "Performance", "Lightweight", "Signature", "Pro",
  ]
  /// The most products a leaf should hold on average before leaves are subdivided.
  static let productsPerLeaf = 300

  /// Builds the tree for a shop of `productCount` products.
  init(productCount: Int) {
    let familyCount = SyntheticTaxonomy.roots.reduce(0) { total, root in
      total + root.branches.reduce(0) { $0 + $1.leaves.count }
    }
    let perFamily = productCount / max(1, familyCount)
    let subdivisions =
      perFamily > Self.productsPerLeaf
      ? min((perFamily + Self.productsPerLeaf - 1) / Self.productsPerLeaf, Self.qualifierCount)
      : 1
    var familyIndex: [String: Int] = [:]
    for (rootIndex, root) in SyntheticTaxonomy.roots.enumerated() {
      let rootCategory = self.add(root.name, parent: -1)
      for branch in root.branches {
        let branchCategory = self.add(branch.name, parent: rootCategory)
        for leaf in branch.leaves {
          let leafCategory = self.add(leaf.name, parent: branchCategory)
          var categories = [leafCategory]
          if subdivisions > 1 {
            categories = (0 ..< subdivisions).map {
              self.add("\(Self.qualifier($0)) \(leaf.name)", parent: leafCategory)
            }
          }
          familyIndex[leaf.name] = self.families.count
          self.families.append(
            Family(
              leaf: leaf,
              root: rootIndex,
              accessoryFamilies: [],
              compatibleFamilies: [],
              attributes: leaf.attributes.attributes,
              isAccessoryOnly: false,
              categories: categories
            )
          )
        }
      }
    }
    var listedAsAccessory = Set<Int>()
    for index in self.families.indices {
      let leaf = self.families[index].leaf
      self.families[index].accessoryFamilies = leaf.accessories.compactMap { familyIndex[$0] }
      self.families[index].compatibleFamilies = leaf.compatible.compactMap { familyIndex[$0] }
      listedAsAccessory.formUnion(self.families[index].accessoryFamilies)
    }
    for index in self.families.indices {
      self.families[index].isAccessoryOnly =
        listedAsAccessory.contains(index) && self.families[index].accessoryFamilies.isEmpty
    }
  }

  /// The number of categories.
  var count: Int { self.names.count }

  /// The shop's id of category `index`.
  static func id(_ index: Int) -> Int { index + 1 }

  private static var qualifierCount: Int {
    self.qualifiers.count * self.qualifiers.count
  }

  /// The `index`-th qualifier: single words first, then ordered pairs of distinct words
  /// ("Budget Premium").
  static func qualifier(_ index: Int) -> String {
    let count = self.qualifiers.count
    if index < count { return self.qualifiers[index] }
    let pair = (index - count) % (count * (count - 1))
    let first = pair / (count - 1)
    let rest = pair % (count - 1)
    let second = rest >= first ? rest + 1 : rest
    return "\(self.qualifiers[first]) \(self.qualifiers[second])"
  }

  private mutating func add(_ name: String, parent: Int32) -> Int32 {
    self.names.append(name)
    self.parents.append(parent)
    self.depths.append(parent < 0 ? 0 : self.depths[Int(parent)] + 1)
    return Int32(self.names.count - 1)
  }
}
