/// The raw co-occurrence baseline's neighbours: for each product, the products sharing the most
/// training orders with it, scored by that count (no significance test).
///
/// Counted over the same orders as the build's pair counting (1 … `maxBasketSize` distinct
/// products, among the customer's latest `maxOrdersPerCustomer`), keeping the best `neighbours`
/// per product (ties by lower index), so the baseline differs from shoprec's `together` rows
/// only in how pairs are scored. Cost: Σ over orders of size², sequential.
public struct CooccurrenceCounts: Sendable {
  /// Per product, neighbours by descending shared-order count.
  public let rows: ScoredRows

  /// Counts the pairs of `orders` over `productCount` products.
  public init(orders: OrderHistory, productCount: Int, options: SnapshotBuildOptions) {
    let eligible = Self.eligibleOrders(orders, options: options)
    var productOrders = [[Int32]](repeating: [], count: productCount)
    for order in 0 ..< orders.orderCount where eligible[order] {
      for product in orders.orderLines[order] { productOrders[Int(product)].append(Int32(order)) }
    }
    var count = [Float](repeating: 0, count: productCount)
    var touched: [Int32] = []
    var heapScores: [Float] = []
    var heapProducts: [Int32] = []
    var rows: [[(target: Int32, score: Float)]] = []
    rows.reserveCapacity(productCount)
    let neighbours = max(0, options.neighbours)
    for product in 0 ..< productCount {
      for order in productOrders[product] {
        for other in orders.orderLines[Int(order)] where other != Int32(product) {
          if count[Int(other)] == 0 { touched.append(other) }
          count[Int(other)] += 1
        }
      }
      TopK.select(
        touched,
        score: { count[Int($0)] },
        capacity: neighbours,
        scores: &heapScores,
        products: &heapProducts
      )
      rows.append(heapProducts.indices.map { (heapProducts[$0], heapScores[$0]) })
      for other in touched { count[Int(other)] = 0 }
      touched.removeAll(keepingCapacity: true)
    }
    self.rows = ScoredRows(rows: rows)
  }

  /// Orders with 1 … `maxBasketSize` distinct products among their customer's latest
  /// `maxOrdersPerCustomer` (the build's pair-counting caps).
  static func eligibleOrders(_ orders: OrderHistory, options: SnapshotBuildOptions) -> [Bool] {
    var eligible = [Bool](repeating: false, count: orders.orderCount)
    let maxOrders = max(1, options.maxOrdersPerCustomer)
    let maxBasket = max(1, options.maxBasketSize)
    for customer in 0 ..< orders.customerOrders.rowCount {
      let range = orders.customerOrders.range(ofRow: customer)
      for slot in max(range.lowerBound, range.upperBound - maxOrders) ..< range.upperBound {
        let order = Int(orders.customerOrders.values[slot])
        let size = orders.orderLines.count(ofRow: order)
        eligible[order] = size >= 1 && size <= maxBasket
      }
    }
    return eligible
  }
}
