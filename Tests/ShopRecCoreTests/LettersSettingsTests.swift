import ShopRecCore
import Testing

/// The JSON settings file: overrides, and clear errors naming file and JSON path.
@Suite("Letter settings file")
struct LettersSettingsTests {
  func parse(_ text: String) throws(LetterSettingsError) -> LetterRecipes {
    try LetterRecipes.parse(json: Array(text.utf8), file: "letters.json")
  }

  func error(_ text: String) -> String? {
    do {
      _ = try parse(text)
      return nil
    } catch {
      return error.description
    }
  }

  @Test("an empty object keeps the defaults")
  func emptyKeepsDefaults() throws {
    #expect(try parse("{}") == LetterRecipes.defaults)
  }

  @Test("a file replaces the recipes it names and the schedule fields it sets")
  func overrides() throws {
    let recipes = try parse(
      """
      {
        "schedule": {
          "review_days": 10,
          "replacement_days": 365,
          "replacement_days_by_category": {"phones": 730, "batteries": 0.5}
        },
        "recipes": {
          "WAITLIST": [
            {"key": "alternatives", "strategy": "similar", "limit": 4, "context": "first"},
            {"key": "deals", "strategy": "on_sale", "limit": 3, "min_items": 0,
             "when_short": "keep"}
          ]
        }
      }
      """
    )
    #expect(
      recipes[.waitlist].blocks == [
        BlockRecipe(
          key: "alternatives",
          strategy: .similar,
          limit: 4,
          minItems: 1,
          whenShort: .backfill,
          context: .first
        ),
        BlockRecipe(key: "deals", strategy: .onSale, limit: 3, minItems: 0, whenShort: .keep),
      ]
    )
    #expect(recipes[.wishlist] == LetterRecipes.defaults[.wishlist])
    let day = PostPurchaseSchedule.day
    #expect(recipes.schedule.rating == 3 * day)
    #expect(recipes.schedule.review == 10 * day)
    #expect(recipes.schedule.replacement == 365 * day)
    #expect(recipes.schedule.replacementByCategory == ["phones": 730 * day, "batteries": day / 2])
  }

  @Test("context strategies default to keep, recommendation strategies to backfill")
  func whenShortDefaults() throws {
    let recipes = try parse(
      """
      {"recipes": {"ABANDONED_CART": [
        {"key": "cart", "strategy": "reminder", "limit": 5},
        {"key": "more", "strategy": "bought_together", "limit": 5}
      ]}}
      """
    )
    #expect(recipes[.abandonedCart].blocks.map(\.whenShort) == [.keep, .backfill])
  }

  @Test("errors name the file, the JSON path and the problem")
  func errors() {
    let cases: [(String, String)] = [
      ("[1]", "letters.json: (top level): must be an object, got an array"),
      (
        #"{"schedul": {}}"#,
        "letters.json: schedul: unknown field (expected one of recipes, schedule)"
      ),
      (
        #"{"recipes": {"WAITLST": []}}"#,
        "letters.json: recipes.WAITLST: unknown trigger (expected one of WAITLIST, WISHLIST, "
          + "ABANDONED_CART, POST_PURCHASE_RATING, POST_PURCHASE_ACCESSORIES, "
          + "POST_PURCHASE_REVIEW, REPLACEMENT)"
      ),
      (
        #"{"recipes": {"WAITLIST": {}}}"#,
        "letters.json: recipes.WAITLIST: must be an array of blocks, got an object"
      ),
      (#"{"recipes": {"WAITLIST": []}}"#, "letters.json: recipes.WAITLIST: has no blocks"),
      (
        #"{"recipes": {"WAITLIST": [{"key": "a", "strategy": "simlar", "limit": 3}]}}"#,
        "letters.json: recipes.WAITLIST[0].strategy: unknown value 'simlar' (expected one of "
          + "reminder, sale_on_items, similar, on_sale, accessories, replacements, "
          + "bought_together, purchased_items)"
      ),
      (
        #"{"recipes": {"WAITLIST": [{"key": "a", "strategy": "similar"}]}}"#,
        "letters.json: recipes.WAITLIST[0].limit: is required"
      ),
      (
        #"{"recipes": {"WAITLIST": [{"key": "a", "strategy": "similar", "limit": 0}]}}"#,
        "letters.json: recipes.WAITLIST[0].limit: must be 1...100, got 0"
      ),
      (
        #"{"recipes": {"WAITLIST": [{"key": "a", "strategy": "similar", "limit": 2.5}]}}"#,
        "letters.json: recipes.WAITLIST[0].limit: must be a whole number, got a number"
      ),
      (
        #"{"recipes": {"WAITLIST": [{"key": "a", "strategy": "similar", "limit": 2, "#
          + #""min_items": 3}]}}"#,
        "letters.json: recipes.WAITLIST[0].min_items: must be 0...limit (2), got 3"
      ),
      (
        #"{"recipes": {"WAITLIST": [{"key": "a", "strategy": "similar", "limit": 2}, "#
          + #"{"key": "a", "strategy": "on_sale", "limit": 2}]}}"#,
        "letters.json: recipes.WAITLIST[1].key: 'a' is used by another block"
      ),
      (
        #"{"recipes": {"WAITLIST": [{"key": "a", "strategy": "similar", "limit": 2, "#
          + #""colour": 1}]}}"#,
        "letters.json: recipes.WAITLIST[0].colour: unknown field (expected one of context, key, "
          + "limit, min_items, strategy, when_short)"
      ),
      (
        #"{"recipes": {"WAITLIST": [{"key": 7, "strategy": "similar", "limit": 2}]}}"#,
        "letters.json: recipes.WAITLIST[0].key: must be a string, got a number"
      ),
      (
        #"{"schedule": {"review_days": -1}}"#,
        "letters.json: schedule.review_days: must be more than 0 and at most 36500 days, got -1.0"
      ),
      (
        #"{"schedule": {"replacement_days_by_category": {"phones": "long"}}}"#,
        "letters.json: schedule.replacement_days_by_category.phones: must be a number of days, "
          + "got a string"
      ),
    ]
    for (text, expected) in cases {
      #expect(error(text) == expected, "\(text)")
    }
    #expect(error("{\"recipes\": ")?.hasPrefix("letters.json: not valid JSON") == true)
  }

  @Test("recipes built in code are validated too")
  func codeValidation() {
    #expect(throws: LetterSettingsError.self) {
      try LetterRecipes(recipes: Array(LetterRecipes.defaultRecipes.dropLast()), schedule: .init())
    }
    var schedule = PostPurchaseSchedule()
    schedule.rating = 0
    #expect(throws: LetterSettingsError(path: "schedule.rating_days", "must be positive")) {
      try LetterRecipes(recipes: LetterRecipes.defaultRecipes, schedule: schedule)
    }
  }

  @Test("trigger and strategy names round-trip")
  func names() {
    for trigger in LetterTrigger.allCases { #expect(LetterTrigger(name: trigger.name) == trigger) }
    #expect(LetterTrigger(name: "waitlist") == nil)
    #expect(LetterTrigger.allCases.filter(\.isPostPurchase) == LetterTrigger.postPurchase)
    #expect(
      BlockStrategy.allCases.filter { !$0.isRecommendation } == [
        .reminder, .saleOnItems, .purchasedItems,
      ]
    )
  }
}
