/// One block of a letter recipe: its template key, how it is filled and how long it may be.
public struct BlockRecipe: Sendable, Hashable {
  /// The template's name for the block (unique within a recipe), e.g. `similar`, `cart`.
  public var key: String
  /// How the block is filled.
  public var strategy: BlockStrategy
  /// The most items it shows (a request may override it by key).
  public var limit: Int
  /// The fewest items worth showing; below this the block is dropped, unless `whenShort` is
  /// ``ShortBlockPolicy/keep``.
  public var minItems: Int
  /// What happens when the strategy finds fewer than `limit` items.
  public var whenShort: ShortBlockPolicy
  /// Which context items the strategy runs on.
  public var context: BlockContext

  /// Creates a block recipe.
  public init(
    key: String,
    strategy: BlockStrategy,
    limit: Int,
    minItems: Int = 1,
    whenShort: ShortBlockPolicy,
    context: BlockContext = .all
  ) {
    self.key = key
    self.strategy = strategy
    self.limit = limit
    self.minItems = minItems
    self.whenShort = whenShort
    self.context = context
  }
}
