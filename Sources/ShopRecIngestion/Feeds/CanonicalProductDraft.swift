/// The values of one canonical product (a CSV row or a JSON object), checked and turned into a
/// ``ProductRecord``.
struct CanonicalProductDraft {
  var location: RecordLocation
  private var values = [String?](repeating: nil, count: CanonicalProductField.allCases.count)
  /// Params given as a JSON object, in order.
  var paramList: [ProductParam]?
  /// Accessories given as a JSON array.
  var accessoryList: [String]?

  init(location: RecordLocation) {
    self.location = location
  }

  subscript(field: CanonicalProductField) -> String? {
    get { self.values[field.rawValue] }
    set {
      self.values[field.rawValue] = newValue.map(ByteText.trimmed).flatMap { $0.isEmpty ? nil : $0 }
    }
  }

  /// The product, or nil with a rejection noted; unusable optional fields are dropped with a
  /// correction noted.
  func finish(issues: inout [RecordIssue]) -> ProductRecord? {
    let location = self.location
    guard let id = self[.id] else {
      issues.append(RecordIssue(location: location, field: "id", reason: "missing id"))
      return nil
    }
    guard
      let price = PriceCheck.required(
        self[.price],
        field: "price",
        location: location,
        issues: &issues
      )
    else { return nil }
    var product = ProductRecord(id: id, location: location)
    product.regularPrice = price
    product.title = self[.title] ?? ""
    product.categoryID = self[.categoryID]
    product.brand = self[.brand]
    product.groupID = self[.groupID]
    product.currency = (self[.currency] ?? "").uppercased()
    product.url = self[.url] ?? ""
    product.pictureURL = self[.picture] ?? ""
    product.barcode = self[.barcode]
    product.vendorCode = self[.vendorCode]
    product.inStock = self.flag(.inStock, default: true, issues: &issues)
    product.discontinued = self.flag(.discontinued, default: false, issues: &issues)
    if let text = self[.introduced] {
      if let seconds = ISO8601Text.unixSeconds(text) {
        product.introducedDay = Int32(
          clamping: seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        )
      } else {
        self.correct(.introduced, "unparsable date; dropped", text, &issues)
      }
    }
    product.params = self.paramList ?? self.parsedParams(issues: &issues)
    product.accessoryIDs =
      self.accessoryList
      ?? (self[.accessories] ?? "").split(separator: ";").map { ByteText.trimmed(String($0)) }
      .filter { !$0.isEmpty }
    if let sale = PriceCheck.lower(
      self[.salePrice],
      than: price,
      field: "sale_price",
      location: location,
      issues: &issues
    ) {
      self.applySaleWindow(sale, to: &product, issues: &issues)
    }
    return product
  }

  private func applySaleWindow(
    _ sale: Int64,
    to product: inout ProductRecord,
    issues: inout [RecordIssue]
  ) {
    var bounds: [Int64?] = []
    for field in [CanonicalProductField.saleStart, .saleEnd] {
      guard let text = self[field] else {
        bounds.append(nil)
        continue
      }
      guard let seconds = ISO8601Text.unixSeconds(text) else {
        self.correct(field, "unparsable date; sale price dropped", text, &issues)
        return
      }
      bounds.append(seconds)
    }
    if let start = bounds[0], let end = bounds[1], end <= start {
      self.correct(
        .saleEnd,
        "sale ends before it starts; sale price dropped",
        self[.saleEnd] ?? "",
        &issues
      )
      return
    }
    product.salePrice = sale
    product.saleStart = bounds[0]
    product.saleEnd = bounds[1]
  }

  private func flag(
    _ field: CanonicalProductField,
    default value: Bool,
    issues: inout [RecordIssue]
  ) -> Bool {
    guard let text = self[field] else { return value }
    if let parsed = BooleanText.parse(text) { return parsed }
    self.correct(field, "not a boolean; default \(value) kept", text, &issues)
    return value
  }

  private func parsedParams(issues: inout [RecordIssue]) -> [ProductParam] {
    guard let text = self[.params] else { return [] }
    var params: [ProductParam] = []
    for piece in text.split(separator: ";") {
      let pair = piece.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      let name = ByteText.trimmed(String(pair[0]))
      guard pair.count == 2, !name.isEmpty else {
        if !ByteText.trimmed(String(piece)).isEmpty {
          self.correct(.params, "param not name=value; dropped", String(piece), &issues)
        }
        continue
      }
      params.append(ProductParam(name: name, value: ByteText.trimmed(String(pair[1]))))
    }
    return params
  }

  private func correct(
    _ field: CanonicalProductField,
    _ reason: String,
    _ detail: String,
    _ issues: inout [RecordIssue]
  ) {
    issues.append(
      RecordIssue(
        location: self.location,
        field: field.name,
        reason: reason,
        severity: .corrected,
        detail: detail
      )
    )
  }
}
