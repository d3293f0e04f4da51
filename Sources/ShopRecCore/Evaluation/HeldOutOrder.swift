/// One order withheld from the training snapshot, resolved against it.
public struct HeldOutOrder: Sendable, Equatable {
  /// The customer's position in the training snapshot, or -1 when the customer has no training
  /// orders (a new customer).
  public var customer: CustomerIndex
  /// Time of the order (Unix seconds); recommendations are asked "as of" this moment.
  public var time: Int64
  /// The order's distinct products: snapshot positions, or -1 for each distinct product the
  /// training snapshot does not know (it still counts as a target nobody can hit).
  public var products: [ProductIndex]

  /// Creates a held-out order.
  public init(customer: CustomerIndex, time: Int64, products: [ProductIndex]) {
    self.customer = customer
    self.time = time
    self.products = products
  }
}
