/// Builds the ``CoPurchaseMatrix`` of a snapshot from its order history.
public enum CoPurchaseBuilder {
  /// The matrix for `orders` over `productCount` products whose leaf categories are
  /// `productCategory` (-1 for none) among `categoryCount` categories.
  public static func build(
    orders: OrderHistory,
    productCount: Int,
    productCategory: [CategoryIndex],
    categoryCount: Int,
    options: SnapshotBuildOptions,
    progress: (BuildProgress) -> Void = { _ in }
  ) -> CoPurchaseMatrix {
    let scope = PairCountingScope(orders: orders, options: options)
    let minSupport = options.effectiveMinPairSupport(pairOrderCount: scope.orderCount)
    let neighbours = max(0, options.neighbours)
    let window = Int64(max(0, options.laterWindowDays)) * 86_400
    let products = OrderItemIndex(
      orderItems: orders.orderLines,
      itemCount: productCount,
      orders: orders,
      scope: scope
    )
    let together = TogetherNeighbours.build(
      index: products,
      scope: scope,
      minSupport: minSupport,
      neighbours: neighbours,
      liftLevel: options.coPurchaseLiftLevel
    ) { progress(BuildProgress(phase: .together, done: $0, total: $1)) }
    let later = FollowUpNeighbours.build(
      index: products,
      orders: orders,
      scope: scope,
      windowSeconds: window,
      includeSameOrder: false,
      minSupport: minSupport,
      neighbours: neighbours,
      liftLevel: options.coPurchaseLiftLevel
    ) { progress(BuildProgress(phase: .later, done: $0, total: $1)) }
    let categories = OrderItemIndex(
      orderItems: orderCategories(orders: orders, productCategory: productCategory),
      itemCount: categoryCount,
      orders: orders,
      scope: scope
    )
    let followUps = FollowUpNeighbours.build(
      index: categories,
      orders: orders,
      scope: scope,
      windowSeconds: window,
      includeSameOrder: true,
      minSupport: minSupport,
      neighbours: max(0, options.categoryNeighbours)
    ) { progress(BuildProgress(phase: .categoryFollowUps, done: $0, total: $1)) }
    return CoPurchaseMatrix(together: together, later: later, categoryFollowUps: followUps)
  }

  /// The distinct leaf categories of each order, ascending (products without one are skipped).
  static func orderCategories(
    orders: OrderHistory,
    productCategory: [CategoryIndex]
  ) -> CompressedRows<Int32> {
    var offsets = [Int32]()
    offsets.reserveCapacity(orders.orderCount + 1)
    offsets.append(0)
    var values = [Int32]()
    values.reserveCapacity(orders.orderLines.values.count)
    for order in 0 ..< orders.orderCount {
      let start = values.count
      for product in orders.orderLines[order] {
        let category = productCategory[Int(product)]
        guard category >= 0 else { continue }
        var seen = false
        for i in start ..< values.count where values[i] == category {
          seen = true
          break
        }
        if !seen { values.append(category) }
      }
      values[start...].sort()
      offsets.append(Int32(values.count))
    }
    return CompressedRows(offsets: offsets, values: values)
  }
}
