import ShopRecCore

/// Compiles merged product records plus orders-only products into the ``Catalog`` columns,
/// interning brands, item groups, params and currencies.
///
/// Orders-only products (ids seen in orders but in no catalog) come after the catalog's
/// products, in order-log order, flagged `.fromOrdersOnly`, titled by the order's product name
/// and priced at the last unit price seen. Without any catalog product they count as in stock;
/// otherwise they left the feed and are `.discontinued`, not in stock.
struct CatalogCompiler {
  let catalog: Catalog
  /// For each order-log product position, its product index.
  let orderProductMap: [ProductIndex]
  /// Number of orders-only products.
  let ordersOnlyCount: Int
  /// Product id → index (all products).
  let productIndex: [String: Int32]
  let issues: [RecordIssue]

  init(
    merger: CatalogMerger,
    catalogs: [CatalogInput],
    categoryIndex: [String: CategoryIndex],
    orders: OrderLog?
  ) {
    var issues: [RecordIssue] = []
    var productIndex = merger.productIndex
    let catalogCount = merger.products.count
    // Orders-only products.
    var orderProductMap: [ProductIndex] = []
    var ordersOnly: [Int] = []  // order-log product positions
    if let orders {
      orderProductMap.reserveCapacity(orders.productIDs.count)
      for (k, id) in orders.productIDs.enumerated() {
        if let existing = productIndex[id] {
          orderProductMap.append(existing)
        } else {
          let position = Int32(catalogCount + ordersOnly.count)
          productIndex[id] = position
          orderProductMap.append(position)
          ordersOnly.append(k)
        }
      }
    }
    let count = catalogCount + ordersOnly.count
    let firstOrderDay = Self.firstOrderDays(orders: orders, map: orderProductMap, count: count)
    var columns = CatalogColumns(capacity: count)
    for (position, ref) in merger.products.enumerated() {
      let record = catalogs[Int(ref.catalog)].products[Int(ref.record)]
      var category: CategoryIndex = -1
      if let id = record.categoryID, !id.isEmpty {
        if let found = categoryIndex[id] {
          category = found
        } else {
          issues.append(
            RecordIssue(
              location: record.location,
              field: "categoryId",
              reason: "unknown category; product kept without one",
              severity: .corrected,
              detail: id
            )
          )
        }
      }
      let hasSale = !merger.droppedSale.contains(Int32(position))
      var flags: ProductFlags = []
      if record.inStock { flags.insert(.inStock) }
      if record.discontinued { flags.insert(.discontinued) }
      if !columns.append(
        record: record,
        category: category,
        sale: hasSale,
        flags: flags,
        introducedDay: record.introducedDay ?? firstOrderDay[position] ?? 0
      ) {
        issues.append(
          RecordIssue(
            location: record.location,
            field: "currency",
            reason: "more than 256 currencies; currency dropped",
            severity: .corrected,
            detail: record.currency
          )
        )
      }
    }
    if let orders {
      let flags: ProductFlags =
        catalogCount == 0 ? [.fromOrdersOnly, .inStock] : [.fromOrdersOnly, .discontinued]
      for (i, k) in ordersOnly.enumerated() {
        columns.appendOrdersOnly(
          id: orders.productIDs[k],
          title: k < orders.productNames.count ? orders.productNames[k] : "",
          price: k < orders.productLastPrice.count ? max(0, orders.productLastPrice[k]) : 0,
          flags: flags,
          introducedDay: firstOrderDay[catalogCount + i] ?? 0
        )
      }
    }
    self.catalog = columns.build()
    self.orderProductMap = orderProductMap
    self.ordersOnlyCount = ordersOnly.count
    self.productIndex = productIndex
    self.issues = issues
  }

  /// The day of the first order of each product, if any.
  static func firstOrderDays(orders: OrderLog?, map: [ProductIndex], count: Int) -> [Int32?] {
    var days = [Int32?](repeating: nil, count: count)
    guard let orders else { return days }
    for line in 0 ..< orders.lineCount {
      let k = Int(orders.lineProduct[line])
      let order = Int(orders.lineOrder[line])
      guard k >= 0, k < map.count, order >= 0, order < orders.orderTime.count else { continue }
      let time = orders.orderTime[order]
      let day = Int32(clamping: time >= 0 ? time / 86_400 : (time - 86_399) / 86_400)
      let product = Int(map[k])
      if let current = days[product], current <= day { continue }
      days[product] = day
    }
    return days
  }
}
