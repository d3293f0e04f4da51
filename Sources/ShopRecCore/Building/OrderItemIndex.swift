/// Orders ↔ items (products or categories) for pair counting.
///
/// `itemOrders[i]` lists the orders taking part that contain item `i`, grouped by customer and
/// oldest first within a customer (built by walking each customer's history in time order).
struct OrderItemIndex {
  /// Distinct items of each order.
  let orderItems: CompressedRows<Int32>
  /// Orders taking part that contain each item, grouped by customer, oldest first.
  let itemOrders: CompressedRows<Int32>
  /// Distinct customers (with orders taking part) that bought each item.
  let itemCustomers: [Int32]
  /// Sum of the weights of `itemOrders[i]`.
  let itemWeight: [Double]

  /// Indexes `orderItems` (one row per order, distinct items) over `itemCount` items.
  init(
    orderItems: CompressedRows<Int32>,
    itemCount: Int,
    orders: OrderHistory,
    scope: PairCountingScope
  ) {
    var counts = [Int32](repeating: 0, count: itemCount + 1)
    for order in 0 ..< orderItems.rowCount where scope.eligible[order] {
      for item in orderItems[order] { counts[Int(item) + 1] += 1 }
    }
    for i in 0 ..< itemCount { counts[i + 1] += counts[i] }
    var cursor = counts
    var values = [Int32](repeating: 0, count: Int(counts[itemCount]))
    var customersOfItem = [Int32](repeating: 0, count: itemCount)
    var lastCustomer = [Int32](repeating: -1, count: itemCount)
    var itemWeight = [Double](repeating: 0, count: itemCount)
    for customer in 0 ..< orders.customerOrders.rowCount {
      for slot in orders.customerOrders.range(ofRow: customer) {
        let order = orders.customerOrders.values[slot]
        guard scope.eligible[Int(order)] else { continue }
        let weight = scope.weight[Int(order)]
        for item in orderItems[Int(order)] {
          let i = Int(item)
          values[Int(cursor[i])] = order
          cursor[i] += 1
          itemWeight[i] += weight
          if lastCustomer[i] != Int32(customer) {
            lastCustomer[i] = Int32(customer)
            customersOfItem[i] += 1
          }
        }
      }
    }
    self.orderItems = orderItems
    self.itemOrders = CompressedRows(offsets: counts, values: values)
    self.itemCustomers = customersOfItem
    self.itemWeight = itemWeight
  }
}
