/// One block of a ``ComposedLetter``.
public struct ComposedBlock: Sendable, Equatable {
  /// The template's name for the block.
  public var key: String
  /// The strategy that filled it.
  public var strategy: BlockStrategy
  /// The items, best first.
  public var items: [ComposedItem]

  /// Creates a block.
  public init(key: String, strategy: BlockStrategy, items: [ComposedItem]) {
    self.key = key
    self.strategy = strategy
    self.items = items
  }

  /// The items' products.
  public var products: [ProductIndex] { self.items.map(\.product) }
}
