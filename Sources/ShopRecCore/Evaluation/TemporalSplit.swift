/// How an offline evaluation divides order history into a training part (from which the
/// snapshot is built) and held-out orders (which the recommendations must predict).
///
/// Both splits are temporal: nothing held out happens before what it is predicted from.
public enum TemporalSplit: Sendable, Equatable {
  /// Each customer's last order (latest time, ties by the later position) is held out, for
  /// customers with at least two orders; everything else trains. The standard "leave the last
  /// order out" protocol: every test customer has history.
  case lastOrderPerCustomer
  /// Every order within the last `days` days of the history (after `newest − days·86400`) is
  /// held out: a global cut in time, as a nightly build would see it.
  case lastDays(Int)

  /// Which orders are held out, given each order's customer and time (Unix seconds).
  ///
  /// Deterministic: depends only on the arrays, O(orders).
  public func heldOut(orderCustomer: [Int32], orderTime: [Int64]) -> [Bool] {
    precondition(orderCustomer.count == orderTime.count, "one customer and time per order")
    var heldOut = [Bool](repeating: false, count: orderCustomer.count)
    switch self {
    case .lastOrderPerCustomer:
      let customerCount = Int((orderCustomer.max() ?? -1) + 1)
      var last = [Int32](repeating: -1, count: customerCount)
      var orders = [Int32](repeating: 0, count: customerCount)
      for order in orderCustomer.indices {
        let customer = Int(orderCustomer[order])
        guard customer >= 0 else { continue }
        orders[customer] += 1
        let current = last[customer]
        if current < 0 || orderTime[order] >= orderTime[Int(current)] {
          last[customer] = Int32(order)
        }
      }
      for customer in 0 ..< customerCount where orders[customer] >= 2 {
        heldOut[Int(last[customer])] = true
      }
    case .lastDays(let days):
      guard let newest = orderTime.max() else { return heldOut }
      let cut = newest - Int64(max(0, days)) * 86_400
      for order in orderTime.indices where orderTime[order] > cut { heldOut[order] = true }
    }
    return heldOut
  }
}
