/// One product of a ``ComposedBlock``.
public struct ComposedItem: Sendable, Equatable {
  /// The product.
  public var product: ProductIndex
  /// Relevance within the block.
  public var score: Float
  /// Why it is there.
  public var reason: ReasonCode

  /// Creates an item.
  public init(product: ProductIndex, score: Float, reason: ReasonCode) {
    self.product = product
    self.score = score
    self.reason = reason
  }
}
