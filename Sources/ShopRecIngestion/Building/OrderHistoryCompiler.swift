import ShopRecCore

/// Turns an ``OrderLog`` into the snapshot's ``OrderHistory``: lines grouped by order with one
/// line per distinct product (quantities summed, the first known unit price kept, products
/// ascending), each customer's orders oldest first (ties by order position), each customer's
/// distinct products ascending.
enum OrderHistoryCompiler {
  /// Checks that the log's columns agree and its indices are in range.
  static func validate(_ log: OrderLog) throws(SnapshotBuildError) {
    let lines = log.lineCount
    guard log.lineProduct.count == lines, log.lineQuantity.count == lines,
      log.linePrice.count == lines
    else { throw .inconsistentInput("order log line columns have different lengths") }
    guard log.orderCustomer.count == log.orderCount, log.orderTime.count == log.orderCount else {
      throw .inconsistentInput("order log order columns have different lengths")
    }
    for line in 0 ..< lines {
      guard log.lineOrder[line] >= 0, Int(log.lineOrder[line]) < log.orderCount,
        log.lineProduct[line] >= 0, Int(log.lineProduct[line]) < log.productIDs.count
      else {
        throw .inconsistentInput("order log line \(line) refers to an unknown order or product")
      }
    }
    for order in 0 ..< log.orderCount {
      guard log.orderCustomer[order] >= 0, Int(log.orderCustomer[order]) < log.customerIDs.count
      else {
        throw .inconsistentInput("order log order \(order) refers to an unknown customer")
      }
    }
  }

  /// An empty history.
  static func empty() -> OrderHistory {
    compile(OrderLog(), productMap: [], productCount: 0)
  }

  /// The history of a validated `log`, mapping order-side products through `productMap`.
  static func compile(
    _ log: OrderLog,
    productMap: [ProductIndex],
    productCount: Int
  ) -> OrderHistory {
    let orderCount = log.orderCount
    // Group lines by order (counting sort).
    var starts = [Int32](repeating: 0, count: orderCount + 1)
    for order in log.lineOrder { starts[Int(order) + 1] += 1 }
    for o in 0 ..< orderCount { starts[o + 1] += starts[o] }
    var cursor = starts
    var byOrder = [Int32](repeating: 0, count: log.lineCount)
    for line in 0 ..< log.lineCount {
      let order = Int(log.lineOrder[line])
      byOrder[Int(cursor[order])] = Int32(line)
      cursor[order] += 1
    }
    var offsets: [Int32] = [0]
    offsets.reserveCapacity(orderCount + 1)
    var products: [ProductIndex] = []
    products.reserveCapacity(log.lineCount)
    var quantities: [Int32] = []
    quantities.reserveCapacity(log.lineCount)
    var prices: [Int64] = []
    prices.reserveCapacity(log.lineCount)
    var scratch: [(product: ProductIndex, line: Int32)] = []
    for order in 0 ..< orderCount {
      scratch.removeAll(keepingCapacity: true)
      for slot in Int(starts[order]) ..< Int(starts[order + 1]) {
        let line = byOrder[slot]
        scratch.append((productMap[Int(log.lineProduct[Int(line)])], line))
      }
      scratch.sort { $0.product != $1.product ? $0.product < $1.product : $0.line < $1.line }
      for entry in scratch {
        let quantity = log.lineQuantity[Int(entry.line)]
        let price = log.linePrice[Int(entry.line)]
        if let last = products.last, products.count > Int(offsets[order]), last == entry.product {
          quantities[quantities.count - 1] = quantities[quantities.count - 1] &+ quantity
          if prices[prices.count - 1] == 0 { prices[prices.count - 1] = price }
        } else {
          products.append(entry.product)
          quantities.append(quantity)
          prices.append(price)
        }
      }
      offsets.append(Int32(products.count))
    }
    let orderLines = CompressedRows(offsets: offsets, values: products)
    // Customers' orders, oldest first.
    let customerCount = log.customerIDs.count
    var customerOrderPairs: [(row: Int32, value: Int32)] = []
    customerOrderPairs.reserveCapacity(orderCount)
    for order in 0 ..< orderCount {
      customerOrderPairs.append((log.orderCustomer[order], Int32(order)))
    }
    let unsorted = CompressedRows(rowCount: customerCount, pairs: customerOrderPairs)
    var orderValues = unsorted.values
    var productOffsets: [Int32] = [0]
    productOffsets.reserveCapacity(customerCount + 1)
    var customerProducts: [ProductIndex] = []
    var bought: [ProductIndex] = []
    for customer in 0 ..< customerCount {
      let range = unsorted.range(ofRow: customer)
      orderValues[range].sort { a, b in
        let ta = log.orderTime[Int(a)]
        let tb = log.orderTime[Int(b)]
        return ta != tb ? ta < tb : a < b
      }
      bought.removeAll(keepingCapacity: true)
      for slot in range { bought.append(contentsOf: orderLines[Int(orderValues[slot])]) }
      bought.sort()
      var previous: ProductIndex = -1
      for product in bought where product != previous {
        customerProducts.append(product)
        previous = product
      }
      productOffsets.append(Int32(customerProducts.count))
    }
    return OrderHistory(
      customerIDs: IndexedStrings(log.customerIDs),
      orderIDs: StringTable(log.orderIDs),
      orderCustomer: log.orderCustomer,
      orderTime: log.orderTime,
      orderLines: orderLines,
      lineQuantity: quantities,
      linePrice: prices,
      customerOrders: CompressedRows(offsets: unsorted.offsets, values: orderValues),
      customerProducts: CompressedRows(offsets: productOffsets, values: customerProducts)
    )
  }
}
