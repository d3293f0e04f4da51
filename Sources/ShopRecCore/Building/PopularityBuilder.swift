#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Builds ``Popularity``: for each product, the number of distinct orders that contained it,
/// each weighted `2^(−age / halfLife)` where `age` is the time from the order to the newest
/// order of the history (no decay when the half-life is 0 or less).
public enum PopularityBuilder {
  /// Popularity of `productCount` products over `orders`.
  public static func build(
    orders: OrderHistory,
    productCount: Int,
    halfLifeDays: Double
  ) -> Popularity {
    var score = [Float](repeating: 0, count: productCount)
    var orderCount = [Int32](repeating: 0, count: productCount)
    var accumulated = [Double](repeating: 0, count: productCount)
    let newest = orders.orderTime.max() ?? 0
    let perSecond = halfLifeDays > 0 ? log(2.0) / (halfLifeDays * 86_400) : 0
    for order in 0 ..< orders.orderCount {
      let age = Double(max(0, newest - orders.orderTime[order]))
      let weight = perSecond > 0 ? exp(-age * perSecond) : 1
      for product in orders.orderLines[order] {
        accumulated[Int(product)] += weight
        orderCount[Int(product)] += 1
      }
    }
    for product in 0 ..< productCount { score[product] = Float(accumulated[product]) }
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
