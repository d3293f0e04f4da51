/// The category tree as a parent array, with per-category product lists precomputed.
///
/// Categories are addressed by ``CategoryIndex``; roots have parent -1. Parents always come
/// before their children (a builder sorts them so), so one forward pass visits top-down.
public struct CategoryTree: Sendable, Equatable {
  /// Shop category ids ↔ positions.
  public let ids: IndexedStrings
  /// Category names.
  public let names: StringTable
  /// Parent of each category, or -1 for a root.
  public let parent: FrozenArray<CategoryIndex>
  /// Depth of each category (roots are 0).
  public let depth: FrozenArray<UInt8>
  /// Children of each category.
  public let children: CompressedRows<CategoryIndex>
  /// Products of each category's whole subtree, most popular first.
  public let subtreeProducts: CompressedRows<ProductIndex>
  /// Products with a sale price in each category's subtree, best sale first (see OnSale).
  public let subtreeSales: ScoredRows

  /// Creates a tree from its columns; see ``CategoryTree/checkInvariants(productCount:)``.
  public init(
    ids: IndexedStrings,
    names: StringTable,
    parent: FrozenArray<CategoryIndex>,
    depth: FrozenArray<UInt8>,
    children: CompressedRows<CategoryIndex>,
    subtreeProducts: CompressedRows<ProductIndex>,
    subtreeSales: ScoredRows
  ) {
    self.ids = ids
    self.names = names
    self.parent = parent
    self.depth = depth
    self.children = children
    self.subtreeProducts = subtreeProducts
    self.subtreeSales = subtreeSales
  }

  /// The number of categories.
  @inlinable public var count: Int { self.parent.count }

  /// Whether `category` is `ancestor` or lies below it.
  @inlinable
  public func isWithin(_ category: CategoryIndex, _ ancestor: CategoryIndex) -> Bool {
    var current = category
    while current >= 0 {
      if current == ancestor { return true }
      current = self.parent[Int(current)]
    }
    return false
  }

  /// The path of names from the root down to `category`, joined with " > ".
  public func path(of category: CategoryIndex) -> String {
    var names: [String] = []
    var current = category
    while current >= 0 {
      names.append(self.names[Int(current)])
      current = self.parent[Int(current)]
    }
    return names.reversed().joined(separator: " > ")
  }
}
