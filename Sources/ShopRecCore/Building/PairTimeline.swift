/// The orders taking part in pair counting, laid out customer by customer (customers in index
/// order, each customer's orders oldest first, as in `OrderHistory.customerOrders`).
///
/// Positions in this layout are *slots*. A customer's slots are consecutive, so walking "the
/// same customer's later orders" reads consecutive memory, and every slot knows where its
/// customer's slots end.
final class PairTimeline: @unchecked Sendable {
  /// Orders taking part.
  let slotCount: Int
  /// The order of each slot.
  let order: BuildBuffer<Int32>
  /// The time of each slot's order.
  let time: BuildBuffer<Int64>
  /// The slot after the last slot of each slot's customer.
  let customerEnd: BuildBuffer<Int32>
  /// The customer of each slot.
  let customer: BuildBuffer<Int32>
  /// The weight of each slot (``PairCountingScope/weight``).
  let weight: BuildBuffer<Double>

  init(orders: OrderHistory, scope: PairCountingScope) {
    let slotCount = scope.orderCount
    self.slotCount = slotCount
    self.order = BuildBuffer(repeating: 0, count: slotCount)
    self.time = BuildBuffer(repeating: 0, count: slotCount)
    self.customerEnd = BuildBuffer(repeating: 0, count: slotCount)
    self.customer = BuildBuffer(repeating: 0, count: slotCount)
    self.weight = BuildBuffer(repeating: 1, count: scope.isWeighted ? slotCount : 0)
    let customerOrders = orders.customerOrders
    var slot = 0
    scope.eligible.withUnsafeBufferPointer { eligible in
      orders.orderTime.withUnsafeBufferPointer { orderTime in
        customerOrders.values.withUnsafeBufferPointer { values in
          for customer in 0 ..< customerOrders.rowCount {
            let first = slot
            for position in customerOrders.range(ofRow: customer) {
              let order = Int(values[position])
              guard eligible[order] else { continue }
              self.order[slot] = Int32(order)
              self.time[slot] = orderTime[order]
              self.customer[slot] = Int32(customer)
              if scope.isWeighted { self.weight[slot] = scope.weight[order] }
              slot += 1
            }
            for s in first ..< slot { self.customerEnd[s] = Int32(slot) }
          }
        }
      }
    }
    precondition(slot == slotCount, "pair counting scope and history disagree")
  }
}
