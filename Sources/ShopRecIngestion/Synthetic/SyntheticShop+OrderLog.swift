extension SyntheticShop {
  /// The order history as the canonical orders parser would read the orders.csv that
  /// ``writeFiles(to:)`` writes into `sourceDirectory`: ids interned in first-seen order,
  /// cancelled and returned orders skipped and counted as ignored.
  public func orderLog(sourceDirectory: String = "demo") -> OrderLog {
    let file = sourceDirectory + "/orders.csv"
    var log = OrderLog()
    log.lineOrder.reserveCapacity(self.config.orderLineCount)
    log.lineProduct.reserveCapacity(self.config.orderLineCount)
    log.lineQuantity.reserveCapacity(self.config.orderLineCount)
    log.linePrice.reserveCapacity(self.config.orderLineCount)
    var productPosition = [Int32](repeating: -1, count: self.catalog.count)
    var customerPosition = [Int32](repeating: -1, count: self.config.customerCount)
    var lines = 0
    var ignored = 0
    self.forEachOrder { order in
      lines += order.products.count
      guard order.status == .completed else {
        ignored += order.products.count
        return
      }
      let orderIndex = Int32(log.orderIDs.count)
      log.orderIDs.append(SyntheticOrder.orderID(order.number))
      var customer = customerPosition[Int(order.customer)]
      if customer < 0 {
        customer = Int32(log.customerIDs.count)
        customerPosition[Int(order.customer)] = customer
        log.customerIDs.append(SyntheticOrder.customerID(order.customer))
      }
      log.orderCustomer.append(customer)
      log.orderTime.append(order.time)
      for (index, product) in zip(order.products.indices, order.products) {
        var position = productPosition[Int(product)]
        if position < 0 {
          position = Int32(log.productIDs.count)
          productPosition[Int(product)] = position
          log.productIDs.append(SyntheticCatalog.productID(Int(product)))
          log.productNames.append("")
          log.productLastPrice.append(0)
        }
        log.productLastPrice[Int(position)] = order.prices[index]
        log.lineOrder.append(orderIndex)
        log.lineProduct.append(position)
        log.lineQuantity.append(order.quantities[index])
        log.linePrice.append(order.prices[index])
      }
    }
    log.recordCounts = [file: lines]
    log.ignoredCounts = [file: ignored]
    return log
  }
}
