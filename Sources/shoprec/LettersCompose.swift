import ArgumentParser
import Foundation
import ShopRecAPI
import ShopRecService
import SwiftProtobuf

/// `shoprec letters compose`: one letter, printed as tables or JSON.
struct LettersCompose: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "compose",
    abstract: "Compose one letter."
  )

  @Argument(help: "The trigger, e.g. WISHLIST or POST_PURCHASE_REVIEW.")
  var trigger: String

  @Option(help: "The customer (their purchases are never recommended).")
  var customer = ""

  @Option(name: .customLong("product"), help: "A context product id (repeatable).")
  var products: [String] = []

  @Option(help: "Post-purchase: the order the letter is about.")
  var order = ""

  @Option(help: "The moment: ISO 8601 or Unix seconds (default: now).")
  var now: String?

  @Option(name: .customLong("limit"), help: "A block limit as key=n (repeatable).")
  var limits: [String] = []

  @OptionGroup var source: LettersSourceOptions

  @Flag(help: "Print the letter as JSON.")
  var json = false

  func run() async throws {
    guard let trigger = Shoprec_V1_Trigger(protoName: self.trigger) else {
      throw ValidationError("unknown trigger '\(self.trigger)'")
    }
    var request = Shoprec_V1_ComposeRequest()
    request.trigger = trigger
    request.customerID = self.customer
    request.productIds = self.products
    request.orderID = self.order
    if let now { request.now = Google_Protobuf_Timestamp(seconds: try LettersMoment.parse(now)) }
    for limit in self.limits {
      let parts = limit.split(separator: "=", maxSplits: 1)
      guard parts.count == 2, let value = Int32(parts[1]) else {
        throw ValidationError("--limit takes key=n, got '\(limit)'")
      }
      request.blockLimits[String(parts[0])] = value
    }
    let service = try self.source.service()
    let letter: Shoprec_V1_Letter
    do {
      letter = try service.compose(request)
    } catch {
      throw ValidationError("\(error.grpcStatus)")
    }
    if self.json {
      print(try letter.jsonString())
      return
    }
    for block in letter.blocks {
      print("\(block.key) (\(block.strategy))")
      var rows = [["#", "product", "title", "price", "sale", "stock", "reason"]]
      for (position, item) in block.items.enumerated() {
        rows.append([
          "\(position + 1)", item.productID, String(item.title.prefix(40)),
          String(format: "%.2f %@", item.price, item.currency),
          item.salePrice > 0 ? String(format: "%.2f", item.salePrice) : "",
          item.inStock ? "yes" : "no", "\(item.reason)",
        ])
      }
      print(TextTable.render(rows) + "\n")
    }
    print("\(letter.blocks.count) blocks, snapshot \(letter.snapshotVersion)")
  }
}

extension Shoprec_V1_Trigger {
  /// The trigger with the proto name `name` (`WISHLIST`), or nil.
  init?(protoName name: String) {
    guard
      let value = Self.allCases.first(where: { "\($0)" != "unspecified" && $0.protoName == name })
    else { return nil }
    self = value
  }

  var protoName: String {
    switch self {
    case .unspecified: "TRIGGER_UNSPECIFIED"
    case .waitlist: "WAITLIST"
    case .wishlist: "WISHLIST"
    case .abandonedCart: "ABANDONED_CART"
    case .postPurchaseRating: "POST_PURCHASE_RATING"
    case .postPurchaseAccessories: "POST_PURCHASE_ACCESSORIES"
    case .postPurchaseReview: "POST_PURCHASE_REVIEW"
    case .replacement: "REPLACEMENT"
    case .UNRECOGNIZED(let value): "\(value)"
    }
  }
}
