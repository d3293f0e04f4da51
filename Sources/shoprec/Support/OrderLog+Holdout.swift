import ShopRecCore
import ShopRecIngestion

extension OrderLog {
  /// The log without the orders marked in `heldOut`: orders, lines, and only the customers and
  /// products they still reference (re-interned in first-seen order), so nothing of the held-out
  /// orders reaches the training snapshot.
  func training(excluding heldOut: [Bool]) -> OrderLog {
    var result = OrderLog()
    result.issues = self.issues
    result.recordCounts = self.recordCounts
    result.ignoredCounts = self.ignoredCounts
    var orderMap = [Int32](repeating: -1, count: self.orderCount)
    var customerMap = [Int32](repeating: -1, count: self.customerIDs.count)
    var productMap = [Int32](repeating: -1, count: self.productIDs.count)
    for order in 0 ..< self.orderCount where !heldOut[order] {
      let customer = Int(self.orderCustomer[order])
      if customerMap[customer] < 0 {
        customerMap[customer] = Int32(result.customerIDs.count)
        result.customerIDs.append(self.customerIDs[customer])
      }
      orderMap[order] = Int32(result.orderIDs.count)
      result.orderIDs.append(self.orderIDs[order])
      result.orderCustomer.append(customerMap[customer])
      result.orderTime.append(self.orderTime[order])
    }
    for line in 0 ..< self.lineCount {
      let order = orderMap[Int(self.lineOrder[line])]
      guard order >= 0 else { continue }
      let product = Int(self.lineProduct[line])
      if productMap[product] < 0 {
        productMap[product] = Int32(result.productIDs.count)
        result.productIDs.append(self.productIDs[product])
        result.productNames.append(self.productNames[product])
        result.productLastPrice.append(self.productLastPrice[product])
      }
      result.lineOrder.append(order)
      result.lineProduct.append(productMap[product])
      result.lineQuantity.append(self.lineQuantity[line])
      result.linePrice.append(self.linePrice[line])
    }
    return result
  }

  /// The orders marked in `heldOut`, resolved against `snapshot` (customers and products it does
  /// not know become -1), each with its distinct products in file order.
  func heldOutOrders(_ heldOut: [Bool], in snapshot: Snapshot) -> [HeldOutOrder] {
    var position = [Int32](repeating: -1, count: self.orderCount)
    var orders: [HeldOutOrder] = []
    for order in 0 ..< self.orderCount where heldOut[order] {
      position[order] = Int32(orders.count)
      let customer = snapshot.orders.customerIDs.position(
        of: self.customerIDs[Int(self.orderCustomer[order])]
      )
      orders.append(
        HeldOutOrder(
          customer: customer.map { CustomerIndex($0) } ?? -1,
          time: self.orderTime[order],
          products: []
        )
      )
    }
    var productIDs: [Int32?] = [Int32?](repeating: nil, count: self.productIDs.count)
    var seen: [[Int32]] = [[Int32]](repeating: [], count: orders.count)
    for line in 0 ..< self.lineCount {
      let slot = position[Int(self.lineOrder[line])]
      guard slot >= 0 else { continue }
      let product = self.lineProduct[line]
      guard !seen[Int(slot)].contains(product) else { continue }
      seen[Int(slot)].append(product)
      if productIDs[Int(product)] == nil {
        let found = snapshot.catalog.productIDs.position(of: self.productIDs[Int(product)])
        productIDs[Int(product)] = found.map { Int32($0) } ?? -1
      }
      orders[Int(slot)].products.append(productIDs[Int(product)] ?? -1)
    }
    return orders
  }
}
