public import ShopRecCore

/// What `shoprec inspect FILE` reports about a snapshot: its identity, sources, sizes, the top
/// of the category tree, co-purchase matrix density and the records skipped while building.
///
/// A plain value computed once from a loaded snapshot; ``text()`` renders it for people and
/// ``json()`` for scripts.
public struct SnapshotInspection: Sendable, Equatable, Codable {
  /// The file, when the snapshot was loaded from one.
  public var file: FileFacts?
  /// The snapshot version.
  public var version: String
  /// Build time (Unix seconds).
  public var builtAt: Int64
  /// Build time as ISO 8601 (UTC).
  public var builtAtISO: String
  /// The moment "on sale now" refers to (Unix seconds).
  public var now: Int64
  /// The inputs of the build.
  public var sources: [SnapshotMetadata.SourceFile]
  /// Sizes.
  public var counts: Counts
  /// Root categories with their children (the top two levels), with subtree product counts.
  public var categoryTree: [CategoryNode]
  /// Roots not listed in `categoryTree` (beyond the listing limit).
  public var unlistedRoots: Int
  /// Density of the same-order co-purchase neighbours.
  public var boughtTogether: MatrixDensity
  /// Density of the bought-later neighbours.
  public var boughtLater: MatrixDensity
  /// Records rejected while building, by file and reason.
  public var skipped: [SnapshotMetadata.SkippedRecords]
  /// Build settings.
  public var settings: [String: String]

  /// Facts about the snapshot file.
  public struct FileFacts: Sendable, Equatable, Codable {
    /// The path.
    public var path: String
    /// Size in bytes.
    public var bytes: Int
    /// The format version it was written in.
    public var formatVersion: UInt32
    /// The number of sections.
    public var sections: Int
  }

  /// The sizes of a snapshot.
  public struct Counts: Sendable, Equatable, Codable {
    /// Products.
    public var products: Int
    /// Products in stock.
    public var inStock: Int
    /// Products on sale at ``SnapshotInspection/now``.
    public var onSaleNow: Int
    /// Discontinued products.
    public var discontinued: Int
    /// Products known only from order history.
    public var fromOrdersOnly: Int
    /// Categories.
    public var categories: Int
    /// Brands.
    public var brands: Int
    /// Item groups.
    public var itemGroups: Int
    /// Orders.
    public var orders: Int
    /// Order lines.
    public var orderLines: Int
    /// Customers.
    public var customers: Int
  }

  /// A category with the number of products in its subtree, and (for roots) its children.
  public struct CategoryNode: Sendable, Equatable, Codable {
    /// The shop's category id.
    public var id: String
    /// The category name.
    public var name: String
    /// Products in the category's subtree.
    public var products: Int
    /// Children (listed for roots only; at most ``SnapshotInspection/childLimit``).
    public var children: [CategoryNode]
    /// Children not listed.
    public var unlistedChildren: Int
  }

  /// How full a neighbour matrix is.
  public struct MatrixDensity: Sendable, Equatable, Codable {
    /// Stored (product, neighbour) pairs.
    public var storedPairs: Int
    /// Products with at least one neighbour.
    public var productsWithNeighbours: Int
    /// Average neighbours of a product that has any.
    public var averageNeighbours: Double
    /// `productsWithNeighbours` as a share of all products (0 ... 1).
    public var shareWithNeighbours: Double
  }

  /// The most roots listed.
  public static let rootLimit = 30
  /// The most children listed per root.
  public static let childLimit = 20

  /// Inspects `snapshot`; `file` adds the file facts, `now` (Unix seconds) decides what is on
  /// sale now.
  public init(snapshot: Snapshot, file: SnapshotFileInfo? = nil, now: Int64) {
    let catalog = snapshot.catalog
    self.file = file.map {
      FileFacts(
        path: $0.path,
        bytes: $0.fileSize,
        formatVersion: $0.formatVersion,
        sections: $0.sections.count
      )
    }
    self.version = snapshot.metadata.version
    self.builtAt = snapshot.metadata.builtAt
    self.builtAtISO = SyntheticCalendar.timestamp(snapshot.metadata.builtAt)
    self.now = now
    self.sources = snapshot.metadata.sources
    var inStock = 0
    var onSale = 0
    var discontinued = 0
    var ordersOnly = 0
    for product in 0 ..< catalog.count {
      let flags = catalog.productFlags(product)
      if flags.contains(.inStock) { inStock += 1 }
      if flags.contains(.discontinued) { discontinued += 1 }
      if flags.contains(.fromOrdersOnly) { ordersOnly += 1 }
      if catalog.isOnSale(product, at: now) { onSale += 1 }
    }
    self.counts = Counts(
      products: catalog.count,
      inStock: inStock,
      onSaleNow: onSale,
      discontinued: discontinued,
      fromOrdersOnly: ordersOnly,
      categories: snapshot.categories.count,
      brands: catalog.brands.count,
      itemGroups: catalog.groupIDs.count,
      orders: snapshot.orders.orderCount,
      orderLines: snapshot.orders.orderLines.values.count,
      customers: snapshot.orders.customerIDs.count
    )
    let (tree, unlisted) = Self.topCategories(snapshot.categories)
    self.categoryTree = tree
    self.unlistedRoots = unlisted
    self.boughtTogether = MatrixDensity(snapshot.coPurchase.together, productCount: catalog.count)
    self.boughtLater = MatrixDensity(snapshot.coPurchase.later, productCount: catalog.count)
    self.skipped = snapshot.metadata.skipped
    self.settings = snapshot.metadata.settings
  }

  private static func topCategories(_ tree: CategoryTree) -> ([CategoryNode], Int) {
    func node(_ category: Int, children: [CategoryNode], unlisted: Int) -> CategoryNode {
      CategoryNode(
        id: tree.ids[category],
        name: tree.names[category],
        products: tree.subtreeProducts.count(ofRow: category),
        children: children,
        unlistedChildren: unlisted
      )
    }
    let roots = (0 ..< tree.count).filter { tree.parent[$0] < 0 }
    let listedRoots = roots.prefix(self.rootLimit).map { root in
      let children = tree.children[root]
      let listed = children.prefix(self.childLimit).map {
        node(Int($0), children: [], unlisted: 0)
      }
      return node(root, children: listed, unlisted: children.count - listed.count)
    }
    return (listedRoots, roots.count - listedRoots.count)
  }
}

extension SnapshotInspection.MatrixDensity {
  /// Measures `rows` over `productCount` products.
  init(_ rows: ScoredRows, productCount: Int) {
    var withNeighbours = 0
    for row in 0 ..< rows.rowCount where rows.targets.count(ofRow: row) > 0 {
      withNeighbours += 1
    }
    self.storedPairs = rows.entryCount
    self.productsWithNeighbours = withNeighbours
    self.averageNeighbours =
      withNeighbours == 0 ? 0 : Double(rows.entryCount) / Double(withNeighbours)
    self.shareWithNeighbours =
      productCount == 0 ? 0 : Double(withNeighbours) / Double(productCount)
  }
}
