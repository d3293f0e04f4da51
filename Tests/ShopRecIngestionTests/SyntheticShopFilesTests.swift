import Foundation
import ShopRecCore
import Testing

@testable import ShopRecIngestion

@Suite("Synthetic shop: files and determinism")
struct SyntheticShopFilesTests {
  static let small = SyntheticShopConfig(productCount: 400, orderLineCount: 6_000, seed: 5)

  @Test("the same seed gives equal shops, in memory and byte for byte on disk")
  func sameSeed() throws {
    let first = SyntheticShop(config: Self.small)
    let second = SyntheticShop(config: Self.small)
    let a = first.catalogInput()
    let b = second.catalogInput()
    #expect(a.products == b.products && a.categories == b.categories && a.links == b.links)
    #expect(OrderLogColumns(first.orderLog()) == OrderLogColumns(second.orderLog()))
    let scratch = try ScratchDirectory()
    try first.writeFiles(to: scratch.file("a"))
    try second.writeFiles(to: scratch.file("b"))
    for name in ["categories.csv", "products.csv", "links.csv", "orders.csv"] {
      let left = try Data(contentsOf: URL(fileURLWithPath: scratch.file("a/" + name)))
      let right = try Data(contentsOf: URL(fileURLWithPath: scratch.file("b/" + name)))
      #expect(left == right, "\(name)")
    }
  }

  @Test("another seed gives another shop")
  func otherSeed() {
    var config = Self.small
    config.seed = 6
    let a = SyntheticShop(config: Self.small)
    let b = SyntheticShop(config: config)
    #expect(a.catalogInput().products != b.catalogInput().products)
    #expect(OrderLogColumns(a.orderLog()) != OrderLogColumns(b.orderLog()))
  }

  @Test("the catalog does not depend on the number of orders")
  func catalogIndependentOfOrders() {
    var config = Self.small
    config.orderLineCount = 100
    #expect(
      SyntheticShop(config: config).catalogInput().products
        == SyntheticShop(config: Self.small).catalogInput().products
    )
  }

  @Test("exactly the requested number of order lines", arguments: [0, 1, 7, 1_234])
  func exactLineCount(lines: Int) throws {
    let shop = SyntheticShop(
      config: SyntheticShopConfig(productCount: 150, orderLineCount: lines, seed: 3)
    )
    let log = shop.orderLog()
    #expect(log.lineCount + (log.ignoredCounts["demo/orders.csv"] ?? 0) == lines)
    let scratch = try ScratchDirectory()
    let files = try shop.writeFiles(to: scratch.path)
    #expect(files.orderLineCount == lines)
    #expect(try SyntheticTestCSV(path: files.ordersPath).rows.count == lines)
  }

  @Test("a shop without products has no orders")
  func noProducts() throws {
    let shop = SyntheticShop(config: SyntheticShopConfig(productCount: 0, orderLineCount: 100))
    #expect(shop.catalogInput().products.isEmpty)
    #expect(shop.orderLog().lineCount == 0)
    #expect(!shop.catalogInput().categories.isEmpty)
  }

  @Test("the files are canonical CSV describing exactly the in-memory shop")
  func filesMatchMemory() throws {
    let shop = SyntheticShop(config: Self.small)
    let scratch = try ScratchDirectory()
    let files = try shop.writeFiles(to: scratch.path)
    let input = shop.catalogInput(sourceDirectory: scratch.path)

    let categories = try SyntheticTestCSV(path: files.categoriesPath)
    #expect(categories.header == ["id", "name", "parent_id"])
    let parsedCategories = categories.records.enumerated().map { index, row in
      CategoryRecord(
        id: row["id"]!,
        name: row["name"]!,
        parentID: row["parent_id"]!.isEmpty ? nil : row["parent_id"],
        location: RecordLocation(file: files.categoriesPath, line: index + 2)
      )
    }
    #expect(parsedCategories == input.categories)

    let products = try SyntheticTestCSV(path: files.productsPath)
    #expect(products.header.first == "id")
    let parsedProducts = products.records.enumerated().map { index, row in
      Self.product(row, location: RecordLocation(file: files.productsPath, line: index + 2))
    }
    #expect(parsedProducts.count == input.products.count)
    for (parsed, expected) in zip(parsedProducts, input.products) {
      #expect(parsed == expected)
    }
    #expect(
      parsedProducts.contains { $0.title.contains(",") }
        && parsedProducts.contains { $0.title.contains("\"") }
    )

    let links = try SyntheticTestCSV(path: files.linksPath)
    #expect(links.header == ["product_id", "relation", "related_id"])
    let parsedLinks = links.records.enumerated().map { index, row in
      Self.link(row, location: RecordLocation(file: files.linksPath, line: index + 2))
    }
    #expect(parsedLinks == input.links)
    #expect(
      Set(links.records.map { $0["relation"]! }) == [
        "accessory-of", "compatible-with", "successor-of", "replaced-by",
      ]
    )

    let orders = try SyntheticTestCSV(path: files.ordersPath)
    #expect(
      orders.header == [
        "order_id", "customer_id", "product_id", "quantity", "price", "timestamp", "status",
      ]
    )
    #expect(
      Self.orderLog(orders.records, file: files.ordersPath)
        == OrderLogColumns(shop.orderLog(sourceDirectory: scratch.path))
    )
    #expect(files.orderCount == Set(orders.records.map { $0["order_id"]! }).count)
  }

  // MARK: Reading the canonical formats (as the contract describes them)

  static func minor(_ text: String) -> Int64 {
    let parts = text.split(separator: ".")
    return Int64(parts[0])! * 100 + Int64(parts[1])!
  }

  static func day(_ text: String) -> Int {
    let parts = text.prefix(10).split(separator: "-").map { Int($0)! }
    return SyntheticCalendar.day(year: parts[0], month: parts[1], day: parts[2])
  }

  static func time(_ text: String) -> Int64 {
    let clock = text.dropFirst(11).prefix(8).split(separator: ":").map { Int64($0)! }
    return Int64(self.day(text)) * 86_400 + clock[0] * 3600 + clock[1] * 60 + clock[2]
  }

  static func product(_ row: [String: String], location: RecordLocation) -> ProductRecord {
    func optional(_ column: String) -> String? { row[column]!.isEmpty ? nil : row[column] }
    var record = ProductRecord(id: row["id"]!, location: location)
    record.title = row["title"]!
    record.url = row["url"]!
    record.pictureURL = row["picture"]!
    record.categoryID = optional("category_id")
    record.brand = optional("brand")
    record.groupID = optional("group_id")
    record.regularPrice = self.minor(row["price"]!)
    record.salePrice = optional("sale_price").map(self.minor)
    record.saleStart = optional("sale_start").map { Int64(self.day($0)) * 86_400 }
    record.saleEnd = optional("sale_end").map { Int64(self.day($0)) * 86_400 }
    record.currency = row["currency"]!
    record.inStock = row["in_stock"]! == "true"
    record.discontinued = row["discontinued"]! == "true"
    record.introducedDay = optional("introduced").map { Int32(self.day($0)) }
    record.params = row["params"]!.split(separator: ";").map { pair in
      let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
      return ProductParam(name: parts[0], value: parts[1])
    }
    record.accessoryIDs = row["accessories"]!.split(separator: ";").map(String.init)
    record.barcode = optional("barcode")
    record.vendorCode = optional("vendor_code")
    return record
  }

  static func link(_ row: [String: String], location: RecordLocation) -> LinkRecord {
    let product = row["product_id"]!
    let related = row["related_id"]!
    switch row["relation"]! {
    case "accessory-of":
      return LinkRecord(kind: .accessory, from: related, to: product, location: location)
    case "compatible-with":
      return LinkRecord(kind: .compatible, from: product, to: related, location: location)
    case "successor-of":
      return LinkRecord(kind: .successor, from: related, to: product, location: location)
    default: return LinkRecord(kind: .successor, from: product, to: related, location: location)
    }
  }

  static func orderLog(_ rows: [[String: String]], file: String) -> OrderLogColumns {
    var log = OrderLog()
    var products: [String: Int32] = [:]
    var customers: [String: Int32] = [:]
    var orders: [String: Int32] = [:]
    var ignored = 0
    for row in rows {
      guard row["status"] == "completed" else {
        ignored += 1
        continue
      }
      let product =
        products[row["product_id"]!]
        ?? {
          log.productIDs.append(row["product_id"]!)
          log.productNames.append("")
          log.productLastPrice.append(0)
          products[row["product_id"]!] = Int32(log.productIDs.count - 1)
          return Int32(log.productIDs.count - 1)
        }()
      let customer =
        customers[row["customer_id"]!]
        ?? {
          log.customerIDs.append(row["customer_id"]!)
          customers[row["customer_id"]!] = Int32(log.customerIDs.count - 1)
          return Int32(log.customerIDs.count - 1)
        }()
      let order =
        orders[row["order_id"]!]
        ?? {
          log.orderIDs.append(row["order_id"]!)
          log.orderCustomer.append(customer)
          log.orderTime.append(self.time(row["timestamp"]!))
          orders[row["order_id"]!] = Int32(log.orderIDs.count - 1)
          return Int32(log.orderIDs.count - 1)
        }()
      let price = self.minor(row["price"]!)
      log.productLastPrice[Int(product)] = price
      log.lineOrder.append(order)
      log.lineProduct.append(product)
      log.lineQuantity.append(Int32(row["quantity"]!)!)
      log.linePrice.append(price)
    }
    log.recordCounts = [file: rows.count]
    log.ignoredCounts = [file: ignored]
    return OrderLogColumns(log)
  }
}

/// The columns of an ``OrderLog`` (which is not Equatable), for comparisons.
struct OrderLogColumns: Equatable {
  var productIDs: [String]
  var productNames: [String]
  var productLastPrice: [Int64]
  var customerIDs: [String]
  var orderIDs: [String]
  var orderCustomer: [Int32]
  var orderTime: [Int64]
  var lineOrder: [Int32]
  var lineProduct: [Int32]
  var lineQuantity: [Int32]
  var linePrice: [Int64]
  var recordCounts: [String: Int]
  var ignoredCounts: [String: Int]

  init(_ log: OrderLog) {
    self.productIDs = log.productIDs
    self.productNames = log.productNames
    self.productLastPrice = log.productLastPrice
    self.customerIDs = log.customerIDs
    self.orderIDs = log.orderIDs
    self.orderCustomer = log.orderCustomer
    self.orderTime = log.orderTime
    self.lineOrder = log.lineOrder
    self.lineProduct = log.lineProduct
    self.lineQuantity = log.lineQuantity
    self.linePrice = log.linePrice
    self.recordCounts = log.recordCounts
    self.ignoredCounts = log.ignoredCounts
  }
}
