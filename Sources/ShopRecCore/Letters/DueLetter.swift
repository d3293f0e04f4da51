/// A post-purchase letter that is due: which order, which trigger, since when.
public struct DueLetter: Sendable, Hashable {
  /// The customer who placed the order.
  public var customer: CustomerIndex
  /// The order (position in the snapshot's ``OrderHistory``).
  public var order: Int32
  /// The letter.
  public var trigger: LetterTrigger
  /// When the order was placed (Unix seconds).
  public var orderTime: Int64
  /// When the letter fell due: the order time plus the trigger's offset (for replacement, the
  /// earliest life-cycle end among the letter's products).
  public var dueAt: Int64

  /// Creates a due letter.
  public init(
    customer: CustomerIndex,
    order: Int32,
    trigger: LetterTrigger,
    orderTime: Int64,
    dueAt: Int64
  ) {
    self.customer = customer
    self.order = order
    self.trigger = trigger
    self.orderTime = orderTime
    self.dueAt = dueAt
  }
}
