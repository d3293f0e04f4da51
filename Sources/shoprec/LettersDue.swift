import ArgumentParser
import ShopRecAPI
import ShopRecService
import SwiftProtobuf

/// `shoprec letters due`: the post-purchase letters due at a moment.
struct LettersDue: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "due",
    abstract: "List the post-purchase letters due at a moment."
  )

  @Option(help: "Only this customer.")
  var customer = ""

  @Option(help: "The moment: ISO 8601 or Unix seconds (default: now).")
  var now: String?

  @Option(help: "Due within this many days before the moment.")
  var windowDays: Double = 1

  @Option(name: .customLong("trigger"), help: "Only this post-purchase trigger (repeatable).")
  var triggers: [String] = []

  @OptionGroup var source: LettersSourceOptions

  @Flag(help: "Print one JSON object per line.")
  var json = false

  func run() async throws {
    var request = Shoprec_V1_DueRequest()
    request.customerID = self.customer
    if let now { request.now = Google_Protobuf_Timestamp(seconds: try LettersMoment.parse(now)) }
    guard self.windowDays > 0 && self.windowDays.isFinite else {
      throw ValidationError("--window-days must be positive")
    }
    request.window = Google_Protobuf_Duration(seconds: Int64((self.windowDays * 86_400).rounded()))
    for name in self.triggers {
      guard let trigger = Shoprec_V1_Trigger(protoName: name) else {
        throw ValidationError("unknown trigger '\(name)'")
      }
      request.triggers.append(trigger)
    }
    let service = try self.source.service()
    let letters: [Shoprec_V1_DueLetter]
    do {
      letters = try service.due(request)
    } catch {
      throw ValidationError("\(error.grpcStatus)")
    }
    if self.json {
      for letter in letters { print(try letter.jsonString()) }
      return
    }
    var rows = [["customer", "order", "letter", "ordered", "due", "products"]]
    for letter in letters {
      rows.append([
        letter.customerID, letter.orderID, letter.trigger.protoName,
        LettersMoment.format(letter.orderTime.seconds), LettersMoment.format(letter.dueAt.seconds),
        letter.productIds.joined(separator: " "),
      ])
    }
    print(TextTable.render(rows))
    print("\(letters.count) letters due")
  }
}
