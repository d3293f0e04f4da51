/// Composes trigger letters on one snapshot: runs each block of the trigger's recipe in template
/// order, under the rules every letter obeys.
///
/// - An item appears at most once across the letter's blocks: every block excludes what earlier
///   blocks placed, and recommendation blocks also exclude the placed items' variants and the
///   context items themselves.
/// - No recommendation block shows an item the customer bought or an out-of-stock item.
/// - A block shorter than its limit is backfilled, dropped or kept as its recipe says
///   (``ShortBlockPolicy``); an empty block is always dropped.
///
/// Context blocks (``BlockStrategy/reminder``, ``BlockStrategy/saleOnItems``,
/// ``BlockStrategy/purchasedItems``) show the context items themselves. Recommendation blocks run
/// the shop-page strategies through ``RecommendationCollector``: per context item, merged
/// round-robin (``BlockStrategy/boughtTogether`` takes the whole context as one basket).
public struct LetterComposer {
  /// The snapshot answering.
  public let snapshot: Snapshot
  /// The recipes.
  public let recipes: LetterRecipes

  /// Per-item strategies run on at most this many context items (a long cart's first items).
  public static let maximumStrategyContext = 16

  /// A composer over `snapshot` with `recipes`.
  public init(snapshot: Snapshot, recipes: LetterRecipes = .defaults) {
    self.snapshot = snapshot
    self.recipes = recipes
  }

  /// Composes the letter for `request` into `scratch` (read it from there).
  public func compose(_ request: LetterRequest, scratch: LetterScratch) {
    scratch.begin(trigger: request.trigger)
    let productCount = self.snapshot.catalog.count
    for product in request.context where product >= 0 && Int(product) < productCount {
      if !scratch.context.contains(product) { scratch.context.append(product) }
    }
    let recipe = self.recipes[request.trigger]
    for (position, block) in recipe.blocks.enumerated() {
      var limit = block.limit
      if !request.blockLimits.isEmpty, let override = request.blockLimits[block.key] {
        limit = min(max(0, override), LetterRecipes.maximumBlockLimit)
      }
      guard limit > 0 else { continue }
      scratch.blockContext.removeAll(keepingCapacity: true)
      if block.context == .first {
        scratch.blockContext.append(contentsOf: scratch.context.prefix(1))
      } else {
        scratch.blockContext.append(contentsOf: scratch.context)
      }
      let start = scratch.products.count
      if block.strategy.isRecommendation {
        self.fillRecommendations(block, limit: limit, request: request, scratch: scratch)
      } else {
        self.fillContext(block.strategy, limit: limit, now: request.now, scratch: scratch)
      }
      let count = scratch.products.count - start
      let enough = count >= min(block.minItems, limit) || block.whenShort == .keep
      if count > 0 && enough {
        scratch.blockRecipe.append(position)
        scratch.blockEnd.append(scratch.products.count)
      } else {
        scratch.truncate(to: start)
      }
    }
  }

  /// Composes the letter for `request` and returns it as values (allocates; for tools and tests).
  public func composeLetter(
    _ request: LetterRequest,
    scratch: LetterScratch = LetterScratch()
  ) -> ComposedLetter {
    self.compose(request, scratch: scratch)
    return scratch.letter(recipe: self.recipes[request.trigger])
  }

  /// Reminder, sale-on-items and purchased-items blocks: the block's context items themselves,
  /// those not placed yet, in the request's order.
  func fillContext(_ strategy: BlockStrategy, limit: Int, now: Int64, scratch: LetterScratch) {
    let catalog = self.snapshot.catalog
    var taken = 0
    for product in scratch.blockContext where taken < limit {
      guard !scratch.isPlaced(product) else { continue }
      var reason = ReasonCode.reminder
      if strategy == .saleOnItems {
        guard catalog.isOnSale(Int(product), at: now) && catalog.isInStock(Int(product)) else {
          continue
        }
        reason = .onSale
      }
      scratch.append(product, score: 1, reason: reason)
      taken += 1
    }
  }
}
