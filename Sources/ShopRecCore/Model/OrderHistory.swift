/// Orders and customers as the snapshot keeps them: for exclusions ("not what you bought") and
/// for the post-purchase letter schedule.
public struct OrderHistory: Sendable, Equatable {
  /// Shop customer ids ↔ positions.
  public let customerIDs: IndexedStrings
  /// Shop order ids (synthesised as `customer@date` where the source has none).
  public let orderIDs: StringTable
  /// Customer of each order.
  public let orderCustomer: FrozenArray<CustomerIndex>
  /// Time of each order (Unix seconds).
  public let orderTime: FrozenArray<Int64>
  /// Products of each order (one entry per distinct product).
  public let orderLines: CompressedRows<ProductIndex>
  /// Value of each order in minor units: the sum of its lines' quantity × unit price (lines
  /// without a known price count 0), the monetary side of customer segmentation. Quantities and
  /// unit prices per line are not kept: no query reads them, and at 12 bytes a line they were a
  /// tenth of a large shop's snapshot.
  public let orderValue: FrozenArray<Int64>
  /// Orders of each customer, oldest first (ties by order position).
  public let customerOrders: CompressedRows<Int32>
  /// Distinct products each customer bought, ascending (binary-searched for exclusions).
  public let customerProducts: CompressedRows<ProductIndex>

  /// Creates the history from its columns.
  public init(
    customerIDs: IndexedStrings,
    orderIDs: StringTable,
    orderCustomer: FrozenArray<CustomerIndex>,
    orderTime: FrozenArray<Int64>,
    orderLines: CompressedRows<ProductIndex>,
    orderValue: FrozenArray<Int64>,
    customerOrders: CompressedRows<Int32>,
    customerProducts: CompressedRows<ProductIndex>
  ) {
    self.customerIDs = customerIDs
    self.orderIDs = orderIDs
    self.orderCustomer = orderCustomer
    self.orderTime = orderTime
    self.orderLines = orderLines
    self.orderValue = orderValue
    self.customerOrders = customerOrders
    self.customerProducts = customerProducts
  }

  /// The number of orders.
  @inlinable public var orderCount: Int { self.orderCustomer.count }

  /// Whether `customer` ever bought `product`.
  @inlinable
  public func customer(_ customer: Int, bought product: ProductIndex) -> Bool {
    var low = Int(self.customerProducts.offsets[customer])
    var high = Int(self.customerProducts.offsets[customer + 1])
    return self.customerProducts.values.withUnsafeBufferPointer { values in
      while low < high {
        let mid = (low + high) >> 1
        let value = values[mid]
        if value == product { return true }
        if value < product { low = mid + 1 } else { high = mid }
      }
      return false
    }
  }
}
