/// The letter recipes of every trigger and the post-purchase schedule: the composer's settings.
///
/// ``defaults`` holds the recipes in code; a JSON settings file (docs/letters.md) replaces any of
/// them and the schedule, see ``LetterRecipes/parse(json:file:)``.
public struct LetterRecipes: Sendable, Hashable {
  /// The most items a block may show.
  public static let maximumBlockLimit = 100

  /// One recipe per trigger, by `trigger.rawValue - 1`.
  private var recipes: [LetterRecipe]
  /// When post-purchase letters fall due.
  public var schedule: PostPurchaseSchedule

  /// The recipe of `trigger`.
  public subscript(trigger: LetterTrigger) -> LetterRecipe {
    self.recipes[Int(trigger.rawValue) - 1]
  }

  /// Settings from one recipe per trigger (each checked with ``validate(_:)``).
  public init(recipes: [LetterRecipe], schedule: PostPurchaseSchedule) throws(LetterSettingsError) {
    var byTrigger: [LetterRecipe?] = Array(repeating: nil, count: LetterTrigger.allCases.count)
    for recipe in recipes {
      try Self.validate(recipe)
      let slot = Int(recipe.trigger.rawValue) - 1
      guard byTrigger[slot] == nil else {
        throw LetterSettingsError(path: "recipes.\(recipe.trigger.name)", "given twice")
      }
      byTrigger[slot] = recipe
    }
    var complete: [LetterRecipe] = []
    for trigger in LetterTrigger.allCases {
      guard let recipe = byTrigger[Int(trigger.rawValue) - 1] else {
        throw LetterSettingsError(path: "recipes.\(trigger.name)", "missing")
      }
      complete.append(recipe)
    }
    try Self.validate(schedule)
    self.recipes = complete
    self.schedule = schedule
  }

  /// Replaces the recipe of `recipe.trigger` (checked with ``validate(_:)``).
  public mutating func replace(_ recipe: LetterRecipe) throws(LetterSettingsError) {
    try Self.validate(recipe)
    self.recipes[Int(recipe.trigger.rawValue) - 1] = recipe
  }

  /// Checks a recipe: at least one block, keys non-empty and unique, limits within
  /// 1...``maximumBlockLimit``, minimums within 0...limit.
  public static func validate(_ recipe: LetterRecipe) throws(LetterSettingsError) {
    let path = "recipes.\(recipe.trigger.name)"
    guard !recipe.blocks.isEmpty else { throw LetterSettingsError(path: path, "has no blocks") }
    for (position, block) in recipe.blocks.enumerated() {
      let here = "\(path)[\(position)]"
      guard !block.key.isEmpty else { throw LetterSettingsError(path: here + ".key", "is empty") }
      if recipe.blocks[..<position].contains(where: { $0.key == block.key }) {
        throw LetterSettingsError(path: here + ".key", "'\(block.key)' is used by another block")
      }
      guard (1 ... Self.maximumBlockLimit).contains(block.limit) else {
        throw LetterSettingsError(
          path: here + ".limit",
          "must be 1...\(Self.maximumBlockLimit), got \(block.limit)"
        )
      }
      guard (0 ... block.limit).contains(block.minItems) else {
        throw LetterSettingsError(
          path: here + ".min_items",
          "must be 0...limit (\(block.limit)), got \(block.minItems)"
        )
      }
    }
  }

  /// Checks a schedule: every offset and life cycle positive.
  public static func validate(_ schedule: PostPurchaseSchedule) throws(LetterSettingsError) {
    let offsets: [(String, Int64)] = [
      ("rating_days", schedule.rating), ("accessories_days", schedule.accessories),
      ("review_days", schedule.review), ("replacement_days", schedule.replacement),
    ]
    for (name, seconds) in offsets where seconds <= 0 {
      throw LetterSettingsError(path: "schedule.\(name)", "must be positive")
    }
    for (category, seconds) in schedule.replacementByCategory where seconds <= 0 {
      throw LetterSettingsError(
        path: "schedule.replacement_days_by_category.\(category)",
        "must be positive"
      )
    }
  }
}
