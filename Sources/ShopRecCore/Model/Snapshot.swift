/// One immutable, complete state of the recommendation engine: catalog, category tree, links,
/// co-purchase matrix, precomputed lists and order history.
///
/// A snapshot is built (or loaded from a file) once and never changes; serving swaps whole
/// snapshots atomically (see `SnapshotStore` in ShopRecService), so a query sees one consistent
/// state without locks.
public final class Snapshot: Sendable {
  /// Version, build time, sources and skipped records.
  public let metadata: SnapshotMetadata
  /// Products.
  public let catalog: Catalog
  /// Categories.
  public let categories: CategoryTree
  /// Explicit product links.
  public let links: ProductLinks
  /// Co-purchase neighbours from orders.
  public let coPurchase: CoPurchaseMatrix
  /// Product popularity from orders.
  public let popularity: Popularity
  /// Recommendation lists precomputed at build time.
  public let lists: PrecomputedLists
  /// Orders and customers.
  public let orders: OrderHistory
  /// Raw views of the columns queries read (valid while this snapshot lives).
  public let columns: SnapshotColumns
  /// Derived from the catalog: what candidate checks read, packed (``SnapshotColumns/facts``).
  private let productFacts: [ProductFacts]

  /// Assembles a snapshot from its parts.
  public init(
    metadata: SnapshotMetadata,
    catalog: Catalog,
    categories: CategoryTree,
    links: ProductLinks,
    coPurchase: CoPurchaseMatrix,
    popularity: Popularity,
    lists: PrecomputedLists,
    orders: OrderHistory
  ) {
    self.metadata = metadata
    self.catalog = catalog
    self.categories = categories
    self.links = links
    self.coPurchase = coPurchase
    self.popularity = popularity
    self.lists = lists
    self.orders = orders
    let productFacts = catalog.packedFacts()
    self.productFacts = productFacts
    self.columns = SnapshotColumns(
      catalog: catalog,
      facts: productFacts,
      categories: categories,
      popularity: popularity,
      orders: orders
    )
  }

  /// The snapshot version (see ``SnapshotMetadata/version``).
  public var version: String { self.metadata.version }
}

extension Snapshot: Equatable {
  /// Two snapshots are equal when every part is equal (used by round-trip tests).
  public static func == (lhs: Snapshot, rhs: Snapshot) -> Bool {
    lhs.metadata == rhs.metadata && lhs.catalog == rhs.catalog
      && lhs.categories == rhs.categories && lhs.links == rhs.links
      && lhs.coPurchase == rhs.coPurchase && lhs.popularity == rhs.popularity
      && lhs.lists == rhs.lists && lhs.orders == rhs.orders
  }
}
