extension OrderColumnMapping {
  /// The canonical orders layout: `order_id,customer_id,product_id,quantity,price,timestamp`
  /// with optional `status` and `product_name`.
  public static let canonical = OrderColumnMapping(
    order: .named("order_id"),
    customer: .named("customer_id"),
    product: .named("product_id"),
    name: .named("product_name"),
    quantity: .named("quantity"),
    price: .named("price"),
    time: .named("timestamp"),
    status: .named("status")
  )

  /// The UCI Online Retail layout (InvoiceNo, StockCode, Description, Quantity, InvoiceDate,
  /// UnitPrice, CustomerID): invoices starting with "C" are cancellations.
  public static let onlineRetail = OrderColumnMapping(
    order: .named("InvoiceNo"),
    customer: .named("CustomerID"),
    product: .named("StockCode"),
    name: .named("Description"),
    quantity: .named("Quantity"),
    price: .named("UnitPrice"),
    time: .named("InvoiceDate"),
    cancelledOrderPrefix: "C"
  )

  /// The Kaggle Groceries layout (Member_number, Date as dd-mm-yyyy, itemDescription): no order
  /// ids, so a basket is a member's purchases on one day; the item name is the product id.
  public static let groceries = OrderColumnMapping(
    customer: .named("Member_number"),
    name: .named("itemDescription"),
    time: .named("Date"),
    timestampFormat: Self.dayMonthYear
  )

  private static let dayMonthYear: TimestampFormat = {
    do { return try TimestampFormat("%d-%m-%Y") } catch { return .iso8601 }
  }()

  /// The known layout whose required columns all appear in `header` (ASCII case ignored), with
  /// optional columns the header lacks removed; nil when none fits.
  public static func recognizing(header: [String]) -> OrderColumnMapping? {
    let names = Set(header.map { ByteText.trimmed($0).lowercased() })
    let candidates: [(mapping: OrderColumnMapping, required: [String])] = [
      (.canonical, ["order_id", "customer_id", "product_id", "timestamp"]),
      (.onlineRetail, ["invoiceno", "stockcode", "invoicedate", "customerid"]),
      (.groceries, ["member_number", "date", "itemdescription"]),
    ]
    for candidate in candidates where candidate.required.allSatisfy(names.contains) {
      var mapping = candidate.mapping
      func present(_ column: Column?) -> Column? {
        guard case .named(let name)? = column, names.contains(name.lowercased()) else { return nil }
        return column
      }
      mapping.order = present(mapping.order)
      mapping.name = present(mapping.name)
      mapping.quantity = present(mapping.quantity)
      mapping.price = present(mapping.price)
      mapping.status = present(mapping.status)
      return mapping
    }
    return nil
  }
}
