/// Which columns of an orders file hold what, and how the file writes its values.
///
/// Each role is a column given by header name or 1-based position. `customer`, `time` and
/// `product` (or, when there is no product column, `name`, whose value then serves as the
/// product id) are required. Without an `order` column, an order is a customer's basket on one
/// day, with the id `customer@yyyy-mm-dd`. Without `quantity` every line counts 1; without
/// `price` prices are unknown (0).
///
/// Known layouts are recognised from the header (see ``recognizing(header:)``); others are given
/// on the command line (see ``init(parsing:)``).
public struct OrderColumnMapping: Sendable, Hashable, CustomStringConvertible {
  /// A column, by header name (matched ignoring ASCII case) or 1-based position.
  public enum Column: Sendable, Hashable, CustomStringConvertible {
    /// The column whose header is this name.
    case named(String)
    /// The column at this 1-based position.
    case position(Int)

    /// The name, or the position as digits.
    public var description: String {
      switch self {
      case .named(let name): return name
      case .position(let position): return String(position)
      }
    }
  }

  /// The order (invoice) id.
  public var order: Column?
  /// The customer id (required).
  public var customer: Column?
  /// The product id (required unless `name` stands in for it).
  public var product: Column?
  /// The product name.
  public var name: Column?
  /// The quantity (a whole number; lines with 0 or less are ignored and counted).
  public var quantity: Column?
  /// The unit price in major units.
  public var price: Column?
  /// The order time (required).
  public var time: Column?
  /// The line's status (`cancelled`, `canceled`, `returned` and `refunded` lines are ignored
  /// and counted).
  public var status: Column?
  /// How times are written.
  public var timestampFormat: TimestampFormat = .iso8601
  /// The field separator (an ASCII character).
  public var delimiter: Unicode.Scalar = ","
  /// Whether the first row is a header.
  public var hasHeader = true
  /// Orders whose id starts with this are cancellations (UCI Online Retail: "C"): their lines
  /// are ignored and counted.
  public var cancelledOrderPrefix: String?

  /// A mapping with the given columns.
  public init(
    order: Column? = nil,
    customer: Column? = nil,
    product: Column? = nil,
    name: Column? = nil,
    quantity: Column? = nil,
    price: Column? = nil,
    time: Column? = nil,
    status: Column? = nil,
    timestampFormat: TimestampFormat = .iso8601,
    delimiter: Unicode.Scalar = ",",
    hasHeader: Bool = true,
    cancelledOrderPrefix: String? = nil
  ) {
    self.order = order
    self.customer = customer
    self.product = product
    self.name = name
    self.quantity = quantity
    self.price = price
    self.time = time
    self.status = status
    self.timestampFormat = timestampFormat
    self.delimiter = delimiter
    self.hasHeader = hasHeader
    self.cancelledOrderPrefix = cancelledOrderPrefix
  }

  /// The roles in the order the command-line form lists them, with their columns.
  var roles: [(key: String, column: Column?)] {
    [
      ("order", self.order), ("customer", self.customer), ("product", self.product),
      ("name", self.name), ("quantity", self.quantity), ("price", self.price),
      ("time", self.time), ("status", self.status),
    ]
  }

  /// The command-line form (`order=InvoiceNo,customer=CustomerID,...`), which
  /// ``init(parsing:)`` reads back.
  public var description: String {
    var parts = self.roles.compactMap { role in role.column.map { "\(role.key)=\($0)" } }
    if self.timestampFormat != .iso8601 { parts.append("date-format=\(self.timestampFormat)") }
    if self.delimiter != "," {
      parts.append("delimiter=\(self.delimiter == "\t" ? "tab" : String(self.delimiter))")
    }
    if !self.hasHeader { parts.append("header=no") }
    if let prefix = self.cancelledOrderPrefix { parts.append("cancelled-prefix=\(prefix)") }
    return parts.joined(separator: ",")
  }

  /// Checks that the required roles are present and the delimiter is usable.
  public func validate() throws(OrderColumnMappingError) {
    guard self.customer != nil else { throw OrderColumnMappingError("no customer column") }
    guard self.time != nil else { throw OrderColumnMappingError("no time column") }
    guard self.product != nil || self.name != nil else {
      throw OrderColumnMappingError("no product column (nor a name column to stand in for it)")
    }
    guard self.delimiter.isASCII, self.delimiter != "\"", self.delimiter != "\n",
      self.delimiter != "\r"
    else { throw OrderColumnMappingError("the delimiter must be an ASCII character, not a quote") }
    for role in self.roles {
      if case .named = role.column, !self.hasHeader {
        throw OrderColumnMappingError(
          "\(role.key) is given by name but the file has no header; give positions"
        )
      }
      if case .position(let position) = role.column, position < 1 {
        throw OrderColumnMappingError("\(role.key): positions start at 1")
      }
    }
  }
}
