/// One letter to compose, resolved to snapshot indices.
public struct LetterRequest: Sendable {
  /// The trigger, which picks the recipe.
  public var trigger: LetterTrigger
  /// The customer, when the snapshot knows them: their purchases are never recommended.
  public var customer: CustomerIndex?
  /// The context items (wished, waited-for, carted or bought), in the caller's order; duplicates
  /// are ignored.
  public var context: [ProductIndex]
  /// The moment of composition (Unix seconds): sale windows are checked against it.
  public var now: Int64
  /// Item limits by block key, overriding the recipe's; 0 leaves the block out. Keys the recipe
  /// does not use are ignored.
  public var blockLimits: [String: Int]

  /// Creates a request.
  public init(
    trigger: LetterTrigger,
    customer: CustomerIndex? = nil,
    context: [ProductIndex],
    now: Int64,
    blockLimits: [String: Int] = [:]
  ) {
    self.trigger = trigger
    self.customer = customer
    self.context = context
    self.now = now
    self.blockLimits = blockLimits
  }
}
