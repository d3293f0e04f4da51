import ShopRecCore
import ShopRecIngestion

/// A small hand-built shop for the strategy tests: catalog records, orders by (customer, day,
/// product ids), built with the real ``SnapshotBuilder`` at a fixed time.
struct StrategyTestShop {
  var products: [ProductRecord] = []
  var categories: [CategoryRecord] = []
  var links: [LinkRecord] = []
  var orders: [(customer: String, day: Int, products: [String])] = []

  /// Adds a product.
  mutating func product(
    _ id: String,
    _ category: String?,
    price: Int64,
    brand: String? = nil,
    title: String? = nil,
    _ configure: (inout ProductRecord) -> Void = { _ in }
  ) {
    var record = ProductRecord(
      id: id,
      location: RecordLocation(file: "products.csv", line: self.products.count + 2)
    )
    record.title = title ?? "Item \(id)"
    record.categoryID = category
    record.regularPrice = price
    record.brand = brand
    configure(&record)
    self.products.append(record)
  }

  /// Adds a category.
  mutating func category(_ id: String, parent: String? = nil) {
    self.categories.append(
      CategoryRecord(
        id: id,
        name: "Category \(id)",
        parentID: parent,
        location: RecordLocation(file: "categories.csv", line: self.categories.count + 2)
      )
    )
  }

  /// Adds a link.
  mutating func link(_ kind: LinkRecord.Kind, from: String, to: String) {
    self.links.append(
      LinkRecord(
        kind: kind,
        from: from,
        to: to,
        location: RecordLocation(file: "links.csv", line: self.links.count + 2)
      )
    )
  }

  /// Adds `count` identical orders, each by a new customer unless `customer` is given.
  mutating func order(_ products: [String], day: Int = 10, customer: String? = nil, times: Int = 1)
  {
    for _ in 0 ..< times {
      self.orders.append((customer ?? "u\(self.orders.count)", day, products))
    }
  }

  /// Builds the snapshot.
  func build(_ configure: (inout SnapshotBuildOptions) -> Void = { _ in }) throws -> Snapshot {
    var input = CatalogInput()
    input.products = self.products
    input.categories = self.categories
    input.links = self.links
    var options = SnapshotBuildOptions()
    options.builtAt = 1_795_000_000
    configure(&options)
    let log = self.orders.isEmpty ? nil : self.orderLog()
    return try SnapshotBuilder(options: options).build(catalogs: [input], orders: log).snapshot
  }

  private func orderLog() -> OrderLog {
    var log = OrderLog()
    var productPosition: [String: Int32] = [:]
    var customerPosition: [String: Int32] = [:]
    for (number, order) in self.orders.enumerated() {
      let customer: Int32
      if let known = customerPosition[order.customer] {
        customer = known
      } else {
        customer = Int32(log.customerIDs.count)
        customerPosition[order.customer] = customer
        log.customerIDs.append(order.customer)
      }
      let orderIndex = Int32(log.orderIDs.count)
      log.orderIDs.append("o\(number)")
      log.orderCustomer.append(customer)
      log.orderTime.append(Int64(order.day) * 86_400)
      for id in order.products {
        let position: Int32
        if let known = productPosition[id] {
          position = known
        } else {
          position = Int32(log.productIDs.count)
          productPosition[id] = position
          log.productIDs.append(id)
          log.productNames.append(id)
          log.productLastPrice.append(100)
        }
        log.lineOrder.append(orderIndex)
        log.lineProduct.append(position)
        log.lineQuantity.append(1)
        log.linePrice.append(100)
      }
    }
    return log
  }
}

/// A recommendation list as ids, reasons and scores.
struct StrategyResult: Equatable {
  var ids: [String]
  var reasons: [ReasonCode]
  var scores: [Float]

  /// Scores never increase down the list and no id repeats.
  var isWellFormed: Bool {
    zip(self.scores, self.scores.dropFirst()).allSatisfy { $0 >= $1 }
      && Set(self.ids).count == self.ids.count
  }
}

extension Snapshot {
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
  /// The index of a product id (-1 when missing, which makes a test fail loudly).
  func p(_ id: String) -> ProductIndex {
    ProductIndex(self.catalog.productIDs.position(of: id) ?? -1)
  }
  /// The index of a category id.
  func c(_ id: String) -> CategoryIndex {
    CategoryIndex(self.categories.ids.position(of: id) ?? -1)
  }
  /// The index of a customer id.
  func customer(_ id: String) -> CustomerIndex {
    CustomerIndex(self.orders.customerIDs.position(of: id) ?? -1)
  }

  /// Runs one query through the public ``Recommender`` and reads the scratch.
  func ask(
    limit: Int = 10,
    now: Int64 = 1_795_000_000,
    filter configure: (inout RecommendationFilter) -> Void = { _ in },
    _ query: (Recommender, Int, RecommendationFilter, RecommendationScratch) -> Void
  ) -> StrategyResult {
    var filter = RecommendationFilter(now: now)
    configure(&filter)
    let scratch = RecommendationScratch()
    query(Recommender(snapshot: self), limit, filter, scratch)
    return StrategyResult(
      ids: scratch.products.map { self.catalog.productIDs[Int($0)] },
      reasons: scratch.reasons,
      scores: scratch.scores
    )
  }
}
