/// Order history read from files, interned to integers and stored as columns: compact enough for
/// tens of millions of lines (about 20 bytes a line).
///
/// Product, customer and order ids are interned in first-seen order. Lines keep file order;
/// the builder groups them by order. Products here are order-side ids: the snapshot builder maps
/// them onto catalog products (or creates orders-only products).
public struct OrderLog: Sendable {
  /// Distinct product ids, by order-side product position.
  public var productIDs: [String] = []
  /// The product name seen with each product id ("" when the file has none).
  public var productNames: [String] = []
  /// The last unit price seen for each product, minor units (0 when unknown).
  public var productLastPrice: [Int64] = []
  /// Distinct customer ids, by position.
  public var customerIDs: [String] = []
  /// Distinct order ids, by position.
  public var orderIDs: [String] = []
  /// Customer of each order.
  public var orderCustomer: [Int32] = []
  /// Time of each order (Unix seconds; the earliest line's time).
  public var orderTime: [Int64] = []
  /// Order of each line.
  public var lineOrder: [Int32] = []
  /// Product of each line (order-side product position).
  public var lineProduct: [Int32] = []
  /// Quantity of each line.
  public var lineQuantity: [Int32] = []
  /// Unit price of each line, minor units (0 when unknown).
  public var linePrice: [Int64] = []
  /// Lines rejected or corrected while reading.
  public var issues: [RecordIssue] = []
  /// Lines read per file (rejected ones included).
  public var recordCounts: [String: Int] = [:]
  /// Lines skipped on purpose per file (cancelled or returned orders), not errors.
  public var ignoredCounts: [String: Int] = [:]

  /// An empty log.
  public init() {}

  /// The number of order lines.
  public var lineCount: Int { self.lineOrder.count }
  /// The number of orders.
  public var orderCount: Int { self.orderIDs.count }
}
