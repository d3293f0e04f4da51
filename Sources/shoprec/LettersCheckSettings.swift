import ArgumentParser
import ShopRecCore

/// `shoprec letters check-settings`: validates a letter settings file and prints the result.
struct LettersCheckSettings: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check-settings",
    abstract: "Check a letter settings file and print the recipes and schedule it gives."
  )

  @Argument(help: "The JSON settings file (docs/letters.md).")
  var path: String

  func run() throws {
    let recipes = try LetterSettingsFile.load(path: self.path)
    let schedule = recipes.schedule
    let day = Double(PostPurchaseSchedule.day)
    print(
      "schedule: rating \(Double(schedule.rating) / day) d, accessories "
        + "\(Double(schedule.accessories) / day) d, review \(Double(schedule.review) / day) d, "
        + "replacement \(Double(schedule.replacement) / day) d"
    )
    for (category, seconds) in schedule.replacementByCategory.sorted(by: { $0.key < $1.key }) {
      print("  life cycle of \(category): \(Double(seconds) / day) d")
    }
    for trigger in LetterTrigger.allCases {
      let blocks = recipes[trigger].blocks.map { block in
        "\(block.key)=\(block.strategy.name)(limit \(block.limit), min \(block.minItems), "
          + "\(block.whenShort.rawValue), \(block.context.rawValue))"
      }
      print("\(trigger.name): " + blocks.joined(separator: "; "))
    }
  }
}
