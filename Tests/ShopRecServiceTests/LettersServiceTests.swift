import GRPCTestClient
import GRPCNGHTTP2
import ShopRecAPI
import ShopRecCore
import ShopRecService
import SwiftProtobuf
import Testing

/// `shoprec.v1.Letters` over a real loopback server, with a raw nghttp2 client.
@Suite("Letters service over the wire")
struct LettersServiceTests {
  static let snapshot = LettersDemo.snapshot
  /// 30 days before the demo's end: inside its sale windows and order history.
  static let now = LettersDemo.snapshot.metadata.builtAt - 30 * 86_400

  /// The customer with the most orders, and their orders oldest first, from the raw order log.
  static func busiestCustomer() -> (id: String, orders: [Int]) {
    let log = LettersDemo.orderLog
    var byCustomer: [Int32: [Int]] = [:]
    for order in 0 ..< log.orderCount {
      byCustomer[log.orderCustomer[order], default: []].append(order)
    }
    let (customer, orders) = byCustomer.max { ($0.value.count, $1.key) < ($1.value.count, $0.key) }!
    let sorted = orders.sorted { (log.orderTime[$0], $0) < (log.orderTime[$1], $1) }
    return (log.customerIDs[Int(customer)], sorted)
  }

  /// The distinct product ids of raw-log order `order`, in first-seen order.
  static func products(ofLogOrder order: Int) -> [String] {
    let log = LettersDemo.orderLog
    var seen: [String] = []
    for line in 0 ..< log.lineCount where Int(log.lineOrder[line]) == order {
      let id = log.productIDs[Int(log.lineProduct[line])]
      if !seen.contains(id) { seen.append(id) }
    }
    return seen
  }

  func request(
    _ trigger: Shoprec_V1_Trigger,
    customer: String = "",
    products: [String] = [],
    order: String = "",
    requestID: String = ""
  ) -> Shoprec_V1_ComposeRequest {
    .with {
      $0.trigger = trigger
      $0.customerID = customer
      $0.productIds = products
      $0.orderID = order
      $0.requestID = requestID
      $0.now = Google_Protobuf_Timestamp(seconds: Self.now)
    }
  }

  func ruleProblems(
    _ letter: Shoprec_V1_Letter,
    _ request: Shoprec_V1_ComposeRequest,
    context: [String]
  ) -> [String] {
    let snapshot = Self.snapshot
    let trigger = LetterTrigger(rawValue: UInt8(request.trigger.rawValue))!
    let index = { (id: String) in ProductIndex(snapshot.catalog.productIDs.position(of: id)!) }
    let check = LettersRuleCheck(
      snapshot: snapshot,
      recipe: LetterRecipes.defaults[trigger],
      customer: snapshot.orders.customerIDs.position(of: request.customerID).map(
        CustomerIndex.init
      ),
      context: context.map(index),
      now: request.now.seconds,
      limits: request.blockLimits.mapValues(Int.init)
    )
    return check.violations(
      letter.blocks.map {
        .init(key: $0.key, strategy: $0.strategy, products: $0.items.map { index($0.productID) })
      }
    )
  }

  @Test("Compose answers the letter the composer makes, with item details from the catalog")
  func compose() async throws {
    let running = try await LettersTestServer.start()
    let client = try TestHTTP2Client(port: running.port)
    let customer = Self.busiestCustomer()
    let catalog = Self.snapshot.catalog
    // Two wished items: one on sale (if the shop has one in stock) and one not.
    let onSale = (0 ..< catalog.count).first {
      catalog.isOnSale($0, at: Self.now) && catalog.isInStock($0)
    }!
    let wished = [catalog.productIDs[onSale], catalog.productIDs[0]]
    let request = self.request(.wishlist, customer: customer.id, products: wished, requestID: "r-1")
    let response = try await client.call(TestHTTP2Client.composePath, request)
    #expect(response.grpcStatus == 0)
    let letter = try #require(try response.decoded(Shoprec_V1_Letter.self).first)
    #expect(letter.requestID == "r-1")
    #expect(letter.customerID == customer.id)
    #expect(letter.trigger == .wishlist)
    #expect(letter.snapshotVersion == Self.snapshot.version)
    #expect(letter.error.isEmpty)
    #expect(letter.blocks.first?.key == "sale_on_item")
    #expect(letter.blocks.first?.items.map(\.productID) == [wished[0]])
    #expect(ruleProblems(letter, request, context: wished).isEmpty)

    let expected = LetterComposer(snapshot: Self.snapshot).composeLetter(
      LetterRequest(
        trigger: .wishlist,
        customer: Self.snapshot.orders.customerIDs.position(of: customer.id).map(
          CustomerIndex.init
        ),
        context: wished.map { ProductIndex(catalog.productIDs.position(of: $0)!) },
        now: Self.now
      )
    )
    #expect(letter.blocks.map(\.key) == expected.blocks.map(\.key))
    #expect(
      letter.blocks.map { $0.items.map(\.productID) }
        == expected.blocks.map { $0.products.map { catalog.productIDs[Int($0)] } }
    )
    for item in letter.blocks.flatMap(\.items) {
      let product = catalog.productIDs.position(of: item.productID)!
      #expect(item.price == Double(catalog.regularPrice[product]) / 100)
      #expect(
        item.salePrice
          == (catalog.isOnSale(product, at: Self.now)
            ? Double(catalog.salePrice[product]) / 100 : 0)
      )
      #expect(item.title == catalog.titles[product])
      #expect(item.inStock == catalog.isInStock(product))
      #expect(item.currency == "EUR")
      #expect(item.reason != .unspecified)
    }
    try await running.stop()
  }

  @Test("post-purchase context: the customer's latest order, or the named order")
  func postPurchaseContext() async throws {
    let running = try await LettersTestServer.start()
    let client = try TestHTTP2Client(port: running.port)
    let customer = Self.busiestCustomer()
    let log = LettersDemo.orderLog
    let latest = customer.orders.last!
    let first = customer.orders.first!

    let byCustomer = try await client.call(
      TestHTTP2Client.composePath,
      self.request(.postPurchaseRating, customer: customer.id)
    )
    let latestLetter = try #require(try byCustomer.decoded(Shoprec_V1_Letter.self).first)
    #expect(latestLetter.blocks.map(\.key) == ["order"])
    #expect(
      Set(latestLetter.blocks[0].items.map(\.productID)) == Set(Self.products(ofLogOrder: latest))
    )

    let byOrder = try await client.call(
      TestHTTP2Client.composePath,
      self.request(.postPurchaseReview, order: log.orderIDs[first])
    )
    let orderLetter = try #require(try byOrder.decoded(Shoprec_V1_Letter.self).first)
    #expect(orderLetter.blocks.map(\.key) == ["review"])
    #expect(
      Set(orderLetter.blocks[0].items.map(\.productID)) == Set(Self.products(ofLogOrder: first))
    )

    let accessories = try await client.call(
      TestHTTP2Client.composePath,
      self.request(.postPurchaseAccessories, customer: customer.id, order: log.orderIDs[first])
    )
    let accessoriesLetter = try #require(try accessories.decoded(Shoprec_V1_Letter.self).first)
    #expect(
      ruleProblems(
        accessoriesLetter,
        self.request(.postPurchaseAccessories, customer: customer.id),
        context: Self.products(ofLogOrder: first)
      ).isEmpty
    )
    #expect(accessoriesLetter.blocks.map(\.key) == ["accessories"])
    try await running.stop()
  }

  @Test("errors: INVALID_ARGUMENT for bad arguments, NOT_FOUND for unknown ids")
  func errors() async throws {
    let running = try await LettersTestServer.start()
    let client = try TestHTTP2Client(port: running.port)
    let customer = Self.busiestCustomer()
    let log = LettersDemo.orderLog
    let someoneElsesOrder = (0 ..< log.orderCount).first {
      log.customerIDs[Int(log.orderCustomer[$0])] != customer.id
    }!
    let cases: [(Shoprec_V1_ComposeRequest, GRPCStatusCode)] = [
      (self.request(.unspecified, products: ["P000001"]), .invalidArgument),
      (self.request(.wishlist), .invalidArgument),
      (self.request(.wishlist, products: ["no-such-product"]), .notFound),
      (self.request(.wishlist, products: [""]), .invalidArgument),
      (self.request(.postPurchaseRating), .invalidArgument),
      (self.request(.postPurchaseRating, customer: "no-such-customer"), .notFound),
      (self.request(.postPurchaseRating, order: "no-such-order"), .notFound),
      (
        self.request(
          .postPurchaseRating,
          customer: customer.id,
          order: log.orderIDs[someoneElsesOrder]
        ), .invalidArgument
      ),
      (
        self.request(.wishlist, products: [log.productIDs[0]]).with_limit("similar", 101),
        .invalidArgument
      ),
      (
        self.request(.wishlist, products: [log.productIDs[0]]).with_limit("similar", -1),
        .invalidArgument
      ),
      (
        self.request(.wishlist, products: Array(repeating: log.productIDs[0], count: 101)),
        .invalidArgument
      ),
    ]
    for (request, code) in cases {
      let response = try await client.call(TestHTTP2Client.composePath, request)
      #expect(response.grpcStatus == code.rawValue, "\(request): \(response.grpcMessage ?? "")")
      #expect(response.messages.isEmpty)
    }
    let dueCases: [(Shoprec_V1_DueRequest, GRPCStatusCode)] = [
      (.with { $0.customerID = "no-such-customer" }, .notFound),
      (.with { $0.triggers = [.wishlist] }, .invalidArgument),
      (.with { $0.window = Google_Protobuf_Duration(seconds: -5) }, .invalidArgument),
    ]
    for (request, code) in dueCases {
      let response = try await client.call(TestHTTP2Client.duePath, request)
      #expect(response.grpcStatus == code.rawValue, "\(request): \(response.grpcMessage ?? "")")
    }
    try await running.stop()
  }
}

extension Shoprec_V1_ComposeRequest {
  /// A copy with `block_limits[key] = limit`.
  func with_limit(_ key: String, _ limit: Int32) -> Self {
    var copy = self
    copy.blockLimits[key] = limit
    return copy
  }
}
