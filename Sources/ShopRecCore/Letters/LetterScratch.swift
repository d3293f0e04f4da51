/// Reusable working memory for composing letters, one per thread, and the last letter composed.
///
/// The letter is stored flat: block `b` is recipe block ``blockRecipe``[b] and holds the items
/// ``itemRange(ofBlock:)`` of ``products``, ``scores`` and ``reasons``. After the first letters
/// have sized the arrays, composing allocates nothing.
public final class LetterScratch {
  /// The query scratch the block strategies run with.
  public let recommendation: RecommendationScratch

  /// The trigger of the last letter.
  public internal(set) var trigger: LetterTrigger = .waitlist
  /// Position in the recipe's blocks of each kept block.
  public internal(set) var blockRecipe: [Int] = []
  /// End of each kept block's items in ``products``.
  public internal(set) var blockEnd: [Int] = []
  /// The items of every kept block, block after block.
  public internal(set) var products: [ProductIndex] = []
  /// Scores aligned with ``products`` (relevance within the block).
  public internal(set) var scores: [Float] = []
  /// Reasons aligned with ``products``.
  public internal(set) var reasons: [ReasonCode] = []

  /// The request's context, without duplicates.
  var context: [ProductIndex] = []
  /// The context a block runs on (all of it, or the first item).
  var blockContext: [ProductIndex] = []
  /// Per-item strategy results waiting for the round-robin merge, list after list.
  var candidateProducts: [ProductIndex] = []
  var candidateScores: [Float] = []
  var candidateReasons: [ReasonCode] = []
  var candidateListEnd: [Int] = []
  /// Candidate positions of one round of the merge, and each list's next position.
  var round: [Int] = []
  var cursors: [Int] = []
  /// Categories an accessories backfill stays out of.
  var avoidCategories: [CategoryIndex] = []

  /// Creates empty scratch memory around `recommendation`.
  public init(recommendation: RecommendationScratch = RecommendationScratch()) {
    self.recommendation = recommendation
  }

  /// The number of kept blocks.
  public var blockCount: Int { self.blockEnd.count }

  /// The positions of block `block`'s items in ``products``.
  public func itemRange(ofBlock block: Int) -> Range<Int> {
    (block == 0 ? 0 : self.blockEnd[block - 1]) ..< self.blockEnd[block]
  }

  /// Starts a letter.
  func begin(trigger: LetterTrigger) {
    self.trigger = trigger
    self.blockRecipe.removeAll(keepingCapacity: true)
    self.blockEnd.removeAll(keepingCapacity: true)
    self.products.removeAll(keepingCapacity: true)
    self.scores.removeAll(keepingCapacity: true)
    self.reasons.removeAll(keepingCapacity: true)
    self.context.removeAll(keepingCapacity: true)
  }

  /// Drops items from position `count` on (a block that was not kept).
  func truncate(to count: Int) {
    self.products.removeSubrange(count...)
    self.scores.removeSubrange(count...)
    self.reasons.removeSubrange(count...)
  }

  /// Whether `product` already appears in the letter.
  func isPlaced(_ product: ProductIndex) -> Bool {
    self.products.withUnsafeBufferPointer { $0.contains(product) }
  }

  /// Appends an item to the letter.
  func append(_ product: ProductIndex, score: Float, reason: ReasonCode) {
    self.products.append(product)
    self.scores.append(score)
    self.reasons.append(reason)
  }

  /// The last letter as values (allocates; for tools and tests).
  public func letter(recipe: LetterRecipe) -> ComposedLetter {
    var blocks: [ComposedBlock] = []
    for block in 0 ..< self.blockCount {
      let blockRecipe = recipe.blocks[self.blockRecipe[block]]
      blocks.append(
        ComposedBlock(
          key: blockRecipe.key,
          strategy: blockRecipe.strategy,
          items: self.itemRange(ofBlock: block).map {
            ComposedItem(
              product: self.products[$0],
              score: self.scores[$0],
              reason: self.reasons[$0]
            )
          }
        )
      )
    }
    return ComposedLetter(trigger: self.trigger, blocks: blocks)
  }
}
