import ShopRecCore
import Testing

/// Short-block policies, block limits, context choice and the once-per-letter rule on the
/// hand-built shop.
@Suite("Letter block policies")
struct LettersPolicyTests {
  typealias Shop = LettersTestShop

  /// Defaults with WAITLIST replaced: similar (limit 2), then on_sale (limit 6, at least 3).
  func waitlistRecipes(onSaleWhenShort: ShortBlockPolicy) throws -> LetterRecipes {
    var recipes = LetterRecipes.defaults
    try recipes.replace(
      LetterRecipe(
        trigger: .waitlist,
        blocks: [
          BlockRecipe(key: "similar", strategy: .similar, limit: 2, whenShort: .backfill),
          BlockRecipe(
            key: "on_sale",
            strategy: .onSale,
            limit: 6,
            minItems: 3,
            whenShort: onSaleWhenShort
          ),
        ]
      )
    )
    return recipes
  }

  func ids(_ block: ComposedBlock?) -> [String]? {
    block.map { $0.products.map { Shop.productIDs[Int($0)] } }
  }

  func waitlist(_ recipes: LetterRecipes) -> ComposedLetter {
    LetterComposer(snapshot: Shop.snapshot, recipes: recipes).composeLetter(
      LetterRequest(
        trigger: .waitlist,
        customer: Shop.alice,
        context: [Shop.p("kettle-d")],
        now: Shop.now
      )
    )
  }

  @Test("a short block is kept, dropped or backfilled as its recipe says")
  func shortBlockPolicies() throws {
    // Near kettle-d only kettle-h and descaler are on sale, in stock and not bought by alice:
    // two items, one short of the minimum of three.
    let kept = waitlist(try waitlistRecipes(onSaleWhenShort: .keep))
    #expect(ids(kept.block("similar")) == ["kettle-f", "kettle-a-red"])
    #expect(ids(kept.block("on_sale")) == ["kettle-h", "descaler"])

    let dropped = waitlist(try waitlistRecipes(onSaleWhenShort: .drop))
    #expect(dropped.blocks.map(\.key) == ["similar"])

    // Backfill: sales anywhere in the shop add hose-a from the garden.
    let backfilled = waitlist(try waitlistRecipes(onSaleWhenShort: .backfill))
    #expect(ids(backfilled.block("on_sale")) == ["kettle-h", "descaler", "hose-a"])
    #expect(backfilled.block("on_sale")?.items.last?.reason == .onSale)
  }

  @Test("a block limit of 0 leaves the block out; its items stay excluded as context")
  func zeroLimitOmitsBlock() {
    let composer = LetterComposer(snapshot: Shop.snapshot)
    let letter = composer.composeLetter(
      LetterRequest(
        trigger: .wishlist,
        customer: Shop.alice,
        context: Shop.ps("kettle-b", "kettle-g"),
        now: Shop.now,
        blockLimits: ["reminder": 0, "similar": 2, "unknown-block": 5]
      )
    )
    #expect(letter.blocks.map(\.key) == ["sale_on_item", "similar", "on_sale"])
    #expect(ids(letter.block("similar")) == ["kettle-c", "kettle-a"])
    // With similar short, kettle-h and descaler are left for on_sale; kettle-g, the other wished
    // item, appears nowhere.
    #expect(ids(letter.block("on_sale")) == ["kettle-h", "descaler"])
  }

  @Test("context first: the strategy runs on the first context item only")
  func firstContextItem() throws {
    var recipes = LetterRecipes.defaults
    try recipes.replace(
      LetterRecipe(
        trigger: .wishlist,
        blocks: [
          BlockRecipe(
            key: "similar",
            strategy: .similar,
            limit: 6,
            whenShort: .drop,
            context: .first
          )
        ]
      )
    )
    let letter = LetterComposer(snapshot: Shop.snapshot, recipes: recipes).composeLetter(
      LetterRequest(
        trigger: .wishlist,
        customer: Shop.alice,
        context: Shop.ps("kettle-b", "kettle-g"),
        now: Shop.now
      )
    )
    // kettle-b's own list: kettle-a keeps its similar-attributes reason (no round-robin).
    let block = try #require(letter.block("similar"))
    #expect(ids(block) == ["kettle-c", "kettle-a", "kettle-f", "kettle-h", "descaler"])
    #expect(block.items[1].reason == .similarAttributes)
    #expect(block.items.map(\.score) == block.items.map(\.score).sorted(by: >))
  }

  @Test("duplicate context items count once; unknown indices are ignored")
  func duplicateContext() {
    let composer = LetterComposer(snapshot: Shop.snapshot)
    let once = composer.composeLetter(
      LetterRequest(
        trigger: .abandonedCart,
        customer: Shop.bob,
        context: Shop.ps("kettle-c", "kettle-e"),
        now: Shop.now
      )
    )
    let twice = composer.composeLetter(
      LetterRequest(
        trigger: .abandonedCart,
        customer: Shop.bob,
        context: Shop.ps("kettle-c", "kettle-e", "kettle-c") + [999, -1],
        now: Shop.now
      )
    )
    #expect(once == twice)
    #expect(ids(once.block("cart")) == ["kettle-c", "kettle-e"])
  }

  @Test("sale windows are checked at the letter's moment")
  func saleAtMoment() {
    let composer = LetterComposer(snapshot: Shop.snapshot)
    func saleBlock(day: Int64) -> [String]? {
      ids(
        composer.composeLetter(
          LetterRequest(
            trigger: .wishlist,
            context: Shop.ps("kettle-g"),
            now: day * 86_400,
            blockLimits: ["similar": 0, "on_sale": 0]
          )
        ).block("sale_on_item")
      )
    }
    // kettle-g's sale ends (exclusive) at day 200.
    #expect(saleBlock(day: 199) == ["kettle-g"])
    #expect(saleBlock(day: 200) == nil)
  }

  @Test("one scratch composes letter after letter with the same results")
  func scratchReuse() {
    let composer = LetterComposer(snapshot: Shop.snapshot)
    let scratch = LetterScratch()
    let requests = LetterTrigger.allCases.map { trigger in
      LetterRequest(
        trigger: trigger,
        customer: Shop.alice,
        context: Shop.ps("kettle-b", "filter"),
        now: Shop.now
      )
    }
    let fresh = requests.map { composer.composeLetter($0) }
    let reused = (requests + requests).map { composer.composeLetter($0, scratch: scratch) }
    #expect(reused == fresh + fresh)
  }
}
