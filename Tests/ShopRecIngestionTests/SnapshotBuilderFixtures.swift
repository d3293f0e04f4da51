import ShopRecCore
import ShopRecIngestion

/// A product record for tests.
func product(
  _ id: String,
  price: Int64 = 1000,
  category: String? = nil,
  file: String = "products.csv",
  line: Int = 1,
  _ configure: (inout ProductRecord) -> Void = { _ in }
) -> ProductRecord {
  var record = ProductRecord(id: id, location: RecordLocation(file: file, line: line))
  record.title = "Product \(id)"
  record.regularPrice = price
  record.categoryID = category
  configure(&record)
  return record
}

/// A category record for tests.
func category(_ id: String, parent: String? = nil, line: Int = 1) -> CategoryRecord {
  CategoryRecord(
    id: id,
    name: "Category \(id)",
    parentID: parent,
    location: RecordLocation(file: "categories.csv", line: line)
  )
}

/// A catalog input of `products` and `categories`.
func catalogInput(
  _ products: [ProductRecord],
  categories: [CategoryRecord] = [],
  links: [LinkRecord] = []
) -> CatalogInput {
  var input = CatalogInput()
  input.products = products
  input.categories = categories
  input.links = links
  return input
}

/// Builds an ``OrderLog`` from orders given as (order id, customer, day, product ids).
func orderLog(_ orders: [(id: String, customer: String, day: Int, products: [String])]) -> OrderLog
{
  var log = OrderLog()
  var productPosition: [String: Int32] = [:]
  var customerPosition: [String: Int32] = [:]
  for order in orders {
    let customer: Int32
    if let existing = customerPosition[order.customer] {
      customer = existing
    } else {
      customer = Int32(log.customerIDs.count)
      customerPosition[order.customer] = customer
      log.customerIDs.append(order.customer)
    }
    let orderIndex = Int32(log.orderIDs.count)
    log.orderIDs.append(order.id)
    log.orderCustomer.append(customer)
    log.orderTime.append(Int64(order.day) * 86_400)
    for id in order.products {
      let position: Int32
      if let existing = productPosition[id] {
        position = existing
      } else {
        position = Int32(log.productIDs.count)
        productPosition[id] = position
        log.productIDs.append(id)
        log.productNames.append("Name of \(id)")
        log.productLastPrice.append(0)
      }
      log.productLastPrice[Int(position)] = 500
      log.lineOrder.append(orderIndex)
      log.lineProduct.append(position)
      log.lineQuantity.append(1)
      log.linePrice.append(500)
    }
  }
  return log
}

/// Builds with fixed time and the given option changes.
func buildSnapshot(
  _ catalogs: [CatalogInput],
  orders: OrderLog? = nil,
  _ configure: (inout SnapshotBuildOptions) -> Void = { _ in }
) throws -> SnapshotBuildResult {
  var options = SnapshotBuildOptions()
  options.builtAt = 1_795_000_000
  configure(&options)
  return try SnapshotBuilder(options: options).build(catalogs: catalogs, orders: orders)
}

extension Snapshot {
  /// The index of a product id (traps in tests when missing).
  func p(_ id: String) -> Int { self.catalog.productIDs.position(of: id) ?? -1 }
  /// The index of a category id.
  func c(_ id: String) -> Int { self.categories.ids.position(of: id) ?? -1 }
  /// Product ids of a list row.
  func ids(_ rows: ScoredRows, _ row: Int) -> [String] {
    rows.entries(ofRow: row).map { self.catalog.productIDs[Int($0.target)] }
  }
  /// Product ids of a ranked row.
  func ids(_ rows: RankedRows, _ row: Int) -> [String] {
    rows.targets[row].map { self.catalog.productIDs[Int($0)] }
  }
  /// Reasons of a ranked row.
  func reasons(_ rows: RankedRows, _ row: Int) -> [ReasonCode] {
    rows.range(ofRow: row).map { ReasonCode(rawValue: rows.reason(at: $0))! }
  }
  /// The precomputed lists with their build scores (before packing), recomputed from this
  /// snapshot's parts with default options.
  func scoredLists() -> (
    similar: PrecomputedListsBuilder.ScoredList,
    accessories: PrecomputedListsBuilder.ScoredList,
    replacements: PrecomputedListsBuilder.ScoredList
  ) {
    PrecomputedListsBuilder.scoredLists(
      catalog: self.catalog,
      categories: self.categories,
      links: self.links,
      coPurchase: self.coPurchase,
      popularity: self.popularity,
      options: SnapshotBuildOptions()
    )
  }

}
