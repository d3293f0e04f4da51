/// Builds the ``CoPurchaseMatrix`` of a snapshot from its order history.
public enum CoPurchaseBuilder {
  /// The matrix for `orders` over `productCount` products whose leaf categories are
  /// `productCategory` (-1 for none) among `categoryCount` categories.
  public static func build(
    orders: OrderHistory,
    productCount: Int,
    productCategory: FrozenArray<CategoryIndex>,
    categoryCount: Int,
    options: SnapshotBuildOptions,
    progress: (BuildProgress) -> Void = { _ in }
  ) -> CoPurchaseMatrix {
    Self.build(
      orders: orders,
      productCount: productCount,
      productCategory: productCategory,
      categoryCount: categoryCount,
      options: options,
      counting: .byCustomer(),
      progress: progress
    )
  }

  /// ``build(orders:productCount:productCategory:categoryCount:options:progress:)`` with the
  /// pairs counted the given way (the tests check that both ways agree).
  package static func build(
    orders: OrderHistory,
    productCount: Int,
    productCategory: FrozenArray<CategoryIndex>,
    categoryCount: Int,
    options: SnapshotBuildOptions,
    counting: PairCounting,
    progress: (BuildProgress) -> Void = { _ in }
  ) -> CoPurchaseMatrix {
    // Each phase starts before its preparation, so its time includes it.
    if productCount > 0 { progress(BuildProgress(phase: .together, done: 0, total: productCount)) }
    let scope = PairCountingScope(orders: orders, options: options)
    let minSupport = options.effectiveMinPairSupport(pairOrderCount: scope.orderCount)
    let neighbours = max(0, options.neighbours)
    let window = Int64(max(0, options.laterWindowDays)) * 86_400
    let timeline = PairTimeline(orders: orders, scope: scope)
    var products: ItemTimeline? = ItemTimeline(
      timeline: timeline,
      orderItems: orders.orderLines,
      itemCount: productCount
    )
    let together = TogetherNeighbours.build(
      timeline: products!,
      scope: scope,
      minSupport: minSupport,
      neighbours: neighbours,
      liftLevel: options.coPurchaseLiftLevel
    ) { progress(BuildProgress(phase: .together, done: $0, total: $1)) }
    let later = FollowUpNeighbours.build(
      timeline: products!,
      scope: scope,
      windowSeconds: window,
      includeSameOrder: false,
      minSupport: minSupport,
      neighbours: neighbours,
      liftLevel: options.coPurchaseLiftLevel,
      counting: counting
    ) { progress(BuildProgress(phase: .later, done: $0, total: $1)) }
    if categoryCount > 0 {
      progress(BuildProgress(phase: .categoryFollowUps, done: 0, total: categoryCount))
    }
    let categories = orderCategories(
      timeline: timeline,
      products: products!,
      productCategory: productCategory,
      categoryCount: categoryCount
    )
    products = nil
    let followUps = FollowUpNeighbours.build(
      timeline: categories,
      scope: scope,
      windowSeconds: window,
      includeSameOrder: true,
      minSupport: minSupport,
      neighbours: max(0, options.categoryNeighbours),
      counting: counting
    ) { progress(BuildProgress(phase: .categoryFollowUps, done: $0, total: $1)) }
    return CoPurchaseMatrix(together: together, later: later, categoryFollowUps: followUps)
  }

  /// The slots of `timeline` with the distinct leaf categories of their orders, ascending, as
  /// items (products without a category are skipped), read from the slots of `products` (the
  /// same slots with their products as items), front to back.
  static func orderCategories(
    timeline: PairTimeline,
    products: ItemTimeline,
    productCategory: FrozenArray<CategoryIndex>,
    categoryCount: Int
  ) -> ItemTimeline {
    let slotCount = timeline.slotCount
    let headerWords = products.headerWords
    let words = products.words
    let slotItemStart = BuildBuffer<Int32>(repeating: 0, count: slotCount + 1)
    let slotItems = BuildBuffer<Int32>(
      repeating: 0,
      count: words.count - slotCount * headerWords
    )
    let labelCategory = BuildBuffer<Int32>(repeating: -1, count: products.itemCount)
    for label in 0 ..< products.itemCount {
      labelCategory[label] = productCategory[Int(products.item[label])]
    }
    let seen = BuildBuffer<Int32>(repeating: -1, count: categoryCount)
    var k = 0
    var offset = 0
    for slot in 0 ..< slotCount {
      let start = k
      let items = offset + headerWords
      let itemsEnd = items + Int(words[offset])
      for position in items ..< itemsEnd {
        let category = labelCategory[Int(words[position])]
        guard category >= 0, seen[Int(category)] != Int32(slot) else { continue }
        seen[Int(category)] = Int32(slot)
        // Insertion into the sorted row (orders hold at most `maxBasketSize` items).
        var i = k
        while i > start, slotItems[i - 1] > category {
          slotItems[i] = slotItems[i - 1]
          i -= 1
        }
        slotItems[i] = category
        k += 1
      }
      slotItemStart[slot + 1] = Int32(k)
      offset = itemsEnd
    }
    return ItemTimeline(
      timeline: timeline,
      slotItemStart: slotItemStart,
      slotItems: slotItems,
      itemCount: categoryCount
    )
  }
}
