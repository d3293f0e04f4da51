extension LetterRecipes {
  /// The recipes in code, from shop e-mail practice (docs/letters.md explains each), and the
  /// default schedule (3, 5 and 14 days, a 90-day life cycle).
  public static let defaults: LetterRecipes = {
    do {
      return try LetterRecipes(recipes: defaultRecipes, schedule: PostPurchaseSchedule())
    } catch {
      preconditionFailure("the default letter recipes are invalid: \(error)")
    }
  }()

  /// The default recipe of every trigger.
  public static let defaultRecipes: [LetterRecipe] = [
    LetterRecipe(
      trigger: .waitlist,
      blocks: [
        BlockRecipe(key: "similar", strategy: .similar, limit: 6, whenShort: .backfill),
        BlockRecipe(key: "on_sale", strategy: .onSale, limit: 6, minItems: 2, whenShort: .drop),
      ]
    ),
    LetterRecipe(
      trigger: .wishlist,
      blocks: [
        BlockRecipe(key: "sale_on_item", strategy: .saleOnItems, limit: 4, whenShort: .drop),
        BlockRecipe(key: "reminder", strategy: .reminder, limit: 4, whenShort: .keep),
        BlockRecipe(key: "similar", strategy: .similar, limit: 6, whenShort: .backfill),
        BlockRecipe(key: "on_sale", strategy: .onSale, limit: 6, minItems: 2, whenShort: .drop),
      ]
    ),
    LetterRecipe(
      trigger: .abandonedCart,
      blocks: [
        BlockRecipe(key: "cart_sales", strategy: .saleOnItems, limit: 20, whenShort: .drop),
        BlockRecipe(key: "cart", strategy: .reminder, limit: 20, whenShort: .keep),
        BlockRecipe(
          key: "bought_together",
          strategy: .boughtTogether,
          limit: 6,
          minItems: 2,
          whenShort: .backfill
        ),
      ]
    ),
    LetterRecipe(
      trigger: .postPurchaseRating,
      blocks: [
        BlockRecipe(key: "order", strategy: .purchasedItems, limit: 20, whenShort: .keep)
      ]
    ),
    LetterRecipe(
      trigger: .postPurchaseAccessories,
      blocks: [
        BlockRecipe(
          key: "accessories",
          strategy: .accessories,
          limit: 6,
          minItems: 2,
          whenShort: .backfill
        )
      ]
    ),
    LetterRecipe(
      trigger: .postPurchaseReview,
      blocks: [
        BlockRecipe(key: "review", strategy: .purchasedItems, limit: 20, whenShort: .keep)
      ]
    ),
    LetterRecipe(
      trigger: .replacement,
      blocks: [
        BlockRecipe(key: "replacements", strategy: .replacements, limit: 6, whenShort: .backfill)
      ]
    ),
  ]
}
