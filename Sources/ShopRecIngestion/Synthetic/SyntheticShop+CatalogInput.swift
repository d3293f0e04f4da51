extension SyntheticShop {
  /// The catalog as records, exactly as the canonical CSV parsers would read the files
  /// ``writeFiles(to:)`` writes into `sourceDirectory` (locations name those files and lines).
  public func catalogInput(sourceDirectory: String = "demo") -> CatalogInput {
    let catalog = self.catalog
    let categoriesFile = sourceDirectory + "/categories.csv"
    let productsFile = sourceDirectory + "/products.csv"
    let linksFile = sourceDirectory + "/links.csv"
    var input = CatalogInput()
    let tree = catalog.tree
    input.categories.reserveCapacity(tree.count)
    for category in 0 ..< tree.count {
      let parent = Int(tree.parents[category])
      input.categories.append(
        CategoryRecord(
          id: String(SyntheticCategoryTree.id(category)),
          name: tree.names[category],
          parentID: parent < 0 ? nil : String(SyntheticCategoryTree.id(parent)),
          location: RecordLocation(file: categoriesFile, line: category + 2)
        )
      )
    }
    input.products.reserveCapacity(catalog.count)
    for product in 0 ..< catalog.count {
      input.products.append(self.productRecord(product, file: productsFile))
    }
    var line = 1
    self.forEachLinkRow { product, relation, related in
      line += 1
      let location = RecordLocation(file: linksFile, line: line)
      let productID = SyntheticCatalog.productID(product)
      let relatedID = SyntheticCatalog.productID(related)
      let link: LinkRecord =
        switch relation {
        case .accessoryOf:
          LinkRecord(kind: .accessory, from: relatedID, to: productID, location: location)
        case .compatibleWith:
          LinkRecord(kind: .compatible, from: productID, to: relatedID, location: location)
        case .successorOf:
          LinkRecord(kind: .successor, from: relatedID, to: productID, location: location)
        case .replacedBy:
          LinkRecord(kind: .successor, from: productID, to: relatedID, location: location)
        }
      input.links.append(link)
    }
    input.recordCounts = [
      categoriesFile: input.categories.count,
      productsFile: input.products.count,
      linksFile: input.links.count,
    ]
    return input
  }

  /// The record of `product` as products.csv describes it.
  func productRecord(_ product: Int, file: String) -> ProductRecord {
    let catalog = self.catalog
    var record = ProductRecord(
      id: SyntheticCatalog.productID(product),
      location: RecordLocation(file: file, line: product + 2)
    )
    record.title = SyntheticCatalog.text { catalog.appendTitle(of: product, to: &$0) }
    record.url = SyntheticCatalog.url(product)
    record.pictureURL = SyntheticCatalog.picture(product)
    record.categoryID = String(SyntheticCategoryTree.id(Int(catalog.category[product])))
    record.brand = catalog.brandNames[Int(catalog.brand[product])]
    record.groupID = catalog.groupID(of: product)
    record.regularPrice = catalog.regularPrice[product]
    if catalog.salePrice[product] > 0 {
      record.salePrice = catalog.salePrice[product]
      let start = catalog.saleStartDay[product]
      let end = catalog.saleEndDay[product]
      record.saleStart = start == Int32.min ? nil : Int64(start) * 86_400
      record.saleEnd = end == Int32.max ? nil : Int64(end) * 86_400
    }
    record.currency = self.config.currency
    record.inStock = catalog.inStock[product]
    record.discontinued = catalog.isDiscontinued(product)
    record.introducedDay = catalog.introducedDay[product]
    record.params = catalog.params(of: product).map { ProductParam(name: $0.name, value: $0.value) }
    if Self.listsAccessoriesInline(product) {
      record.accessoryIDs = self.links.accessories(of: product).map {
        SyntheticCatalog.productID(Int($0))
      }
    }
    if SyntheticCatalog.hasBarcode(product) {
      record.barcode = SyntheticCatalog.text {
        SyntheticCatalog.appendBarcode(of: product, to: &$0)
      }
    }
    record.vendorCode = SyntheticCatalog.text { catalog.appendVendorCode(of: product, to: &$0) }
    return record
  }
}
