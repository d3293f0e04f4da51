import ShopRecAPI
import ShopRecCore
import SwiftProtobuf

/// Turns a composed letter (in the scratch) and due letters into API messages.
enum LetterEncoding {
  /// The `Letter` for the letter in `scratch`.
  static func letter(
    from scratch: LetterScratch,
    recipe: LetterRecipe,
    snapshot: Snapshot,
    now: Int64,
    customerID: String,
    requestID: String
  ) -> Shoprec_V1_Letter {
    var letter = Shoprec_V1_Letter()
    letter.trigger = Shoprec_V1_Trigger(rawValue: Int(scratch.trigger.rawValue)) ?? .unspecified
    letter.customerID = customerID
    letter.requestID = requestID
    letter.snapshotVersion = snapshot.version
    letter.blocks.reserveCapacity(scratch.blockCount)
    for block in 0 ..< scratch.blockCount {
      let blockRecipe = recipe.blocks[scratch.blockRecipe[block]]
      var encoded = Shoprec_V1_Block()
      encoded.key = blockRecipe.key
      encoded.strategy = blockRecipe.strategy.name
      let range = scratch.itemRange(ofBlock: block)
      encoded.items.reserveCapacity(range.count)
      for position in range {
        encoded.items.append(
          Self.item(
            Int(scratch.products[position]),
            score: scratch.scores[position],
            reason: scratch.reasons[position],
            snapshot: snapshot,
            now: now
          )
        )
      }
      letter.blocks.append(encoded)
    }
    return letter
  }

  static func item(
    _ product: Int,
    score: Float,
    reason: ReasonCode,
    snapshot: Snapshot,
    now: Int64
  ) -> Shoprec_V1_LetterItem {
    let catalog = snapshot.catalog
    var item = Shoprec_V1_LetterItem()
    item.productID = catalog.productIDs[product]
    item.reason = Shoprec_V1_Reason(rawValue: Int(reason.rawValue)) ?? .unspecified
    item.price = Double(catalog.regularPrice[product]) / 100
    if catalog.isOnSale(product, at: now) {
      item.salePrice = Double(catalog.salePrice[product]) / 100
    }
    item.title = catalog.titles[product]
    item.url = catalog.urls[product]
    item.pictureURL = catalog.pictures[product]
    item.inStock = catalog.isInStock(product)
    item.currency = catalog.currencies[Int(catalog.currency[product])]
    item.score = Double(score)
    return item
  }

  /// A letter that failed (bulk streams): no blocks, the error set.
  static func failedLetter(
    _ request: Shoprec_V1_ComposeRequest,
    error: String,
    snapshot: Snapshot?
  ) -> Shoprec_V1_Letter {
    var letter = Shoprec_V1_Letter()
    letter.trigger = request.trigger
    letter.customerID = request.customerID
    letter.requestID = request.requestID
    letter.snapshotVersion = snapshot?.version ?? ""
    letter.error = error
    return letter
  }

  /// The `DueLetter` message for `letter`.
  static func dueLetter(
    _ letter: DueLetter,
    products: [ProductIndex],
    snapshot: Snapshot
  ) -> Shoprec_V1_DueLetter {
    var message = Shoprec_V1_DueLetter()
    message.customerID = snapshot.orders.customerIDs[Int(letter.customer)]
    message.orderID = snapshot.orders.orderIDs[Int(letter.order)]
    message.trigger = Shoprec_V1_Trigger(rawValue: Int(letter.trigger.rawValue)) ?? .unspecified
    message.orderTime = Google_Protobuf_Timestamp(seconds: letter.orderTime)
    message.dueAt = Google_Protobuf_Timestamp(seconds: letter.dueAt)
    message.productIds = products.map { snapshot.catalog.productIDs[Int($0)] }
    message.snapshotVersion = snapshot.version
    return message
  }
}
