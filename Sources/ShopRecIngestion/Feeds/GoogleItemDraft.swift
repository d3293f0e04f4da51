/// The attributes of one Google Merchant item (an XML `<item>`/`<entry>` or a TSV row), turned
/// into a ``ProductRecord`` (and its categories) at its end.
struct GoogleItemDraft {
  /// Attributes read into product fields, by their lower-case Google names.
  static let attributes: Set<String> = [
    "id", "title", "link", "image_link", "price", "sale_price", "sale_price_effective_date",
    "availability", "product_type", "google_product_category", "item_group_id", "brand", "gtin",
    "mpn",
  ]

  /// Attributes kept as product params (variant attributes), in this order.
  static let paramAttributes = ["color", "size", "material", "pattern", "gender", "age_group"]

  var location: RecordLocation
  private var values: [String: String] = [:]
  private var namespaced: Set<String> = []

  init(location: RecordLocation) {
    self.location = location
  }

  /// Whether `name` (lower case, without prefix) is read.
  static func reads(_ name: String) -> Bool {
    attributes.contains(name) || paramAttributes.contains(name)
  }

  /// Sets attribute `name`: the first value wins, except that a value from the Google namespace
  /// replaces one from an unprefixed element (RSS `title`/`link` beside `g:title`).
  mutating func set(_ name: String, _ rawValue: String, namespaced: Bool = true) {
    let value = ByteText.trimmed(rawValue)
    guard !value.isEmpty, Self.reads(name) else { return }
    if self.values[name] != nil {
      guard namespaced, !self.namespaced.contains(name) else { return }
    }
    self.values[name] = value
    if namespaced { self.namespaced.insert(name) }
  }

  /// The product, or nil with a rejection noted; adds the categories of its path.
  func finish(
    categories: inout [CategoryRecord],
    paths: inout GoogleCategoryPaths,
    issues: inout [RecordIssue]
  ) -> ProductRecord? {
    guard let id = self.values["id"] else {
      issues.append(RecordIssue(location: self.location, field: "id", reason: "missing id"))
      return nil
    }
    guard let priceText = self.values["price"] else {
      issues.append(RecordIssue(location: self.location, field: "price", reason: "missing price"))
      return nil
    }
    guard let price = MoneyAmount(parsing: priceText) else {
      issues.append(
        RecordIssue(
          location: self.location,
          field: "price",
          reason: "unparsable price",
          detail: priceText
        )
      )
      return nil
    }
    guard price.minorUnits >= 0 else {
      issues.append(
        RecordIssue(
          location: self.location,
          field: "price",
          reason: "negative price",
          detail: priceText
        )
      )
      return nil
    }
    var product = ProductRecord(id: id, location: self.location)
    product.regularPrice = price.minorUnits
    product.currency = price.currency
    product.title = self.values["title"] ?? ""
    product.url = self.values["link"] ?? ""
    product.pictureURL = self.values["image_link"] ?? ""
    product.brand = self.values["brand"]
    product.groupID = self.values["item_group_id"]
    product.barcode = self.values["gtin"]
    product.vendorCode = self.values["mpn"]
    product.googleProductCategory = self.values["google_product_category"]
    product.inStock = self.inStock(issues: &issues)
    self.applySale(to: &product, issues: &issues)
    product.params = Self.paramAttributes.compactMap { name in
      self.values[name].map { ProductParam(name: name, value: $0) }
    }
    if let productType = self.values["product_type"] {
      let first = productType.split(separator: ",").map(String.init).first {
        !GoogleCategoryPaths.parts(of: $0).isEmpty
      }
      product.categoryID = first.flatMap {
        paths.categoryID(forPath: $0, location: self.location, categories: &categories)
      }
    } else if let googleCategory = product.googleProductCategory,
      !googleCategory.utf8.allSatisfy(ByteText.isDigit)
    {
      product.categoryID = paths.categoryID(
        forPath: googleCategory,
        location: self.location,
        categories: &categories
      )
    }
    return product
  }

  private func inStock(issues: inout [RecordIssue]) -> Bool {
    guard let availability = self.values["availability"] else { return true }
    let normalised = String(availability.lowercased().map { $0 == "_" ? " " : $0 })
    switch normalised {
    case "in stock": return true
    case "out of stock", "preorder", "backorder", "available for order": return false
    default:
      issues.append(
        RecordIssue(
          location: self.location,
          field: "availability",
          reason: "unknown availability; taken as in stock",
          severity: .corrected,
          detail: availability
        )
      )
      return true
    }
  }

  private func applySale(to product: inout ProductRecord, issues: inout [RecordIssue]) {
    guard let saleText = self.values["sale_price"] else { return }
    guard let sale = MoneyAmount(parsing: saleText) else {
      issues.append(
        RecordIssue(
          location: self.location,
          field: "sale_price",
          reason: "unparsable price; dropped",
          severity: .corrected,
          detail: saleText
        )
      )
      return
    }
    guard
      let value = PriceCheck.lower(
        sale.minorUnits,
        than: product.regularPrice,
        text: saleText,
        field: "sale_price",
        location: self.location,
        issues: &issues
      )
    else { return }
    if let window = self.values["sale_price_effective_date"] {
      guard let (start, end) = SaleWindow.parse(window) else {
        issues.append(
          RecordIssue(
            location: self.location,
            field: "sale_price_effective_date",
            reason: "sale window unparsable or ending before it starts; sale price dropped",
            severity: .corrected,
            detail: window
          )
        )
        return
      }
      product.saleStart = start
      product.saleEnd = end
    }
    product.salePrice = value
  }
}
