extension OrderHistory {
  /// The customer's most recent order, or nil when they have none.
  public func latestOrder(of customer: Int) -> Int? {
    let range = self.customerOrders.range(ofRow: customer)
    guard let last = range.last else { return nil }
    return Int(self.customerOrders.values[last])
  }

  /// The customer's order with id `id`, found by scanning their orders (no index needed).
  public func order(_ id: String, of customer: Int) -> Int? {
    var id = id
    return id.withUTF8 { key in
      for slot in self.customerOrders.range(ofRow: customer) {
        let order = Int(self.customerOrders.values[slot])
        let matches = self.orderIDs.withUTF8(at: order) { $0.elementsEqual(key) }
        if matches { return order }
      }
      return nil
    }
  }
}
