/// One order line as an orders file gives it, after column mapping.
public struct OrderLineRecord: Sendable, Hashable {
  /// The order id (synthesised as `customer@yyyy-mm-dd` when the file has none).
  public var orderID: String
  /// The customer id.
  public var customerID: String
  /// The product id (or the product name, when a name column serves as the id).
  public var productID: String
  /// The product name, when the file has one.
  public var productName: String?
  /// Quantity (1 when the file has no quantity column).
  public var quantity: Int32
  /// Unit price in minor units (0 when unknown).
  public var unitPrice: Int64
  /// Order time (Unix seconds).
  public var time: Int64
  /// Where the line was read.
  public var location: RecordLocation

  /// Creates an order line.
  public init(
    orderID: String,
    customerID: String,
    productID: String,
    productName: String? = nil,
    quantity: Int32 = 1,
    unitPrice: Int64 = 0,
    time: Int64,
    location: RecordLocation
  ) {
    self.orderID = orderID
    self.customerID = customerID
    self.productID = productID
    self.productName = productName
    self.quantity = quantity
    self.unitPrice = unitPrice
    self.time = time
    self.location = location
  }
}
