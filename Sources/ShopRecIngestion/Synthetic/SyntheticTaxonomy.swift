/// The hand-written vocabulary of the synthetic shop: a three-level category tree with readable
/// names, typical prices, attribute kinds, and which leaf categories are accessories of (or
/// compatible with) which.
///
/// Bigger shops subdivide every leaf into a fourth level of qualified names ("Budget
/// Smartphones", "Premium Smartphones"), see ``SyntheticCategoryTree``.
enum SyntheticTaxonomy {
  /// A leaf category family: the unit that prices, attributes and links are defined on.
  struct Leaf {
    /// Category name (plural).
    var name: String
    /// The word used in product titles.
    var noun: String
    /// Median regular price in major units.
    var medianPrice: Double
    /// Which attributes its products have.
    var attributes: SyntheticAttributeKind
    /// Leaf names whose products are accessories of this leaf's products.
    var accessories: [String] = []
    /// Leaf names whose products are compatible with this leaf's products.
    var compatible: [String] = []
  }

  /// A second-level category and its leaves.
  struct Branch {
    var name: String
    var leaves: [Leaf]
  }

  /// A root category and its branches.
  struct Root {
    var name: String
    var branches: [Branch]
  }

  typealias L = Leaf

  /// The whole vocabulary.
  static let roots: [Root] = [
    electronics, homeAndKitchen, gardenAndOutdoor, clothingAndShoes, sports, beautyAndHealth,
    toysAndKids, toolsAndDIY,
  ]
}
