import ArgumentParser
import Foundation
import ShopRecAPI
import ShopRecCore
import ShopRecIngestion
import ShopRecService
import SwiftProtobuf

/// `shoprec query`: ask for a recommendation list locally, without a server.
struct Query: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Print a recommendation list from a snapshot file (or the demo shop).",
    discussion: """
      Runs the same request handling as the server, in-process. Examples:
        shoprec query similar P000123
        shoprec query on-sale --category C0012 --json
        shoprec query bought-together P000001 P000002 --snapshot shop.shoprec
      """
  )

  enum Kind: String, ExpressibleByArgument, CaseIterable {
    case similar
    case onSale = "on-sale"
    case accessories
    case replacements
    case boughtTogether = "bought-together"
  }

  @Argument(help: "similar, on-sale, accessories, replacements or bought-together.")
  var kind: Kind

  @Argument(help: "Product id(s): one, or a basket for bought-together.")
  var productIDs: [String] = []

  @Option(help: "Snapshot file (default: the built-in demo shop).")
  var snapshot: String?

  @Option(help: "Category id (on-sale without a product).")
  var category: String?

  @Option(help: "How many items (default 10, at most 100).")
  var limit: Int32 = 0

  @Option(help: "Leave out what this customer bought.")
  var customer = ""

  @Flag(help: "Allow out-of-stock items.")
  var includeOutOfStock = false

  @Option(help: "Lowest price.") var minPrice: Double?
  @Option(help: "Highest price.") var maxPrice: Double?
  @Option(help: "Only this brand (repeatable).") var brand: [String] = []
  @Option(help: "Never this brand (repeatable).") var excludeBrand: [String] = []
  @Option(help: "Only within this category id (repeatable).") var inCategory: [String] = []
  @Option(help: "Never within this category id (repeatable).") var excludeCategory: [String] = []
  @Option(help: "Never this product id (repeatable).") var excludeProduct: [String] = []

  @Flag(help: "Print the response as JSON.")
  var json = false

  func run() async throws {
    let snapshot =
      try self.snapshot.map { try SnapshotFileReader.load(path: $0) }
      ?? SyntheticShop.demoSnapshot()
    let service = RecommendationsService(store: SnapshotStore(snapshot: snapshot))
    var filters = Shoprec_V1_Filters()
    if self.includeOutOfStock { filters.inStockOnly = false }
    if let minPrice { filters.minPrice = minPrice }
    if let maxPrice { filters.maxPrice = maxPrice }
    filters.includeBrands = self.brand
    filters.excludeBrands = self.excludeBrand
    filters.includeCategories = self.inCategory
    filters.excludeCategories = self.excludeCategory
    filters.excludeProductIds = self.excludeProduct
    let response: Shoprec_V1_RecommendResponse
    do {
      response = try self.ask(service, filters: filters)
    } catch {
      throw ValidationError("\(error.grpcStatus)")
    }
    if self.json {
      var options = JSONEncodingOptions()
      options.alwaysPrintEnumsAsInts = false
      print(try response.jsonString(options: options))
    } else {
      print(Self.table(response))
    }
  }

  private func ask(
    _ service: RecommendationsService,
    filters: Shoprec_V1_Filters
  ) throws(ServiceError) -> Shoprec_V1_RecommendResponse {
    let first = self.productIDs.first ?? ""
    switch self.kind {
    case .similar:
      return try service.similar(
        .with {
          $0.productID = first
          $0.limit = self.limit
          $0.filters = filters
          $0.customerID = self.customer
        }
      )
    case .onSale:
      return try service.onSale(
        .with {
          $0.productID = first
          $0.categoryID = self.category ?? ""
          $0.limit = self.limit
          $0.filters = filters
          $0.customerID = self.customer
        }
      )
    case .accessories:
      return try service.accessories(
        .with {
          $0.productID = first
          $0.limit = self.limit
          $0.filters = filters
          $0.customerID = self.customer
        }
      )
    case .replacements:
      return try service.replacements(
        .with {
          $0.productID = first
          $0.limit = self.limit
          $0.filters = filters
          $0.customerID = self.customer
        }
      )
    case .boughtTogether:
      return try service.boughtTogether(
        .with {
          $0.productIds = self.productIDs
          $0.limit = self.limit
          $0.filters = filters
          $0.customerID = self.customer
        }
      )
    }
  }

  static func table(_ response: Shoprec_V1_RecommendResponse) -> String {
    var rows = [["#", "product", "title", "price", "sale", "stock", "reason", "score"]]
    for (position, item) in response.items.enumerated() {
      rows.append([
        "\(position + 1)", item.productID, String(item.title.prefix(40)),
        String(format: "%.2f %@", item.price, item.currency),
        item.salePrice > 0 ? String(format: "%.2f", item.salePrice) : "",
        item.inStock ? "yes" : "no",
        "\(item.reason)", String(format: "%.3f", item.score),
      ])
    }
    return TextTable.render(rows)
      + "\n\(response.items.count) items, snapshot \(response.snapshotVersion)"
  }
}
