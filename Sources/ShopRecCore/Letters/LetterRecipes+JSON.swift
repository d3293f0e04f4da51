extension LetterRecipes {
  /// Settings from a JSON settings file (format in docs/letters.md): the defaults, with the
  /// schedule fields and the recipes it names replaced. Errors name the file and the JSON path.
  public static func parse(
    json bytes: [UInt8],
    file: String
  ) throws(LetterSettingsError)
    -> LetterRecipes
  {
    var reader = SettingsReader(file: file)
    return try reader.settings(SettingsJSON.parse(bytes, file: file))
  }
}

/// Walks a parsed settings document, checking every field.
struct SettingsReader {
  let file: String

  func error(_ path: String, _ message: String) -> LetterSettingsError {
    LetterSettingsError(file: self.file, path: path, message)
  }

  mutating func settings(_ root: SettingsJSON) throws(LetterSettingsError) -> LetterRecipes {
    let fields = try self.object(root, path: "", allowed: ["schedule", "recipes"])
    var settings = LetterRecipes.defaults
    if let schedule = fields["schedule"] {
      settings.schedule = try self.schedule(schedule)
    }
    if let recipes = fields["recipes"] {
      let byTrigger = try self.object(recipes, path: "recipes", allowed: nil)
      for name in byTrigger.keys.sorted() {
        let path = "recipes.\(name)"
        guard let trigger = LetterTrigger(name: name) else {
          let known = LetterTrigger.allCases.map(\.name).joined(separator: ", ")
          throw self.error(path, "unknown trigger (expected one of \(known))")
        }
        guard case .array(let blocks) = byTrigger[name]! else {
          throw self.error(path, "must be an array of blocks, got \(byTrigger[name]!.kind)")
        }
        var recipe = LetterRecipe(trigger: trigger, blocks: [])
        for (position, block) in blocks.enumerated() {
          recipe.blocks.append(try self.block(block, path: "\(path)[\(position)]"))
        }
        do {
          try settings.replace(recipe)
        } catch {
          throw LetterSettingsError(file: self.file, path: error.path, error.message)
        }
      }
    }
    return settings
  }

  func schedule(_ value: SettingsJSON) throws(LetterSettingsError) -> PostPurchaseSchedule {
    let fields = try self.object(
      value,
      path: "schedule",
      allowed: [
        "rating_days", "accessories_days", "review_days", "replacement_days",
        "replacement_days_by_category",
      ]
    )
    var schedule = PostPurchaseSchedule()
    if let days = fields["rating_days"] {
      schedule.rating = try self.seconds(days, path: "schedule.rating_days")
    }
    if let days = fields["accessories_days"] {
      schedule.accessories = try self.seconds(days, path: "schedule.accessories_days")
    }
    if let days = fields["review_days"] {
      schedule.review = try self.seconds(days, path: "schedule.review_days")
    }
    if let days = fields["replacement_days"] {
      schedule.replacement = try self.seconds(days, path: "schedule.replacement_days")
    }
    if let byCategory = fields["replacement_days_by_category"] {
      let path = "schedule.replacement_days_by_category"
      for (category, days) in try self.object(byCategory, path: path, allowed: nil) {
        guard !category.isEmpty else { throw self.error(path, "a category id is empty") }
        schedule.replacementByCategory[category] = try self.seconds(
          days,
          path: "\(path).\(category)"
        )
      }
    }
    return schedule
  }

  func block(_ value: SettingsJSON, path: String) throws(LetterSettingsError) -> BlockRecipe {
    let fields = try self.object(
      value,
      path: path,
      allowed: ["key", "strategy", "limit", "min_items", "when_short", "context"]
    )
    guard let key = fields["key"] else { throw self.error(path + ".key", "is required") }
    guard let strategyName = fields["strategy"] else {
      throw self.error(path + ".strategy", "is required")
    }
    guard let limit = fields["limit"] else { throw self.error(path + ".limit", "is required") }
    let strategy: BlockStrategy = try self.choice(strategyName, path: path + ".strategy")
    var block = BlockRecipe(
      key: try self.string(key, path: path + ".key"),
      strategy: strategy,
      limit: try self.integer(limit, path: path + ".limit"),
      whenShort: strategy.isRecommendation ? .backfill : .keep
    )
    if let minItems = fields["min_items"] {
      block.minItems = try self.integer(minItems, path: path + ".min_items")
    }
    if let whenShort = fields["when_short"] {
      block.whenShort = try self.choice(whenShort, path: path + ".when_short")
    }
    if let context = fields["context"] {
      block.context = try self.choice(context, path: path + ".context")
    }
    return block
  }

  // MARK: values

  func object(
    _ value: SettingsJSON,
    path: String,
    allowed: Set<String>?
  ) throws(LetterSettingsError) -> [String: SettingsJSON] {
    guard case .object(let fields) = value else {
      throw self.error(path.isEmpty ? "(top level)" : path, "must be an object, got \(value.kind)")
    }
    if let allowed {
      for name in fields.keys.sorted() where !allowed.contains(name) {
        let known = allowed.sorted().joined(separator: ", ")
        throw self.error(
          path.isEmpty ? name : "\(path).\(name)",
          "unknown field (expected one of \(known))"
        )
      }
    }
    return fields
  }

  func string(_ value: SettingsJSON, path: String) throws(LetterSettingsError) -> String {
    guard case .string(let text) = value else {
      throw self.error(path, "must be a string, got \(value.kind)")
    }
    return text
  }

  func integer(_ value: SettingsJSON, path: String) throws(LetterSettingsError) -> Int {
    guard case .number(let number) = value, number.rounded() == number, abs(number) < 1e9 else {
      throw self.error(path, "must be a whole number, got \(value.kind)")
    }
    return Int(number)
  }

  /// Days (whole or fractional) as seconds; must be positive.
  func seconds(_ value: SettingsJSON, path: String) throws(LetterSettingsError) -> Int64 {
    guard case .number(let days) = value, days.isFinite else {
      throw self.error(path, "must be a number of days, got \(value.kind)")
    }
    guard days > 0 && days <= 36_500 else {
      throw self.error(path, "must be more than 0 and at most 36500 days, got \(days)")
    }
    return Int64((days * Double(PostPurchaseSchedule.day)).rounded())
  }

  func choice<Choice: RawRepresentable & CaseIterable>(
    _ value: SettingsJSON,
    path: String
  ) throws(LetterSettingsError) -> Choice where Choice.RawValue == String {
    let text = try self.string(value, path: path)
    guard let choice = Choice(rawValue: text) else {
      let known = Choice.allCases.map(\.rawValue).joined(separator: ", ")
      throw self.error(path, "unknown value '\(text)' (expected one of \(known))")
    }
    return choice
  }
}
