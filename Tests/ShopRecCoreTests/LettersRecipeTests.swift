import ShopRecCore
import Testing

/// Every trigger's default recipe on the hand-built shop, with the exact blocks the strategies'
/// rules give (derivations in the comments; the lists are in ``LettersTestShop``).
@Suite("Letter recipes on a hand-built shop")
struct LettersRecipeTests {
  typealias Shop = LettersTestShop

  /// A block as (key, strategy, [(product id, reason)]).
  typealias Expected = (String, BlockStrategy, [(String, ReasonCode)])

  func compose(
    _ trigger: LetterTrigger,
    customer: CustomerIndex?,
    context: [String],
    limits: [String: Int] = [:],
    recipes: LetterRecipes = .defaults
  ) -> ComposedLetter {
    let composer = LetterComposer(snapshot: Shop.snapshot, recipes: recipes)
    return composer.composeLetter(
      LetterRequest(
        trigger: trigger,
        customer: customer,
        context: context.map(Shop.p),
        now: Shop.now,
        blockLimits: limits
      )
    )
  }

  func expectBlocks(
    _ letter: ComposedLetter,
    _ expected: [Expected],
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let actual = letter.blocks.map { block in
      "\(block.key)/\(block.strategy.name): "
        + block.items.map { "\(Shop.productIDs[Int($0.product)]) \($0.reason)" }
        .joined(separator: ", ")
    }
    let wanted = expected.map { key, strategy, items in
      "\(key)/\(strategy.name): " + items.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
    }
    #expect(actual == wanted, sourceLocation: sourceLocation)
  }

  @Test("the hand-built shop is a valid snapshot")
  func fixtureIsValid() throws {
    try Shop.snapshot.checkInvariants()
  }

  @Test("WAITLIST: similar items (bought and out-of-stock ones skipped); no sales left for on_sale")
  func waitlist() {
    // Similar list of kettle-d: kettle-b (alice bought it), kettle-e (out of stock), kettle-f,
    // kettle-a-red; then popular kettles (kettle-a is kettle-a-red's variant), then the kitchen
    // (filter bought). On sale near kettle-d: kettle-b bought, kettle-e out of stock, kettle-g's
    // sale ended, kettle-h and descaler already placed: the block is empty and dropped.
    let letter = compose(.waitlist, customer: Shop.alice, context: ["kettle-d"])
    expectBlocks(
      letter,
      [
        (
          "similar", .similar,
          [
            ("kettle-f", .similarAttributes), ("kettle-a-red", .sameCategory),
            ("kettle-c", .sameCategory), ("kettle-g", .sameCategory),
            ("kettle-h", .sameCategory), ("descaler", .relatedCategory),
          ]
        )
      ]
    )
  }

  @Test("WAITLIST with a shorter similar block leaves sales for on_sale")
  func waitlistWithSales() {
    // bob did not buy kettle-b. On sale: kettle-h (kettles), then descaler (kitchen).
    let letter = compose(
      .waitlist,
      customer: Shop.bob,
      context: ["kettle-d"],
      limits: ["similar": 3]
    )
    expectBlocks(
      letter,
      [
        (
          "similar", .similar,
          [
            ("kettle-b", .similarAttributes), ("kettle-f", .similarAttributes),
            ("kettle-a-red", .sameCategory),
          ]
        ),
        ("on_sale", .onSale, [("kettle-h", .onSale), ("descaler", .onSale)]),
      ]
    )
  }

  @Test(
    "WISHLIST: the sale on the wished item, a reminder of the other, similar merged round-robin"
  )
  func wishlist() {
    // kettle-b is on sale (sale_on_item takes it, so the reminder shows only kettle-g, whose sale
    // ended). Similar, round-robin over kettle-b's list [kettle-c, kettle-a, kettle-f, kettle-h,
    // descaler] and kettle-g's [kettle-a, kettle-c, kettle-f, kettle-h, descaler]: kettle-c and
    // kettle-a tie in round one (kettle-a from kettle-g's list, as same-category), then kettle-f,
    // kettle-h, descaler. No sale is left for on_sale.
    let letter = compose(.wishlist, customer: Shop.alice, context: ["kettle-b", "kettle-g"])
    expectBlocks(
      letter,
      [
        ("sale_on_item", .saleOnItems, [("kettle-b", .onSale)]),
        ("reminder", .reminder, [("kettle-g", .reminder)]),
        (
          "similar", .similar,
          [
            ("kettle-c", .similarAttributes), ("kettle-a", .sameCategory),
            ("kettle-f", .sameCategory), ("kettle-h", .sameCategory),
            ("descaler", .relatedCategory),
          ]
        ),
      ]
    )
  }

  @Test("ABANDONED_CART: sales on cart items, the rest as reminder, bought together with the cart")
  func abandonedCart() {
    // kettle-e is on sale but out of stock, so it stays in the reminder. Bought together: filter
    // (with kettle-b) and hose-a (with kettle-c) tie, lower index first; then, ranked by
    // popularity alone, the shop's best sellers bob did not buy (descaler the first of them).
    let letter = compose(
      .abandonedCart,
      customer: Shop.bob,
      context: ["kettle-b", "kettle-c", "kettle-e"]
    )
    expectBlocks(
      letter,
      [
        ("cart_sales", .saleOnItems, [("kettle-b", .onSale)]),
        ("cart", .reminder, [("kettle-c", .reminder), ("kettle-e", .reminder)]),
        (
          "bought_together", .boughtTogether,
          [
            ("filter", .coPurchased), ("hose-a", .coPurchased), ("descaler", .popular),
            ("hose-b", .popular), ("kettle-a-red", .popular), ("kettle-f", .popular),
          ]
        ),
      ]
    )
  }

  @Test("POST_PURCHASE_RATING and POST_PURCHASE_REVIEW: the order's items only")
  func ratingAndReview() {
    expectBlocks(
      compose(.postPurchaseRating, customer: Shop.alice, context: ["kettle-b", "filter"]),
      [("order", .purchasedItems, [("kettle-b", .reminder), ("filter", .reminder)])]
    )
    expectBlocks(
      compose(.postPurchaseReview, customer: Shop.carol, context: ["kettle-c", "hose-a"]),
      [("review", .purchasedItems, [("kettle-c", .reminder), ("hose-a", .reminder)])]
    )
  }

  @Test("POST_PURCHASE_ACCESSORIES: real accessories of every item before any popular fallback")
  func accessories() {
    // kettle-b's list: [descaler (follow-up category), hose-a (popular outside kettles)]; the
    // filter's: [kettle-a (significantly bought with filters), then popular outside
    // kettle-parts: kettle-c, hose-a, kettle-f, kettle-g, kettle-h]. The real matches of both
    // lists first (kettle-a, descaler), then the popular entries round-robin.
    let letter = compose(
      .postPurchaseAccessories,
      customer: Shop.alice,
      context: ["kettle-b", "filter"]
    )
    expectBlocks(
      letter,
      [
        (
          "accessories", .accessories,
          [
            ("kettle-a", .coPurchased), ("descaler", .categoryAccessory), ("kettle-c", .popular),
            ("hose-a", .popular), ("kettle-f", .popular), ("kettle-g", .popular),
          ]
        )
      ]
    )
  }

  @Test("REPLACEMENT: replacements of what was bought, within its categories")
  func replacement() {
    expectBlocks(
      compose(.replacement, customer: Shop.alice, context: ["hose-b"]),
      [("replacements", .replacements, [("hose-a", .closestAlternative)])]
    )
    // kettle-d's successor kettle-f; the closest alternative kettle-c is skipped (carol bought
    // it); then popular kettles.
    expectBlocks(
      compose(
        .replacement,
        customer: Shop.carol,
        context: ["kettle-d"],
        limits: ["replacements": 3]
      ),
      [
        (
          "replacements", .replacements,
          [("kettle-f", .successorLink), ("kettle-a", .sameCategory), ("kettle-b", .sameCategory)]
        )
      ]
    )
  }
}
