import CPrefetch
import ShopRecCore

/// Turns an ``OrderLog`` into the snapshot's ``OrderHistory``: lines grouped by order with one
/// line per distinct product (products ascending), each order's value (quantity × unit price
/// summed), each customer's orders oldest first (ties by order position), each customer's
/// distinct products ascending.
enum OrderHistoryCompiler {
  /// How many customers ahead ``customerRows(_:orderLines:)`` asks for their orders.
  static let prefetchCustomers = 8

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
    let lines = Self.orderLines(log, productMap: productMap)
    let customers = Self.customerRows(log, orderLines: lines.orderLines)
    return OrderHistory(
      customerIDs: IndexedStrings(log.customerIDs),
      orderIDs: StringTable(log.orderIDs),
      orderCustomer: FrozenArray(log.orderCustomer),
      orderTime: FrozenArray(log.orderTime),
      orderLines: lines.orderLines,
      orderValue: FrozenArray(lines.values),
      customerOrders: customers.orders,
      customerProducts: customers.products
    )
  }

  /// Lines grouped by order: one line per distinct product, products ascending; and each
  /// order's value (quantity × unit price summed over its lines, clamped at Int64.max).
  static func orderLines(
    _ log: OrderLog,
    productMap: [ProductIndex]
  ) -> (orderLines: CompressedRows<ProductIndex>, values: [Int64]) {
    let orderCount = log.orderCount
    let lineCount = log.lineCount
    // Group lines by order (counting sort; lines keep file order within an order).
    var starts = [Int32](repeating: 0, count: orderCount + 1)
    var byOrder = [Int32](repeating: 0, count: lineCount)
    var offsets = [Int32](repeating: 0, count: orderCount + 1)
    var products = [ProductIndex](repeating: 0, count: lineCount)
    var orderValues = [Int64](repeating: 0, count: orderCount)
    var kept = 0
    log.lineOrder.withUnsafeBufferPointer { lineOrder in
      log.lineProduct.withUnsafeBufferPointer { lineProduct in
        log.lineQuantity.withUnsafeBufferPointer { lineQuantity in
          log.linePrice.withUnsafeBufferPointer { linePrice in
            productMap.withUnsafeBufferPointer { productMap in
              starts.withUnsafeMutableBufferPointer { starts in
                byOrder.withUnsafeMutableBufferPointer { byOrder in
                  for order in lineOrder { starts[Int(order) + 1] += 1 }
                  for o in 0 ..< orderCount { starts[o + 1] += starts[o] }
                  var cursor = [Int32](starts)
                  cursor.withUnsafeMutableBufferPointer { cursor in
                    for line in 0 ..< lineCount {
                      let order = Int(lineOrder[line])
                      byOrder[Int(cursor[order])] = Int32(line)
                      cursor[order] += 1
                    }
                  }
                  // Per order: (product, line) sorted, then merged by product.
                  var scratch: [(product: ProductIndex, line: Int32)] = []
                  products.withUnsafeMutableBufferPointer { products in
                    orderValues.withUnsafeMutableBufferPointer { orderValues in
                      offsets.withUnsafeMutableBufferPointer { offsets in
                        for order in 0 ..< orderCount {
                          scratch.removeAll(keepingCapacity: true)
                          for slot in Int(starts[order]) ..< Int(starts[order + 1]) {
                            let line = byOrder[slot]
                            scratch.append((productMap[Int(lineProduct[Int(line)])], line))
                          }
                          Self.sortByProductThenLine(&scratch)
                          let first = kept
                          var value: Int64 = 0
                          for entry in scratch {
                            let line = Int(entry.line)
                            let (amount, overflow) = Int64(lineQuantity[line])
                              .multipliedReportingOverflow(by: linePrice[line])
                            let (sum, overflowSum) = value.addingReportingOverflow(amount)
                            value = overflow || overflowSum ? .max : sum
                            if kept == first || products[kept - 1] != entry.product {
                              products[kept] = entry.product
                              kept += 1
                            }
                          }
                          orderValues[order] = value
                          offsets[order + 1] = Int32(kept)
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
    products.removeLast(lineCount - kept)
    return (CompressedRows(offsets: offsets, values: products), orderValues)
  }

  /// Sorts an order's (product, line) pairs by product, then line (insertion sort for the
  /// usual short orders).
  static func sortByProductThenLine(_ entries: inout [(product: ProductIndex, line: Int32)]) {
    if entries.count > 24 {
      entries.sort { $0.product != $1.product ? $0.product < $1.product : $0.line < $1.line }
      return
    }
    entries.withUnsafeMutableBufferPointer { entries in
      for i in 1 ..< max(1, entries.count) {
        let entry = entries[i]
        var j = i
        while j > 0,
          entries[j - 1].product > entry.product
            || (entries[j - 1].product == entry.product && entries[j - 1].line > entry.line)
        {
          entries[j] = entries[j - 1]
          j -= 1
        }
        entries[j] = entry
      }
    }
  }

  /// Each customer's orders oldest first (ties by order position) and distinct products
  /// ascending.
  static func customerRows(
    _ log: OrderLog,
    orderLines: CompressedRows<ProductIndex>
  ) -> (orders: CompressedRows<Int32>, products: CompressedRows<ProductIndex>) {
    let orderCount = log.orderCount
    let customerCount = log.customerIDs.count
    var orderOffsets = [Int32](repeating: 0, count: customerCount + 1)
    var orderValues = [Int32](repeating: 0, count: orderCount)
    var productOffsets = [Int32](repeating: 0, count: customerCount + 1)
    var customerProducts: [ProductIndex] = []
    customerProducts.reserveCapacity(orderLines.values.count)
    var bought: [ProductIndex] = []
    log.orderCustomer.withUnsafeBufferPointer { orderCustomer in
      log.orderTime.withUnsafeBufferPointer { orderTime in
        orderLines.offsets.withUnsafeBufferPointer { lineOffsets in
          orderLines.values.withUnsafeBufferPointer { lineProducts in
            orderOffsets.withUnsafeMutableBufferPointer { offsets in
              orderValues.withUnsafeMutableBufferPointer { values in
                // Orders by customer (counting sort keeps order positions ascending).
                for customer in orderCustomer { offsets[Int(customer) + 1] += 1 }
                for c in 0 ..< customerCount { offsets[c + 1] += offsets[c] }
                var cursor = [Int32](offsets)
                cursor.withUnsafeMutableBufferPointer { cursor in
                  for order in 0 ..< orderCount {
                    let customer = Int(orderCustomer[order])
                    values[Int(cursor[customer])] = Int32(order)
                    cursor[customer] += 1
                  }
                }
                for customer in 0 ..< customerCount {
                  // The orders of later customers are all over the history: ask for their
                  // times and line offsets, and a little later for their lines, ahead.
                  if customer + Self.prefetchCustomers < customerCount {
                    let ahead = customer + Self.prefetchCustomers
                    for slot in Int(offsets[ahead]) ..< Int(offsets[ahead + 1]) {
                      let order = Int(values[slot])
                      shoprec_prefetch(orderTime.baseAddress.map { $0 + order })
                      shoprec_prefetch(lineOffsets.baseAddress.map { $0 + order })
                    }
                  }
                  if customer + Self.prefetchCustomers / 2 < customerCount {
                    let ahead = customer + Self.prefetchCustomers / 2
                    for slot in Int(offsets[ahead]) ..< Int(offsets[ahead + 1]) {
                      let order = Int(values[slot])
                      shoprec_prefetch(
                        lineProducts.baseAddress.map { $0 + Int(lineOffsets[order]) }
                      )
                    }
                  }
                  let range = Int(offsets[customer]) ..< Int(offsets[customer + 1])
                  Self.sortByTimeThenPosition(
                    UnsafeMutableBufferPointer(rebasing: values[range]),
                    time: orderTime
                  )
                  bought.removeAll(keepingCapacity: true)
                  for slot in range {
                    let order = Int(values[slot])
                    for line in Int(lineOffsets[order]) ..< Int(lineOffsets[order + 1]) {
                      bought.append(lineProducts[line])
                    }
                  }
                  if bought.count > 1 { bought.sort() }
                  var previous: ProductIndex = -1
                  for product in bought where product != previous {
                    customerProducts.append(product)
                    previous = product
                  }
                  productOffsets[customer + 1] = Int32(customerProducts.count)
                }
              }
            }
          }
        }
      }
    }
    return (
      CompressedRows(offsets: orderOffsets, values: orderValues),
      CompressedRows(offsets: productOffsets, values: customerProducts)
    )
  }

  /// Sorts a customer's orders (ascending positions) by time, ties by position.
  static func sortByTimeThenPosition(
    _ orders: UnsafeMutableBufferPointer<Int32>,
    time: UnsafeBufferPointer<Int64>
  ) {
    guard orders.count > 1 else { return }
    if orders.count > 24 {
      var orders = orders
      orders.sort { a, b in
        let ta = time[Int(a)]
        let tb = time[Int(b)]
        return ta != tb ? ta < tb : a < b
      }
      return
    }
    for i in 1 ..< orders.count {
      let order = orders[i]
      let t = time[Int(order)]
      var j = i
      while j > 0,
        time[Int(orders[j - 1])] > t || (time[Int(orders[j - 1])] == t && orders[j - 1] > order)
      {
        orders[j] = orders[j - 1]
        j -= 1
      }
      orders[j] = order
    }
  }
}
