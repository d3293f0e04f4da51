extension OrderColumnMapping {
  /// The keys the command-line form accepts.
  static let parsingKeys: Set<String> = [
    "order", "customer", "product", "name", "quantity", "price", "time", "status",
    "date-format", "time-format", "delimiter", "header", "cancelled-prefix",
  ]

  /// Reads a mapping from its command-line form: comma-separated `key=value` pairs.
  ///
  /// Roles (`order`, `customer`, `product`, `name`, `quantity`, `price`, `time`, `status`) take
  /// a header name or a 1-based position (`product=3`). Options: `date-format=` a `%`-pattern
  /// (`%Y-%m-%d %H:%M:%S`), `iso8601` or `unix`; `delimiter=` one character or `comma`,
  /// `semicolon`, `tab`, `pipe`; `header=yes|no`; `cancelled-prefix=C`. A piece without `=`
  /// continues the previous value, so values may contain commas:
  ///
  ///     order=InvoiceNo,customer=CustomerID,product=StockCode,name=Description,
  ///     quantity=Quantity,price=UnitPrice,time=InvoiceDate,date-format=%Y-%m-%d %H:%M:%S
  public init(parsing text: String) throws(OrderColumnMappingError) {
    var pairs: [(key: String, value: String)] = []
    for piece in text.split(separator: ",", omittingEmptySubsequences: false) {
      if let equals = piece.firstIndex(of: "="),
        Self.parsingKeys.contains(ByteText.trimmed(String(piece[..<equals])).lowercased())
      {
        let key = ByteText.trimmed(String(piece[..<equals])).lowercased()
        pairs.append((key, String(piece[piece.index(after: equals)...])))
      } else if let last = pairs.indices.last {
        pairs[last].value += "," + piece
      } else if !ByteText.trimmed(String(piece)).isEmpty {
        let known = Self.parsingKeys.sorted().joined(separator: ", ")
        throw OrderColumnMappingError("\"\(piece)\" is not key=value (keys: \(known))")
      }
    }
    var mapping = OrderColumnMapping()
    for (key, rawValue) in pairs {
      let value = key == "delimiter" ? rawValue : ByteText.trimmed(rawValue)
      switch key {
      case "order": mapping.order = try Self.column(value, key)
      case "customer": mapping.customer = try Self.column(value, key)
      case "product": mapping.product = try Self.column(value, key)
      case "name": mapping.name = try Self.column(value, key)
      case "quantity": mapping.quantity = try Self.column(value, key)
      case "price": mapping.price = try Self.column(value, key)
      case "time": mapping.time = try Self.column(value, key)
      case "status": mapping.status = try Self.column(value, key)
      case "date-format", "time-format": mapping.timestampFormat = try TimestampFormat(value)
      case "delimiter": mapping.delimiter = try Self.delimiter(value)
      case "header":
        guard let flag = BooleanText.parse(value) else {
          throw OrderColumnMappingError("header=\(value): use yes or no")
        }
        mapping.hasHeader = flag
      case "cancelled-prefix": mapping.cancelledOrderPrefix = value.isEmpty ? nil : value
      default: break
      }
    }
    try mapping.validate()
    self = mapping
  }

  private static func column(
    _ value: String,
    _ key: String
  ) throws(OrderColumnMappingError)
    -> Column
  {
    guard !value.isEmpty else { throw OrderColumnMappingError("\(key)= needs a column") }
    if value.utf8.allSatisfy(ByteText.isDigit) {
      guard let position = Int(value), position >= 1 else {
        throw OrderColumnMappingError("\(key)=\(value): positions start at 1")
      }
      return .position(position)
    }
    return .named(value)
  }

  private static func delimiter(_ value: String) throws(OrderColumnMappingError) -> Unicode.Scalar {
    switch ByteText.trimmed(value).lowercased() {
    case "comma": return ","
    case "semicolon": return ";"
    case "tab", "\\t": return "\t"
    case "pipe": return "|"
    default: break
    }
    let scalars = value == "\t" ? value.unicodeScalars : ByteText.trimmed(value).unicodeScalars
    guard scalars.count == 1, let scalar = scalars.first, scalar.isASCII else {
      throw OrderColumnMappingError(
        "delimiter=\(value): use one ASCII character, comma, semicolon, tab or pipe"
      )
    }
    return scalar
  }
}
