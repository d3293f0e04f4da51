/// The orders of one day, as columns, before they are sorted by time and emitted.
struct DayBuffer {
  private(set) var customers: [Int32] = []
  private(set) var times: [Int64] = []
  private(set) var statuses: [SyntheticOrder.Status] = []
  private(set) var lineStarts: [Int] = [0]
  private(set) var products: [Int32] = []
  private(set) var quantities: [Int32] = []
  private(set) var prices: [Int64] = []

  /// Lines added so far.
  var lineCount: Int { self.products.count }

  mutating func removeAll() {
    self.customers.removeAll(keepingCapacity: true)
    self.times.removeAll(keepingCapacity: true)
    self.statuses.removeAll(keepingCapacity: true)
    self.lineStarts.removeAll(keepingCapacity: true)
    self.lineStarts.append(0)
    self.products.removeAll(keepingCapacity: true)
    self.quantities.removeAll(keepingCapacity: true)
    self.prices.removeAll(keepingCapacity: true)
  }

  /// Adds an order of `items`, drawing each line's quantity and price.
  mutating func add(
    customer: Int32,
    time: Int64,
    status: SyntheticOrder.Status,
    items: [Int32],
    quantity: () -> Int32,
    price: (Int32) -> Int64
  ) {
    self.customers.append(customer)
    self.times.append(time)
    self.statuses.append(status)
    for item in items {
      self.products.append(item)
      self.quantities.append(quantity())
      self.prices.append(price(item))
    }
    self.lineStarts.append(self.products.count)
  }

  /// The lines of order `order`.
  func range(of order: Int) -> Range<Int> {
    self.lineStarts[order] ..< self.lineStarts[order + 1]
  }

  /// Order positions by time (ties by position, so the result is deterministic).
  func sortedByTime() -> [Int] {
    guard let first = self.times.min() else { return [] }
    var keys = self.times.enumerated().map { index, time in
      UInt64(time - first) << 32 | UInt64(index)
    }
    keys.sort()
    return keys.map { Int(truncatingIfNeeded: UInt32(truncatingIfNeeded: $0)) }
  }
}
