import CPrefetch

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Builds ``Popularity``: for each product, the number of distinct orders that contained it,
/// each weighted `2^(−age / halfLife)` where `age` is the time from the order to the newest
/// order of the history (no decay when the half-life is 0 or less).
public enum PopularityBuilder {
  /// How many lines ahead the accumulation asks for a product's totals.
  static let prefetchDistance = 16

  /// One product's running totals.
  private struct ProductTotal {
    var weight: Double
    var orders: Int32
  }

  /// Popularity of `productCount` products over `orders`.
  public static func build(
    orders: OrderHistory,
    productCount: Int,
    halfLifeDays: Double
  ) -> Popularity {
    // Per product, its weight sum and order count side by side (one cache miss per line, not
    // two), asked for a few lines ahead.
    let totals = BuildBuffer<ProductTotal>(
      repeating: ProductTotal(weight: 0, orders: 0),
      count: productCount
    )
    let newest = orders.orderTime.max() ?? 0
    let perSecond = halfLifeDays > 0 ? log(2.0) / (halfLifeDays * 86_400) : 0
    let lines = orders.orderLines
    lines.offsets.withUnsafeBufferPointer { offsets in
      lines.values.withUnsafeBufferPointer { products in
        orders.orderTime.withUnsafeBufferPointer { orderTime in
          for order in 0 ..< orders.orderCount {
            let age = Double(max(0, newest - orderTime[order]))
            let weight = perSecond > 0 ? exp(-age * perSecond) : 1
            for line in Int(offsets[order]) ..< Int(offsets[order + 1]) {
              if line + Self.prefetchDistance < products.count {
                shoprec_prefetch(totals.base + Int(products[line + Self.prefetchDistance]))
              }
              let total = totals.base + Int(products[line])
              total.pointee.weight += weight
              total.pointee.orders += 1
            }
          }
        }
      }
    }
    var score = [Float](repeating: 0, count: productCount)
    var orderCount = [Int32](repeating: 0, count: productCount)
    for product in 0 ..< productCount {
      score[product] = Float(totals[product].weight)
      orderCount[product] = totals[product].orders
    }
    return Popularity(score: score, orderCount: orderCount, ranking: ranking(score))
  }

  /// Product indices by descending score, ties by ascending index.
  static func ranking(_ score: [Float]) -> [ProductIndex] {
    var ranking = (0 ..< score.count).map { ProductIndex($0) }
    ranking.sort { a, b in
      let sa = score[Int(a)]
      let sb = score[Int(b)]
      return sa != sb ? sa > sb : a < b
    }
    return ranking
  }
}
