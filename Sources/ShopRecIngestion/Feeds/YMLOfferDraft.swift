/// The fields of one YML `<offer>` as they are read, turned into a ``ProductRecord`` at its end.
struct YMLOfferDraft {
  var location: RecordLocation
  var id: String?
  var available: String?
  var groupID: String?
  var name: String?
  var model: String?
  var typePrefix: String?
  var vendor: String?
  var vendorCode: String?
  var barcode: String?
  var price: String?
  var priceLine = 0
  var oldPrice: String?
  var oldPriceLine = 0
  var currency: String?
  var categoryID: String?
  var url: String?
  var picture: String?
  var params: [ProductParam] = []
  var recommended: [String] = []

  /// The offer child elements whose text is read.
  static let fields: Set<String> = [
    "name", "model", "typePrefix", "vendor", "vendorCode", "barcode", "price", "oldprice",
    "currencyId", "categoryId", "url", "picture", "param", "rec",
  ]

  init(attributes: [String: String], location: RecordLocation) {
    self.location = location
    self.id = attributes["id"].map(ByteText.trimmed)
    self.available = attributes["available"]
    self.groupID = attributes["group_id"].map(ByteText.trimmed)
  }

  /// Takes the text of child element `name` (first value wins for single-valued fields).
  mutating func set(
    _ name: String,
    text rawText: String,
    attributes: [String: String],
    line: Int,
    issues: inout [RecordIssue]
  ) {
    let text = ByteText.trimmed(rawText)
    func first(_ value: inout String?) { if value == nil, !text.isEmpty { value = text } }
    switch name {
    case "name": first(&self.name)
    case "model": first(&self.model)
    case "typePrefix": first(&self.typePrefix)
    case "vendor": first(&self.vendor)
    case "vendorCode": first(&self.vendorCode)
    case "barcode": first(&self.barcode)
    case "price":
      first(&self.price)
      self.priceLine = line
    case "oldprice":
      first(&self.oldPrice)
      self.oldPriceLine = line
    case "currencyId": first(&self.currency)
    case "categoryId": first(&self.categoryID)
    case "url": first(&self.url)
    case "picture": first(&self.picture)
    case "rec":
      self.recommended += text.split(separator: ",").map { ByteText.trimmed(String($0)) }
        .filter { !$0.isEmpty }
    case "param":
      let paramName = ByteText.trimmed(attributes["name"] ?? "")
      guard !paramName.isEmpty else {
        issues.append(
          RecordIssue(
            location: self.fieldLocation(line: line),
            field: "param",
            reason: "param without a name; dropped",
            severity: .corrected,
            detail: text
          )
        )
        return
      }
      guard !text.isEmpty else { return }
      let unit = ByteText.trimmed(attributes["unit"] ?? "")
      self.params.append(
        ProductParam(name: paramName, value: unit.isEmpty ? text : text + " " + unit)
      )
    default: break
    }
  }

  /// The product, or nil with a rejection noted (missing id or unusable price).
  func finish(issues: inout [RecordIssue]) -> ProductRecord? {
    guard let id = self.id, !id.isEmpty else {
      issues.append(RecordIssue(location: self.location, field: "id", reason: "missing offer id"))
      return nil
    }
    let priceLocation = self.fieldLocation(line: self.priceLine)
    guard
      let price = PriceCheck.required(
        self.price,
        field: "price",
        location: priceLocation,
        issues: &issues
      )
    else { return nil }
    var product = ProductRecord(id: id, location: self.location)
    product.regularPrice = price
    if let oldPrice = self.oldPrice {
      let oldLocation = self.fieldLocation(line: self.oldPriceLine)
      if let old = DecimalText.minorUnits(oldPrice) {
        if old > price {
          product.regularPrice = old
          product.salePrice = price
        } else {
          issues.append(
            RecordIssue(
              location: oldLocation,
              field: "oldprice",
              reason: "oldprice not above price; dropped",
              severity: .corrected,
              detail: oldPrice
            )
          )
        }
      } else {
        issues.append(
          RecordIssue(
            location: oldLocation,
            field: "oldprice",
            reason: "unparsable oldprice; dropped",
            severity: .corrected,
            detail: oldPrice
          )
        )
      }
    }
    if let name = self.name {
      product.title = name
    } else {
      product.title = [self.typePrefix, self.vendor, self.model].compactMap { $0 }.joined(
        separator: " "
      )
    }
    product.url = self.url ?? ""
    product.pictureURL = self.picture ?? ""
    product.categoryID = self.categoryID
    product.brand = self.vendor
    product.groupID = self.groupID.flatMap { $0.isEmpty ? nil : $0 }
    product.currency = self.currency ?? ""
    if let available = self.available, BooleanText.parse(available) == false {
      product.inStock = false
    }
    product.params = self.params
    product.accessoryIDs = self.recommended
    product.barcode = self.barcode
    product.vendorCode = self.vendorCode
    return product
  }

  /// Where a field of the offer ended: its `line`, with the offer's column when the field is on
  /// the offer's own line (one-line feeds), so the location still singles out the offer.
  func fieldLocation(line: Int) -> RecordLocation {
    guard line > 0, line != self.location.line else { return self.location }
    return RecordLocation(file: self.location.file, line: line)
  }
}
