import CPrefetch

extension OrderHistory {
  /// Checks column counts, that each order lists distinct products of `productCount`, that each
  /// order appears exactly once, in its customer's row, oldest first (ties by order position),
  /// and that each customer's products are strictly ascending. O(size).
  public func checkInvariants(productCount: Int) throws(InvariantViolation) {
    try self.checkOrderInvariants(productCount: productCount)
    try self.checkCustomerInvariants(productCount: productCount)
  }

  /// The order side of ``checkInvariants(productCount:)``: ids, columns and order lines
  /// (independent of the customer side, so a loader may check the two at once).
  public func checkOrderInvariants(productCount: Int) throws(InvariantViolation) {
    let orderCount = self.orderCount
    let customerCount = self.customerIDs.count
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
    // Distinct products per order: most orders hold a few lines, compared pairwise in place;
    // longer ones mark their products in a table (random access into it costs a miss a line).
    var seenInOrder: [Int32] = []
    let offsets = self.orderLines.offsets
    let lines = self.orderLines.values
    for order in 0 ..< orderCount {
      let customer = self.orderCustomer[order]
      try require(
        customer >= 0 && Int(customer) < customerCount,
        "orders.orderCustomer[\(order)] = \(customer) is out of range 0..<\(customerCount)"
      )
      // Offsets and products were range-checked above.
      let start = Int(offsets[order])
      let end = Int(offsets[order + 1])
      if end - start <= 16 {
        for line in start ..< end {
          let product = lines[line]
          for earlier in start ..< line where lines[earlier] == product {
            throw InvariantViolation("orders: order \(order) lists product \(product) twice")
          }
        }
        continue
      }
      if seenInOrder.isEmpty { seenInOrder = [Int32](repeating: -1, count: productCount) }
      for line in start ..< end {
        let product = Int(lines[line])
        try require(
          seenInOrder[product] != Int32(order),
          "orders: order \(order) lists product \(product) twice"
        )
        seenInOrder[product] = Int32(order)
      }
    }
  }

  /// The customer side of ``checkInvariants(productCount:)``: ids, order rows and product rows.
  public func checkCustomerInvariants(productCount: Int) throws(InvariantViolation) {
    let orderCount = self.orderCount
    let customerCount = self.customerIDs.count
    try self.customerIDs.checkInvariants(name: "orders.customerIDs")
    try self.customerOrders.checkInvariants(
      rowCount: customerCount,
      valueCount: orderCount,
      name: "orders.customerOrders"
    )
    try require(
      self.customerOrders.values.count == orderCount,
      "orders.customerOrders holds \(self.customerOrders.values.count) entries for \(orderCount) orders"
    )
    try require(
      self.orderCustomer.count == orderCount && self.orderTime.count == orderCount,
      "orders: \(self.orderCustomer.count) customers and \(self.orderTime.count) times for \(orderCount) orders"
    )
    // Each row strictly ascends by (time, order position) and holds only its customer's
    // orders: so no order is listed twice, and as the rows hold `orderCount` entries in all,
    // every order is listed exactly once (no table of listed orders, whose random writes
    // dominated the check on large histories).
    let orderOffsets = self.customerOrders.offsets
    let orders = self.customerOrders.values
    // The orders of a customer lie anywhere in the order columns: ask for their entries a
    // little ahead so that the misses overlap.
    let ahead = 16
    let orderCustomer = self.orderCustomer.withUnsafeBufferPointer { $0.baseAddress }
    let orderTime = self.orderTime.withUnsafeBufferPointer { $0.baseAddress }
    for customer in 0 ..< customerCount {
      var previousTime = Int64.min
      var previousOrder = -1
      for entry in Int(orderOffsets[customer]) ..< Int(orderOffsets[customer + 1]) {
        if entry + ahead < orders.count {
          let next = Int(orders[entry + ahead])
          if next >= 0 && next < orderCount {
            shoprec_prefetch(orderCustomer.map { $0 + next })
            shoprec_prefetch(orderTime.map { $0 + next })
          }
        }
        let order = Int(orders[entry])
        try require(
          Int(self.orderCustomer[order]) == customer,
          "orders.customerOrders[\(customer)] lists order \(order) of customer \(self.orderCustomer[order])"
        )
        let time = self.orderTime[order]
        try require(
          time > previousTime || (time == previousTime && order > previousOrder),
          "orders.customerOrders[\(customer)] is not oldest first (ties by order position)"
        )
        previousTime = time
        previousOrder = order
      }
    }
    try self.customerProducts.checkInvariants(
      rowCount: customerCount,
      valueCount: productCount,
      name: "orders.customerProducts"
    )
    let productOffsets = self.customerProducts.offsets
    let products = self.customerProducts.values
    for customer in 0 ..< customerCount {
      var previous: Int32 = -1
      for entry in Int(productOffsets[customer]) ..< Int(productOffsets[customer + 1]) {
        let product = products[entry]
        try require(
          product > previous,
          "orders.customerProducts[\(customer)] is not strictly ascending"
        )
        previous = product
      }
    }
  }
}
