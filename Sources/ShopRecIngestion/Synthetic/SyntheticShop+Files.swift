import Foundation

extension SyntheticShop {
  /// The columns of products.csv.
  static let productColumns = [
    "id", "title", "category_id", "brand", "group_id", "price", "sale_price", "sale_start",
    "sale_end", "currency", "in_stock", "discontinued", "url", "picture", "params",
    "accessories", "introduced", "barcode", "vendor_code",
  ]

  /// Writes categories.csv, products.csv, links.csv and orders.csv in the canonical formats
  /// into `directory` (created if missing). A million products and twenty million order lines
  /// take a few minutes at most.
  @discardableResult
  public func writeFiles(to directory: String) throws(SyntheticShopError) -> SyntheticShopFiles {
    do {
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    } catch {
      throw SyntheticShopError(path: directory, reason: "cannot create directory: \(error)")
    }
    var files = SyntheticShopFiles(
      directory: directory,
      categoriesPath: directory + "/categories.csv",
      productsPath: directory + "/products.csv",
      linksPath: directory + "/links.csv",
      ordersPath: directory + "/orders.csv",
      categoryCount: self.catalog.tree.count,
      productCount: self.catalog.count,
      linkCount: 0,
      orderCount: 0,
      orderLineCount: 0
    )
    try self.writeCategories(to: files.categoriesPath)
    try self.writeProducts(to: files.productsPath)
    files.linkCount = try self.writeLinks(to: files.linksPath)
    (files.orderCount, files.orderLineCount) = try self.writeOrders(to: files.ordersPath)
    return files
  }

  private func writeCategories(to path: String) throws(SyntheticShopError) {
    var output = try CSVOutput(path: path, header: ["id", "name", "parent_id"])
    let tree = self.catalog.tree
    for category in 0 ..< tree.count {
      output.plainField { SyntheticDigits.append(SyntheticCategoryTree.id(category), to: &$0) }
      output.field(tree.names[category])
      let parent = Int(tree.parents[category])
      if parent < 0 {
        output.emptyField()
      } else {
        output.plainField { SyntheticDigits.append(SyntheticCategoryTree.id(parent), to: &$0) }
      }
      try output.endRow()
    }
    try output.finish()
  }

  private func writeProducts(to path: String) throws(SyntheticShopError) {
    var output = try CSVOutput(path: path, header: Self.productColumns)
    let catalog = self.catalog
    let currency = Array(self.config.currency.utf8)
    let brandNames = catalog.brandNames.map { Array($0.utf8) }
    var scratch: [UInt8] = []
    scratch.reserveCapacity(256)
    for product in 0 ..< catalog.count {
      output.plainField { SyntheticCatalog.appendProductID(product, to: &$0) }
      output.field({ catalog.appendTitle(of: product, to: &$0) }, scratch: &scratch)
      output.plainField {
        SyntheticDigits.append(SyntheticCategoryTree.id(Int(catalog.category[product])), to: &$0)
      }
      output.field(brandNames[Int(catalog.brand[product])])
      if catalog.group[product] >= 0 {
        output.plainField {
          $0.append(UInt8(ascii: "G"))
          SyntheticDigits.append(Int(catalog.group[product]) + 1, to: &$0)
        }
      } else {
        output.emptyField()
      }
      output.plainField { SyntheticDigits.appendPrice(catalog.regularPrice[product], to: &$0) }
      let sale = catalog.salePrice[product]
      if sale > 0 {
        output.plainField { SyntheticDigits.appendPrice(sale, to: &$0) }
        let start = catalog.saleStartDay[product]
        let end = catalog.saleEndDay[product]
        if start == Int32.min {
          output.emptyField()
        } else {
          output.plainField { SyntheticCalendar.appendDate(Int(start), to: &$0) }
        }
        if end == Int32.max {
          output.emptyField()
        } else {
          output.plainField { SyntheticCalendar.appendDate(Int(end), to: &$0) }
        }
      } else {
        output.emptyField()
        output.emptyField()
        output.emptyField()
      }
      output.field(currency)
      output.plainField {
        $0.append(contentsOf: catalog.inStock[product] ? "true".utf8 : "false".utf8)
      }
      output.plainField {
        $0.append(contentsOf: catalog.isDiscontinued(product) ? "true".utf8 : "false".utf8)
      }
      output.plainField {
        $0.append(contentsOf: "https://demo.shoprec.example/p/".utf8)
        SyntheticCatalog.appendProductID(product, to: &$0)
      }
      output.plainField {
        $0.append(contentsOf: "https://demo.shoprec.example/img/".utf8)
        SyntheticCatalog.appendProductID(product, to: &$0)
        $0.append(contentsOf: ".jpg".utf8)
      }
      output.field({ catalog.appendParams(of: product, to: &$0) }, scratch: &scratch)
      output.plainField { bytes in
        guard Self.listsAccessoriesInline(product) else { return }
        for (index, accessory) in self.links.accessories(of: product).enumerated() {
          if index > 0 { bytes.append(UInt8(ascii: ";")) }
          SyntheticCatalog.appendProductID(Int(accessory), to: &bytes)
        }
      }
      output.plainField {
        SyntheticCalendar.appendDate(Int(catalog.introducedDay[product]), to: &$0)
      }
      output.plainField { bytes in
        if SyntheticCatalog.hasBarcode(product) {
          SyntheticCatalog.appendBarcode(of: product, to: &bytes)
        }
      }
      output.field({ catalog.appendVendorCode(of: product, to: &$0) }, scratch: &scratch)
      try output.endRow()
    }
    try output.finish()
  }

  private func writeLinks(to path: String) throws(SyntheticShopError) -> Int {
    var output = try CSVOutput(path: path, header: ["product_id", "relation", "related_id"])
    var rows = 0
    var failure: SyntheticShopError?
    self.forEachLinkRow { product, relation, related in
      guard failure == nil else { return }
      output.plainField { SyntheticCatalog.appendProductID(product, to: &$0) }
      output.plainField { $0.append(contentsOf: relation.text.utf8) }
      output.plainField { SyntheticCatalog.appendProductID(related, to: &$0) }
      do throws(SyntheticShopError) { try output.endRow() } catch { failure = error }
      rows += 1
    }
    if let failure { throw failure }
    try output.finish()
    return rows
  }

  private func writeOrders(to path: String) throws(SyntheticShopError) -> (orders: Int, lines: Int)
  {
    var output = try CSVOutput(
      path: path,
      header: ["order_id", "customer_id", "product_id", "quantity", "price", "timestamp", "status"]
    )
    var orders = 0
    var lines = 0
    var failure: SyntheticShopError?
    var timestamp: [UInt8] = []
    self.forEachOrder { order in
      guard failure == nil else { return }
      orders += 1
      timestamp.removeAll(keepingCapacity: true)
      SyntheticCalendar.appendTimestamp(order.time, to: &timestamp)
      let status = order.status.text.utf8
      for index in order.products.indices {
        output.plainField {
          $0.append(UInt8(ascii: "O"))
          SyntheticDigits.append(order.number, to: &$0)
        }
        output.plainField {
          $0.append(UInt8(ascii: "C"))
          SyntheticDigits.append(Int(order.customer) + 1, to: &$0)
        }
        output.plainField { SyntheticCatalog.appendProductID(Int(order.products[index]), to: &$0) }
        output.plainField { SyntheticDigits.append(Int(order.quantities[index]), to: &$0) }
        output.plainField { SyntheticDigits.appendPrice(order.prices[index], to: &$0) }
        output.plainField { $0.append(contentsOf: timestamp) }
        output.plainField { $0.append(contentsOf: status) }
        do throws(SyntheticShopError) { try output.endRow() } catch { failure = error }
        lines += 1
      }
    }
    if let failure { throw failure }
    try output.finish()
    return (orders, lines)
  }
}
