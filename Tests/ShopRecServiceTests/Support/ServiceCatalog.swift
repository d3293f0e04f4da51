import ShopRecCore
import ShopRecIngestion

/// The small hand-built shop the service tests query: a lamp shop whose every list can be
/// worked out by hand from docs/recommendations.md.
///
/// ```
/// home
/// ├── lamps   L1 Nordic Lamp (Lumo, 50.00, group g1)   L1b Nordic Lamp white (Lumo, 50.00, g1)
/// │           L2 Nordic Lamp Max (Lumo, 55.00)         L3 Desk Lamp (Brightly, 90.00, sale 72.00)
/// │           L4 Floor Lamp (Brightly, out of stock)    Lold Old Lamp (Lumo, discontinued → L2)
/// ├── bulbs   B1 LED Bulb (Lumo, 5.00; accessory of L1) B2 Warm Bulb (Brightly, 4.00, sale 3.00)
/// └── shades  S1 Linen Shade (15.00, sale 12.00)        S2 Paper Shade (10.00, sale ended)
/// ```
///
/// Orders, all at the same moment (so popularity is the plain order count): A [L1, S1],
/// B [L1, S1], C [L2, B2], D [B2], E [L3]. Popularity: L1, B2, S1 = 2; L2, L3 = 1; others 0,
/// so the shop's ranking is L1, B2, S1, L2, L3, L1b, L4, Lold, B1, S2 (ties by catalog order).
enum ServiceCatalog {
  /// When the default snapshot is built (2026-11-18T04:53:20Z).
  static let builtAt: Int64 = 1_795_000_000
  /// When every order was placed (2024-10-04).
  static let orderTime: Int64 = 20_000 * 86_400
  /// Product ids in catalog order.
  static let productIDs = ["L1", "L1b", "L2", "L3", "L4", "Lold", "B1", "B2", "S1", "S2"]

  static func product(
    _ id: String,
    _ title: String,
    _ category: String,
    _ price: Int64,
    brand: String? = nil,
    line: Int,
    _ configure: (inout ProductRecord) -> Void = { _ in }
  ) -> ProductRecord {
    var record = ProductRecord(id: id, location: RecordLocation(file: "products.csv", line: line))
    record.title = title
    record.categoryID = category
    record.regularPrice = price
    record.brand = brand
    record.currency = "EUR"
    configure(&record)
    return record
  }

  /// The catalog records.
  static func catalog() -> CatalogInput {
    var input = CatalogInput()
    input.categories = [("home", nil), ("lamps", "home"), ("bulbs", "home"), ("shades", "home")]
      .enumerated().map { line, entry in
        CategoryRecord(
          id: entry.0,
          name: entry.0.capitalized,
          parentID: entry.1,
          location: RecordLocation(file: "categories.csv", line: line + 1)
        )
      }
    input.products = [
      product("L1", "Nordic Lamp", "lamps", 5000, brand: "Lumo", line: 1) { $0.groupID = "g1" },
      product("L1b", "Nordic Lamp white", "lamps", 5000, brand: "Lumo", line: 2) {
        $0.groupID = "g1"
      },
      product("L2", "Nordic Lamp Max", "lamps", 5500, brand: "Lumo", line: 3),
      product("L3", "Desk Lamp", "lamps", 9000, brand: "Brightly", line: 4) { $0.salePrice = 7200 },
      product("L4", "Floor Lamp", "lamps", 5000, brand: "Brightly", line: 5) { $0.inStock = false },
      product("Lold", "Old Lamp", "lamps", 5000, brand: "Lumo", line: 6) {
        $0.inStock = false
        $0.discontinued = true
      },
      product("B1", "LED Bulb", "bulbs", 500, brand: "Lumo", line: 7),
      product("B2", "Warm Bulb", "bulbs", 400, brand: "Brightly", line: 8) { $0.salePrice = 300 },
      product("S1", "Linen Shade", "shades", 1500, line: 9) { $0.salePrice = 1200 },
      product("S2", "Paper Shade", "shades", 1000, line: 10) {
        $0.salePrice = 500
        $0.saleStart = 900_000_000
        $0.saleEnd = 1_000_000_000
      },
    ]
    input.links = [
      LinkRecord(
        kind: .accessory,
        from: "L1",
        to: "B1",
        location: RecordLocation(file: "links.csv", line: 1)
      ),
      LinkRecord(
        kind: .successor,
        from: "Lold",
        to: "L2",
        location: RecordLocation(file: "links.csv", line: 2)
      ),
    ]
    return input
  }

  /// The order history.
  static func orders() -> OrderLog {
    let baskets: [(customer: String, products: [String])] = [
      ("A", ["L1", "S1"]), ("B", ["L1", "S1"]), ("C", ["L2", "B2"]), ("D", ["B2"]), ("E", ["L3"]),
    ]
    var log = OrderLog()
    var productPosition: [String: Int32] = [:]
    for (order, basket) in baskets.enumerated() {
      log.customerIDs.append(basket.customer)
      log.orderIDs.append("o\(order + 1)")
      log.orderCustomer.append(Int32(order))
      log.orderTime.append(Self.orderTime)
      for id in basket.products {
        if productPosition[id] == nil {
          productPosition[id] = Int32(log.productIDs.count)
          log.productIDs.append(id)
          log.productNames.append(id)
          log.productLastPrice.append(100)
        }
        let position = productPosition[id] ?? -1
        log.lineOrder.append(Int32(order))
        log.lineProduct.append(position)
        log.lineQuantity.append(1)
        log.linePrice.append(100)
      }
    }
    log.recordCounts["orders.csv"] = log.lineCount
    return log
  }

  /// The snapshot of this shop built at `builtAt` (each build time gives another version).
  static func snapshot(builtAt: Int64 = Self.builtAt) throws -> Snapshot {
    var options = SnapshotBuildOptions()
    options.builtAt = builtAt
    return try SnapshotBuilder(options: options).build(
      catalogs: [catalog()],
      orders: orders()
    ).snapshot
  }
}
