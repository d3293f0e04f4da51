/// The sizes of an ``OrderLog``'s arrays before a file is read, so a file that fails part-way
/// can be taken out again without copying the log.
struct OrderLogCheckpoint {
  private let products: Int
  private let customers: Int
  private let orders: Int
  private let lines: Int
  private let issues: Int
  private let recordCounts: [String: Int]
  private let ignoredCounts: [String: Int]

  init(_ log: OrderLog) {
    self.products = log.productIDs.count
    self.customers = log.customerIDs.count
    self.orders = log.orderIDs.count
    self.lines = log.lineOrder.count
    self.issues = log.issues.count
    self.recordCounts = log.recordCounts
    self.ignoredCounts = log.ignoredCounts
  }

  /// Puts `log` back as it was, undoing time changes to orders that existed before.
  func restore(_ log: inout OrderLog, loweredOrderTimes: [(order: Int32, time: Int64)]) {
    for (order, time) in loweredOrderTimes.reversed() { log.orderTime[Int(order)] = time }
    log.productIDs.removeSubrange(self.products...)
    log.productNames.removeSubrange(self.products...)
    log.productLastPrice.removeSubrange(self.products...)
    log.customerIDs.removeSubrange(self.customers...)
    log.orderIDs.removeSubrange(self.orders...)
    log.orderCustomer.removeSubrange(self.orders...)
    log.orderTime.removeSubrange(self.orders...)
    log.lineOrder.removeSubrange(self.lines...)
    log.lineProduct.removeSubrange(self.lines...)
    log.lineQuantity.removeSubrange(self.lines...)
    log.linePrice.removeSubrange(self.lines...)
    log.issues.removeSubrange(self.issues...)
    log.recordCounts = self.recordCounts
    log.ignoredCounts = self.ignoredCounts
  }
}
