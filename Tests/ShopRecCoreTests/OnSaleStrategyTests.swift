import ShopRecCore
import Testing

@Suite struct OnSaleStrategyTests {
  static let day: Int64 = 86_400

  /// Lamps on sale from brands A (three), B and D (w1: a Google-style sale window, days
  /// 100 to 110), one lamp without a sale and one on sale but out of stock; rugs from C and an
  /// item group of F; an outlet whose sale items are all out of stock; a garden root category
  /// with a single product, on sale. Without orders the sale
  /// score is 0.6 × discount: l1 0.30, w1 0.18, l2 0.12, l3 0.06, l4 0.03, r1 0.30, r2/r3 0.24.
  static func shop(orders: [(customer: String, products: [String])] = []) throws -> Snapshot {
    var shop = StrategyTestShop()
    shop.category("home")
    shop.category("lamps", parent: "home")
    shop.category("rugs", parent: "home")
    shop.category("clearance")
    shop.category("outlet", parent: "clearance")
    shop.product("l1", "lamps", price: 1000, brand: "A") { $0.salePrice = 500 }
    shop.product("l2", "lamps", price: 1000, brand: "A") { $0.salePrice = 800 }
    shop.product("l3", "lamps", price: 1000, brand: "A") { $0.salePrice = 900 }
    shop.product("l4", "lamps", price: 1000, brand: "B") { $0.salePrice = 950 }
    shop.product("l5", "lamps", price: 1000, brand: "B")
    shop.product("l6", "lamps", price: 1000, brand: "C") {
      $0.salePrice = 100
      $0.inStock = false
    }
    shop.product("r1", "rugs", price: 2000, brand: "C") { $0.salePrice = 1000 }
    shop.product("w1", "lamps", price: 1000, brand: "D") {
      $0.salePrice = 700
      $0.saleStart = 100 * Self.day
      $0.saleEnd = 110 * Self.day
    }
    shop.product("r2", "rugs", price: 2000, brand: "F") {
      $0.salePrice = 1200
      $0.groupID = "rug"
    }
    shop.product("r3", "rugs", price: 2000, brand: "F") {
      $0.salePrice = 1200
      $0.groupID = "rug"
    }
    shop.product("o1", "outlet", price: 500, brand: "E") {
      $0.salePrice = 100
      $0.inStock = false
    }
    shop.product("o2", "outlet", price: 500, brand: "E") {
      $0.salePrice = 200
      $0.inStock = false
    }
    shop.product("o3", "outlet", price: 500, brand: "E")
    shop.category("garden")
    shop.product("g1", "garden", price: 3000, brand: "G") { $0.salePrice = 2000 }
    for order in orders { shop.order(order.products, customer: order.customer) }
    return try shop.build()
  }

  static func onSale(
    _ s: Snapshot,
    near product: String? = nil,
    category: String? = nil,
    limit: Int = 10,
    day: Int64 = 105,
    filter: (inout RecommendationFilter) -> Void = { _ in }
  ) -> StrategyResult {
    s.ask(limit: limit, now: day * Self.day + 3600, filter: filter) {
      recommender,
      limit,
      filter,
      scratch in
      recommender.onSale(
        near: product.map { s.p($0) },
        category: category.map { s.c($0) },
        limit: limit,
        filter: filter,
        scratch: scratch
      )
    }
  }

  @Test func categoryFirstThenParentBestSaleFirst() throws {
    let s = try Self.shop()
    // Near l5 (a lamp not on sale): lamps by sale score, then the rest of "home"; r3 is a
    // variant of r2; l6 is out of stock.
    let result = Self.onSale(s, near: "l5")
    #expect(result.ids == ["l1", "w1", "l2", "l3", "l4", "r1", "r2"])
    #expect(Set(result.reasons) == [.onSale])
    #expect(result.isWellFormed)
    // A category asked for by id stays within it (the API contract: "in it and below it").
    #expect(Self.onSale(s, category: "lamps").ids == ["l1", "w1", "l2", "l3", "l4"])
    #expect(Self.onSale(s, category: "home").ids.count == 7)
  }

  @Test func brandDiversityCapsEachBrandAtAThirdFirst() throws {
    let s = try Self.shop()
    // Limit 3: one per brand in the first pass (l2 and l3 wait), so B's l4 gets in.
    #expect(Self.onSale(s, category: "lamps", limit: 3).ids == ["l1", "w1", "l4"])
    #expect(Self.onSale(s, near: "l5", limit: 5).ids == ["l1", "w1", "l4", "r1", "r2"])
    // Limit 6: two per brand; limit 7: the second pass adds l3.
    #expect(
      Self.onSale(s, near: "l5", limit: 6).ids == ["l1", "w1", "l2", "l4", "r1", "r2"]
    )
    #expect(
      Self.onSale(s, near: "l5", limit: 7).ids
        == ["l1", "w1", "l2", "l4", "r1", "r2", "l3"]
    )
    // Within the category only, the relaxed pass fills up with brand A's other lamps.
    #expect(Self.onSale(s, category: "lamps", limit: 5).ids == ["l1", "w1", "l4", "l2", "l3"])
  }

  @Test func saleWindowIsCheckedAtTheQueryMoment() throws {
    let s = try Self.shop()
    #expect(Self.onSale(s, near: "l5", limit: 3, day: 99).ids == ["l1", "l4", "r1"])
    #expect(Self.onSale(s, category: "lamps", limit: 3, day: 100).ids == ["l1", "w1", "l4"])
    #expect(Self.onSale(s, category: "lamps", limit: 3, day: 109).ids == ["l1", "w1", "l4"])
    // The end is exclusive.
    #expect(Self.onSale(s, near: "l5", limit: 3, day: 110).ids == ["l1", "l4", "r1"])
  }

  @Test func nearAProductLeavesItAndItsVariantsOut() throws {
    let s = try Self.shop()
    #expect(Self.onSale(s, near: "l1").ids == ["w1", "l2", "l3", "l4", "r1", "r2"])
    // Near r2: the rugs first (r3 is its variant, so only r1), then the lamps of "home".
    #expect(Self.onSale(s, near: "r2").ids == ["r1", "l1", "w1", "l2", "l3", "l4"])
    // Near l5, which is not on sale itself.
    #expect(Self.onSale(s, near: "l5", limit: 3).ids == ["l1", "w1", "l4"])
  }

  @Test func everythingOnSaleOutOfStockGivesNothingNotBackfill() throws {
    let s = try Self.shop()
    #expect(Self.onSale(s, category: "outlet").ids.isEmpty)
    #expect(Self.onSale(s, near: "o3").ids.isEmpty)
    // Sale lists hold only buyable products, so allowing out-of-stock items changes nothing.
    #expect(Self.onSale(s, category: "outlet") { $0.inStockOnly = false }.ids.isEmpty)
  }

  @Test func categoryWithOneProduct() throws {
    let s = try Self.shop()
    #expect(Self.onSale(s, category: "garden").ids == ["g1"])
    // Near its only product: nothing else is on sale there, and a root has no parent.
    #expect(Self.onSale(s, near: "g1").ids.isEmpty)
  }

  @Test func variantsCountOnceAndOnlyTheBestRankedShows() throws {
    let s = try Self.shop()
    // "rugs" holds r1 and the r2/r3 item group: near r1 only r2 of the group, then lamps.
    #expect(Self.onSale(s, near: "r1", limit: 3).ids == ["r2", "l1", "w1"])
    #expect(Self.onSale(s, category: "rugs").ids.filter { $0.hasPrefix("r") } == ["r1", "r2"])
  }

  @Test func popularityBlendsIntoTheSaleScore() throws {
    let s = try Self.shop(orders: [("k", ["l2"])])
    // l2 is now the most popular: 0.6·0.2 + 0.4·1 = 0.52 beats l1's 0.30.
    #expect(Self.onSale(s, category: "lamps").ids.prefix(3) == ["l2", "l1", "w1"])
    let scores = s.categories.subtreeSales.entries(ofRow: Int(s.c("lamps")))
    #expect(abs(Double(scores[0].score) - 0.52) < 1e-6)
  }

  @Test func filtersAndCustomerExclusion() throws {
    let s = try Self.shop(orders: [("k", ["l2"])])
    #expect(
      Self.onSale(s, near: "l5") { $0.customer = s.customer("k") }.ids
        == ["l1", "w1", "l3", "l4", "r1", "r2"]
    )
    // Prices paid at the query moment: l1 500, w1 700.
    #expect(Self.onSale(s, category: "lamps") { $0.maxPrice = 700 }.ids == ["l1", "w1"])
    #expect(Self.onSale(s, category: "lamps", day: 120) { $0.maxPrice = 700 }.ids == ["l1"])
    let a = Int32(s.catalog.brands.position(of: "A") ?? -1)
    #expect(Self.onSale(s, category: "lamps") { $0.includeBrands = [a] }.ids == ["l2", "l1", "l3"])
    #expect(
      Self.onSale(s, near: "l5") { $0.excludeCategories = [s.c("lamps")] }.ids
        == ["r1", "r2"]
    )
    // Limit 2: one per brand, so D's w1 comes before A's second lamp.
    #expect(Self.onSale(s, category: "lamps", limit: 2).ids == ["l2", "w1"])
  }
}
