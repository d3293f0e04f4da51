/// A mapping resolved against a file's header: 0-based field indexes (-1 when absent) and the
/// names issues use for each column.
struct OrderColumns {
  var order = -1
  var customer = -1
  var product = -1
  var name = -1
  var quantity = -1
  var price = -1
  var time = -1
  var status = -1
  /// The header (or "column N") of each field, by index.
  var fieldNames: [String] = []

  /// Resolves `mapping` against `header` (empty when the file has none).
  init(
    mapping: OrderColumnMapping,
    header: [String],
    location: RecordLocation
  )
    throws(FeedError)
  {
    let lowered = header.map { ByteText.trimmed($0).lowercased() }
    func index(_ column: OrderColumnMapping.Column?, _ role: String) throws(FeedError) -> Int {
      switch column {
      case nil: return -1
      case .position(let position)?: return position - 1
      case .named(let name)?:
        guard let found = lowered.firstIndex(of: name.lowercased()) else {
          throw FeedError(
            location: location,
            reason:
              "the \(role) column \"\(name)\" is not in the header (\(header.joined(separator: ", ")))"
          )
        }
        return found
      }
    }
    self.order = try index(mapping.order, "order")
    self.customer = try index(mapping.customer, "customer")
    self.product = try index(mapping.product, "product")
    self.name = try index(mapping.name, "name")
    self.quantity = try index(mapping.quantity, "quantity")
    self.price = try index(mapping.price, "price")
    self.time = try index(mapping.time, "time")
    self.status = try index(mapping.status, "status")
    let widest =
      [
        self.order, self.customer, self.product, self.name, self.quantity, self.price, self.time,
        self.status, header.count - 1,
      ].max() ?? 0
    self.fieldNames = (0 ... max(widest, 0)).map { index in
      index < header.count && !ByteText.trimmed(header[index]).isEmpty
        ? ByteText.trimmed(header[index]) : "column \(index + 1)"
    }
  }

  /// The name issues use for field `index`.
  func fieldName(_ index: Int) -> String {
    index >= 0 && index < self.fieldNames.count ? self.fieldNames[index] : "column \(index + 1)"
  }
}
