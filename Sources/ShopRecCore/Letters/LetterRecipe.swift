/// The blocks of one trigger's letter, in template order.
public struct LetterRecipe: Sendable, Hashable {
  /// The trigger the recipe is for.
  public var trigger: LetterTrigger
  /// The blocks, in template order. Earlier blocks take items first: an item placed in one block
  /// never appears in a later one.
  public var blocks: [BlockRecipe]

  /// Creates a recipe.
  public init(trigger: LetterTrigger, blocks: [BlockRecipe]) {
    self.trigger = trigger
    self.blocks = blocks
  }
}
