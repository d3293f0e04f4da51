/// Reusable working memory for queries, one per thread (the service keeps one per event loop).
///
/// Holds generation-stamped "seen" marks for products, item groups and brands (so
/// de-duplication needs no clearing and no hashing), the result arrays, and a dense score array
/// for basket aggregation. The marks live in manually allocated buffers (no copy-on-write or
/// exclusivity checks on the per-candidate path). After the first queries on a snapshot have
/// sized it, a query allocates nothing.
public final class RecommendationScratch {
  var productStamps = UnsafeMutableBufferPointer<UInt32>(start: nil, count: 0)
  var groupStamps = UnsafeMutableBufferPointer<UInt32>(start: nil, count: 0)
  var brandStamps = UnsafeMutableBufferPointer<UInt32>(start: nil, count: 0)
  var brandCounts = UnsafeMutableBufferPointer<UInt16>(start: nil, count: 0)
  /// Basket aggregation: score per product (zero when untouched).
  var aggregate = UnsafeMutableBufferPointer<Float>(start: nil, count: 0)
  var stamp: UInt32 = 0
  /// Products touched by the aggregation.
  var touched: [Int32] = []
  /// Bounded heap for top-K selection: (score, product).
  var heapScores: [Float] = []
  var heapProducts: [Int32] = []

  /// A per-product table the caller reads for every answer (the service's offsets of its
  /// pre-encoded response items), when it has one: the collector asks for an accepted
  /// product's entry at once, so that it is in cache by the time the answer is written. Only a
  /// cache hint: nothing is read through it.
  public var answerPrefetchTable: UnsafeRawPointer?
  /// The stride of ``answerPrefetchTable``'s entries in bytes.
  public var answerPrefetchStride = 0

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

  deinit {
    self.productStamps.deallocate()
    self.groupStamps.deallocate()
    self.brandStamps.deallocate()
    self.brandCounts.deallocate()
    self.aggregate.deallocate()
  }

  /// The number of results of the last query.
  public var count: Int { self.products.count }

  private static func resized<T: BitwiseCopyable>(
    _ buffer: UnsafeMutableBufferPointer<T>,
    to count: Int,
    zero: T
  ) -> UnsafeMutableBufferPointer<T> {
    buffer.deallocate()
    let fresh = UnsafeMutableBufferPointer<T>.allocate(capacity: count)
    fresh.initialize(repeating: zero)
    return fresh
  }

  /// Prepares for a query on `snapshot`: sizes the mark buffers and starts a new generation.
  func begin(for snapshot: Snapshot) {
    let productCount = snapshot.catalog.count
    var reset = false
    if self.productStamps.count != productCount {
      self.productStamps = Self.resized(self.productStamps, to: productCount, zero: 0)
      self.aggregate = Self.resized(self.aggregate, to: productCount, zero: 0)
      reset = true
    }
    let groupCount = snapshot.catalog.groupIDs.count
    if self.groupStamps.count != groupCount {
      self.groupStamps = Self.resized(self.groupStamps, to: groupCount, zero: 0)
      reset = true
    }
    let brandCount = snapshot.catalog.brands.count
    if self.brandStamps.count != brandCount {
      self.brandStamps = Self.resized(self.brandStamps, to: brandCount, zero: 0)
      self.brandCounts = Self.resized(self.brandCounts, to: brandCount, zero: 0)
      reset = true
    }
    if reset {
      // Marks of a previous snapshot's size may hold any stamp: start from zero everywhere.
      self.productStamps.update(repeating: 0)
      self.groupStamps.update(repeating: 0)
      self.brandStamps.update(repeating: 0)
      self.stamp = 0
    }
    self.stamp &+= 1
    if self.stamp == 0 {
      // Wrapped around: clear once every 4 billion queries.
      self.productStamps.update(repeating: 0)
      self.groupStamps.update(repeating: 0)
      self.brandStamps.update(repeating: 0)
      self.stamp = 1
    }
    self.products.removeAll(keepingCapacity: true)
    self.scores.removeAll(keepingCapacity: true)
    self.reasons.removeAll(keepingCapacity: true)
  }
}
