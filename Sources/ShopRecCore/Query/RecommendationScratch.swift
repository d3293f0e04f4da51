/// Reusable working memory for queries, one per thread (the service keeps one per event loop).
///
/// Holds generation-stamped "seen" marks for products and item groups (so de-duplication needs
/// no clearing and no hashing), the result arrays, and a dense score array for basket
/// aggregation. After the first queries on a snapshot have sized it, a query allocates nothing.
public final class RecommendationScratch {
  var productStamps: [UInt32] = []
  var groupStamps: [UInt32] = []
  var brandStamps: [UInt32] = []
  var brandCounts: [UInt16] = []
  var stamp: UInt32 = 0
  /// Basket aggregation: score per product, and the products touched.
  var aggregate: [Float] = []
  var touched: [Int32] = []
  /// Bounded heap for top-K selection: (score, product).
  var heapScores: [Float] = []
  var heapProducts: [Int32] = []

  /// The result of the last query: products, scores and reasons, best first.
  public internal(set) var products: [ProductIndex] = []
  /// Scores aligned with ``products``.
  public internal(set) var scores: [Float] = []
  /// Reasons aligned with ``products``.
  public internal(set) var reasons: [ReasonCode] = []

  /// Creates empty scratch memory; it grows to the snapshot's size on first use.
  public init() {
    self.products.reserveCapacity(128)
    self.scores.reserveCapacity(128)
    self.reasons.reserveCapacity(128)
  }

  /// The number of results of the last query.
  public var count: Int { self.products.count }

  /// Prepares for a query on `snapshot`: sizes the stamp arrays and starts a new generation.
  func begin(for snapshot: Snapshot) {
    let productCount = snapshot.catalog.count
    if self.productStamps.count != productCount {
      self.productStamps = [UInt32](repeating: 0, count: productCount)
      self.aggregate = [Float](repeating: 0, count: productCount)
      self.stamp = 0
    }
    let groupCount = snapshot.catalog.groupIDs.count
    if self.groupStamps.count != groupCount {
      self.groupStamps = [UInt32](repeating: 0, count: groupCount)
      self.stamp = 0
    }
    let brandCount = snapshot.catalog.brands.count
    if self.brandStamps.count != brandCount {
      self.brandStamps = [UInt32](repeating: 0, count: brandCount)
      self.brandCounts = [UInt16](repeating: 0, count: brandCount)
      self.stamp = 0
    }
    self.stamp &+= 1
    if self.stamp == 0 {
      // Wrapped around: clear once every 4 billion queries.
      for index in self.productStamps.indices { self.productStamps[index] = 0 }
      for index in self.groupStamps.indices { self.groupStamps[index] = 0 }
      for index in self.brandStamps.indices { self.brandStamps[index] = 0 }
      self.stamp = 1
    }
    self.products.removeAll(keepingCapacity: true)
    self.scores.removeAll(keepingCapacity: true)
    self.reasons.removeAll(keepingCapacity: true)
  }
}
