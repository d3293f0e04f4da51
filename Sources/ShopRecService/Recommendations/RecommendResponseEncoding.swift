import ShopRecAPI
import ShopRecCore

/// Turns a query's results (in the scratch) into the API response.
enum RecommendResponseEncoding {
  static func response(
    from scratch: RecommendationScratch,
    snapshot: Snapshot,
    now: Int64
  ) -> Shoprec_V1_RecommendResponse {
    var response = Shoprec_V1_RecommendResponse()
    response.snapshotVersion = snapshot.version
    response.items.reserveCapacity(scratch.count)
    for position in 0 ..< scratch.count {
      response.items.append(
        item(
          Int(scratch.products[position]),
          score: scratch.scores[position],
          reason: scratch.reasons[position],
          snapshot: snapshot,
          now: now
        )
      )
    }
    return response
  }

  static func item(
    _ product: Int,
    score: Float,
    reason: ReasonCode,
    snapshot: Snapshot,
    now: Int64
  ) -> Shoprec_V1_RecommendedItem {
    let catalog = snapshot.catalog
    var item = Shoprec_V1_RecommendedItem()
    item.productID = catalog.productIDs[product]
    item.score = Double(score)
    item.reason = Shoprec_V1_Reason(rawValue: Int(reason.rawValue)) ?? .unspecified
    item.price = Double(catalog.regularPrice[product]) / 100
    if catalog.isOnSale(product, at: now) {
      item.salePrice = Double(catalog.salePrice[product]) / 100
    }
    item.title = catalog.titles[product]
    item.currency = catalog.currencies[Int(catalog.currency[product])]
    item.inStock = catalog.isInStock(product)
    let category = catalog.category[product]
    if category >= 0 { item.categoryID = snapshot.categories.ids[Int(category)] }
    return item
  }
}
