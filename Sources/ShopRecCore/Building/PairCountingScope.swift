#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which orders take part in pair counting, and where each sits in its customer's history.
///
/// An order takes part when it has between 1 and `maxBasketSize` distinct products and is among
/// its customer's latest `maxOrdersPerCustomer` orders. Popularity ignores these caps.
struct PairCountingScope {
  /// Whether each order takes part.
  let eligible: [Bool]
  /// Position of each order inside its customer's `customerOrders` row.
  let positionInCustomer: [Int32]
  /// Weight of each order for `together` counts (1, or the time decay).
  let weight: [Double]
  /// Whether `weight` is not all ones.
  let isWeighted: Bool
  /// Orders taking part.
  let orderCount: Int
  /// Sum of the weights of the orders taking part.
  let totalWeight: Double
  /// Customers with at least one order taking part.
  let customerCount: Int

  init(orders: OrderHistory, options: SnapshotBuildOptions) {
    let orderCount = orders.orderCount
    var eligible = [Bool](repeating: false, count: orderCount)
    var position = [Int32](repeating: 0, count: orderCount)
    var customers = 0
    let maxOrders = max(1, options.maxOrdersPerCustomer)
    let maxBasket = max(1, options.maxBasketSize)
    for customer in 0 ..< orders.customerOrders.rowCount {
      let range = orders.customerOrders.range(ofRow: customer)
      let firstKept = max(range.lowerBound, range.upperBound - maxOrders)
      var any = false
      for slot in range {
        let order = Int(orders.customerOrders.values[slot])
        position[order] = Int32(slot)
        let size = orders.orderLines.count(ofRow: order)
        if slot >= firstKept && size >= 1 && size <= maxBasket {
          eligible[order] = true
          any = true
        }
      }
      if any { customers += 1 }
    }
    var weight = [Double](repeating: 1, count: orderCount)
    var isWeighted = false
    if let halfLife = options.togetherHalfLifeDays, halfLife > 0,
      let newest = orders.orderTime.max()
    {
      isWeighted = true
      let perSecond = log(2.0) / (halfLife * 86_400)
      for order in 0 ..< orderCount {
        weight[order] = exp(-Double(newest - orders.orderTime[order]) * perSecond)
      }
    }
    var count = 0
    var total = 0.0
    for order in 0 ..< orderCount where eligible[order] {
      count += 1
      total += weight[order]
    }
    self.eligible = eligible
    self.positionInCustomer = position
    self.weight = weight
    self.isWeighted = isWeighted
    self.orderCount = count
    self.totalWeight = total
    self.customerCount = customers
  }
}
