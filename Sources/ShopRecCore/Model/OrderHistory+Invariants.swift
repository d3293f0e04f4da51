extension OrderHistory {
  /// Checks column counts, that each order lists distinct products of `productCount`, that each
  /// order appears exactly once, in its customer's row, oldest first, and that each customer's
  /// products are strictly ascending. O(size).
  public func checkInvariants(productCount: Int) throws(InvariantViolation) {
    let orderCount = self.orderCount
    let customerCount = self.customerIDs.count
    try self.customerIDs.checkInvariants(name: "orders.customerIDs")
    try self.orderIDs.checkInvariants(name: "orders.orderIDs")
    try require(
      self.orderIDs.count == orderCount,
      "orders: \(self.orderIDs.count) ids for \(orderCount) orders"
    )
    try require(
      self.orderTime.count == orderCount,
      "orders: \(self.orderTime.count) times for \(orderCount) orders"
    )
    try self.orderLines.checkInvariants(
      rowCount: orderCount,
      valueCount: productCount,
      name: "orders.orderLines"
    )
    try require(
      self.orderValue.count == orderCount,
      "orders: \(self.orderValue.count) values for \(orderCount) orders"
    )
    var seenInOrder = [Int32](repeating: -1, count: productCount)
    for order in 0 ..< orderCount {
      let customer = self.orderCustomer[order]
      try require(
        customer >= 0 && Int(customer) < customerCount,
        "orders.orderCustomer[\(order)] = \(customer) is out of range 0..<\(customerCount)"
      )
      for product in self.orderLines[order] {
        try require(
          seenInOrder[Int(product)] != Int32(order),
          "orders: order \(order) lists product \(product) twice"
        )
        seenInOrder[Int(product)] = Int32(order)
      }
    }
    try self.customerOrders.checkInvariants(
      rowCount: customerCount,
      valueCount: orderCount,
      name: "orders.customerOrders"
    )
    try require(
      self.customerOrders.values.count == orderCount,
      "orders.customerOrders holds \(self.customerOrders.values.count) entries for \(orderCount) orders"
    )
    var listed = [Bool](repeating: false, count: orderCount)
    for customer in 0 ..< customerCount {
      var previous = Int64.min
      for order in self.customerOrders[customer] {
        try require(!listed[Int(order)], "orders.customerOrders lists order \(order) twice")
        listed[Int(order)] = true
        try require(
          Int(self.orderCustomer[Int(order)]) == customer,
          "orders.customerOrders[\(customer)] lists order \(order) of customer \(self.orderCustomer[Int(order)])"
        )
        let time = self.orderTime[Int(order)]
        try require(time >= previous, "orders.customerOrders[\(customer)] is not oldest first")
        previous = time
      }
    }
    try self.customerProducts.checkInvariants(
      rowCount: customerCount,
      valueCount: productCount,
      name: "orders.customerProducts"
    )
    for customer in 0 ..< customerCount {
      var previous: Int32 = -1
      for product in self.customerProducts[customer] {
        try require(
          product > previous,
          "orders.customerProducts[\(customer)] is not strictly ascending"
        )
        previous = product
      }
    }
  }
}
