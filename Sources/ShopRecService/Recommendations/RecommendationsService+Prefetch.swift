import ShopRecCore

extension RecommendationsService {
  /// The cache hint of the five methods (see `GRPCRequestPrefetch`): pass 0 asks for the
  /// id-index slots of the request's product ids (field 1 of every request), the later passes
  /// for the stages of ``QueryPrefetch``. `context` keeps the resolved product (plus one) of a
  /// single-product request; a basket is resolved again each pass (its slots are cached by
  /// then).
  static func prefetch(
    _ source: QueryPrefetch.Source,
    request: UnsafeRawBufferPointer,
    pass: Int,
    context: inout UInt64,
    entry: SnapshotStore.Entry
  ) {
    let keys = entry.productKeys
    let limit = source == .together ? Self.prefetchedBasketItems : 1
    if pass == 0 {
      WireFieldScanner.forEach(lengthDelimitedField: 1, in: request, limit: limit) { id in
        keys.prefetch(id)
      }
      return
    }
    let scratch = Self.threadScratch
    if limit == 1 && context != 0 {
      QueryPrefetch.prefetch(
        source,
        product: ProductIndex(truncatingIfNeeded: context - 1),
        stage: pass,
        snapshot: entry.snapshot,
        scratch: scratch
      )
      return
    }
    WireFieldScanner.forEach(lengthDelimitedField: 1, in: request, limit: limit) { id in
      guard let product = keys.find(id) else { return }
      if limit == 1 { context = UInt64(product) + 1 }
      QueryPrefetch.prefetch(
        source,
        product: ProductIndex(product),
        stage: pass,
        snapshot: entry.snapshot,
        scratch: scratch
      )
    }
  }

  /// How many items of a basket the cache hint prefetches.
  static let prefetchedBasketItems = 8
}
